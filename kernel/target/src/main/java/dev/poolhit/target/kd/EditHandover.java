package dev.poolhit.target.kd;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.MemoryAccessException;
import dev.poolhit.target.memory.PatchTable;
import dev.poolhit.target.memory.VirtualMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Hands the code edits of a {@link KdTarget} whose link was lost over to a new one on the same
 * boot: the snapshot ({@link OwedEdits}), the same-boot check ({@link BootCheck}) and the adoption
 * into the new target's {@link CodeEdits}. The breakpoint handles stay valid across links because
 * the target keeps its breakpoint table in kernel memory, not in the link.
 */
final class EditHandover {
    /** KUSER_SHARED_DATA on x64 and its InterruptTime (KSYSTEM_TIME, 100 ns since boot). */
    private static final long KUSER_SHARED_DATA_X64 = 0xfffff78000000000L;
    private static final int INTERRUPT_TIME = 0x8;
    private static final int MACHINE_AMD64 = 0x8664;
    private static final byte INT3 = (byte) 0xcc;

    private EditHandover() {}

    /** InterruptTime now; empty when unreadable, zero (a simulator leaves it zero) or not an x64 kernel. */
    static OptionalLong bootClock(VirtualMemory raw, TargetInfo info) {
        if (info == null || info.machineType() != MACHINE_AMD64) {
            return OptionalLong.empty();
        }
        try {
            long time = LittleEndian.u64(raw.read(KUSER_SHARED_DATA_X64 + INTERRUPT_TIME, 8), 0);
            return time == 0 ? OptionalLong.empty() : OptionalLong.of(time);
        } catch (MemoryAccessException unmapped) {
            return OptionalLong.empty(); // no boot clock to compare: the edits themselves are the evidence
        }
    }

    static OwedEdits owed(TargetInfo info, OptionalLong bootClock, CodeEdits edits, PatchTable table) {
        Map<Long, Byte> originals = new LinkedHashMap<>();
        for (Long address : edits.breakpoints().keySet()) {
            byte[] code = {INT3};
            table.mask(address, code);
            originals.put(address, code[0]);
        }
        return new OwedEdits(info == null ? 0 : info.kernBase(), bootClock, edits.breakpoints(), originals,
                edits.patches());
    }

    static BootCheck check(VirtualMemory raw, TargetInfo info, OptionalLong bootClock, OwedEdits owed) {
        long base = info == null ? 0 : info.kernBase();
        if (base != owed.kernBase()) {
            return rebooted("kernel base is " + Hex.u64(base) + ", was " + Hex.u64(owed.kernBase()));
        }
        if (bootClock.isPresent() && owed.bootClock().isPresent()
                && Long.compareUnsigned(bootClock.getAsLong(), owed.bootClock().getAsLong()) < 0) {
            return rebooted(String.format("time since boot is %.1f s, was %.1f s at the earlier attach",
                    bootClock.getAsLong() / 1e7, owed.bootClock().getAsLong() / 1e7));
        }
        List<String> present = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        owed.breakpoints().keySet().forEach(a -> {
            byte original = owed.breakpointOriginals().get(a);
            if (original != INT3) {
                Integer now = byteAt(raw, a);
                (now != null && now.byteValue() == INT3 ? present : gone).add("breakpoint at " + Hex.u64(a));
            }
        });
        owed.patches().forEach((a, original) -> {
            if (!owed.breakpoints().containsKey(a)) {
                Integer now = byteAt(raw, a);
                (now != null && now.byteValue() != original ? present : gone).add("patch at " + Hex.u64(a));
            }
        });
        return verdict(base, present, gone);
    }

    private static BootCheck verdict(long base, List<String> present, List<String> gone) {
        if (!present.isEmpty()) {
            return new BootCheck(BootCheck.Verdict.SAME_BOOT, "same boot: kernel base " + Hex.u64(base) + ", "
                    + present.size() + " of our edits still in place" + (gone.isEmpty() ? "" : ", " + gone.size()
                    + " gone (" + String.join(", ", gone) + ")"), present, gone);
        }
        if (!gone.isEmpty()) {
            return new BootCheck(BootCheck.Verdict.REBOOTED, "target rebooted: none of our edits is in place ("
                    + String.join(", ", gone) + " gone)", present, gone);
        }
        return new BootCheck(BootCheck.Verdict.UNCONFIRMED, "kernel base " + Hex.u64(base)
                + " unchanged; no breakpoint or patch of ours can tell the boot", present, gone);
    }

    private static BootCheck rebooted(String why) {
        return new BootCheck(BootCheck.Verdict.REBOOTED, "target rebooted: " + why, List.of(), List.of());
    }

    /** The byte as the target holds it (our breakpoints read as {@code 0xcc}); null when unreadable. */
    private static Integer byteAt(VirtualMemory raw, long address) {
        try {
            return (int) raw.read(address, 1)[0];
        } catch (MemoryAccessException unmapped) {
            return null; // the module is gone: so is our edit in it
        }
    }

    /** Enters {@code owed} into {@code edits}, so removeBreakpoint and unpatch undo them over this link. */
    static void adopt(CodeEdits edits, ImageCache images, OwedEdits owed) {
        owed.patches().forEach((a, original) -> {
            edits.adoptPatch(a, original);
            images.forget(a, 1);
        });
        owed.breakpoints().forEach((a, handle) -> {
            edits.adoptBreakpoint(a, handle, owed.breakpointOriginals().get(a));
            images.forget(a, 1);
        });
    }
}
