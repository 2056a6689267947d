package dev.poolhit.target.kd;

import dev.poolhit.target.AddressStyle;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.target.MemoryAccessException;
import dev.poolhit.target.memory.PatchTable;
import dev.poolhit.target.memory.VirtualMemory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Hands the code edits of a {@link KdTarget} whose link was lost over to a new one on the same
 * boot: the snapshot ({@link OwedEdits}), the same-boot check ({@link BootCheck}) and the adoption
 * into the new target's {@link CodeEdits}. The breakpoint handles stay valid across links because
 * the target keeps its breakpoint table in kernel memory, not in the link.
 */
final class EditHandover {
    /** KUSER_SHARED_DATA on x64 and x86 (sign-extended) and its InterruptTime (KSYSTEM_TIME, 100 ns since boot). */
    private static final long KUSER_SHARED_DATA_X64 = 0xfffff78000000000L;
    private static final long KUSER_SHARED_DATA_X86 = 0xffffffffffdf0000L;
    private static final int INTERRUPT_TIME = 0x8;
    private static final int MACHINE_AMD64 = 0x8664;
    private static final byte INT3 = (byte) 0xcc;
    /** The kernel's breakpoint table size: handles 1..32 (WinDbg sweeps the same range). */
    private static final int BREAKPOINT_HANDLES = 32;

    private EditHandover() {}

    /** InterruptTime now; empty when unreadable, zero (a simulator leaves it zero) or no kernel was found. */
    static OptionalLong bootClock(VirtualMemory raw, TargetInfo info) {
        if (info == null) {
            return OptionalLong.empty();
        }
        long shared = info.machineType() == MACHINE_AMD64 ? KUSER_SHARED_DATA_X64 : KUSER_SHARED_DATA_X86;
        try {
            long time = LittleEndian.u64(raw.read(shared + INTERRUPT_TIME, 8), 0);
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
                edits.patches(), edits.unconfirmedBreakpoints());
    }

    static BootCheck check(VirtualMemory raw, TargetInfo info, OptionalLong bootClock, OwedEdits owed) {
        long base = info == null ? 0 : info.kernBase();
        AddressStyle style = info == null ? AddressStyle.X64 : info.addressStyle();
        if (base != owed.kernBase()) {
            return rebooted("kernel base is " + style.text(base) + ", was " + style.text(owed.kernBase()));
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
                (now != null && now.byteValue() == INT3 ? present : gone).add("breakpoint at " + style.text(a));
            }
        });
        owed.patches().forEach((a, original) -> {
            Integer now = byteAt(raw, a);
            if (now != null && now.byteValue() != original && now.byteValue() != INT3) {
                present.add("patch at " + style.text(a));
            } else if (!underBreakpoint(owed, a) || original != INT3) {
                (now != null && now.byteValue() != original ? present : gone).add("patch at " + style.text(a));
            } // else: our breakpoint over the code's own int 3 hides whether the patch under it is still there
        });
        return verdict(base, style, present, gone);
    }

    private static boolean underBreakpoint(OwedEdits owed, long address) {
        return owed.breakpoints().containsKey(address) || owed.unconfirmed().containsKey(address);
    }

    private static BootCheck verdict(long base, AddressStyle style, List<String> present, List<String> gone) {
        if (!present.isEmpty()) {
            return new BootCheck(BootCheck.Verdict.SAME_BOOT, "same boot: kernel base " + style.text(base) + ", "
                    + present.size() + " of our edits still in place" + (gone.isEmpty() ? "" : ", " + gone.size()
                    + " gone (" + String.join(", ", gone) + ")"), present, gone);
        }
        if (!gone.isEmpty()) {
            return new BootCheck(BootCheck.Verdict.REBOOTED, "target rebooted: none of our edits is in place ("
                    + String.join(", ", gone) + " gone)", present, gone);
        }
        return new BootCheck(BootCheck.Verdict.UNCONFIRMED, "kernel base " + style.text(base)
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

    /**
     * Enters {@code owed} into {@code edits}, so removeBreakpoint and unpatch undo them over this link.
     * A breakpoint that no longer reads {@code 0xcc} was removed by a request whose answer the old link
     * lost, and is not adopted; a breakpoint write the old link never heard back about is cleared by
     * sweeping the target's other handles, as WinDbg does at attach. Returns what it noticed.
     */
    static List<String> adopt(CodeEdits edits, ImageCache images, VirtualMemory raw, KdClient client, OwedEdits owed,
                              AddressStyle style)
            throws KdException {
        List<String> notes = new ArrayList<>();
        owed.patches().forEach((a, original) -> edits.adoptPatch(a, original));
        Set<Integer> handles = new HashSet<>();
        owed.breakpoints().forEach((a, handle) -> {
            Integer now = byteAt(raw, a);
            if (now != null && now.byteValue() == INT3) {
                edits.adoptBreakpoint(a, handle, owed.breakpointOriginals().get(a));
                handles.add(handle);
            } else {
                notes.add("breakpoint at " + style.text(a) + " was already removed");
            }
        });
        if (!owed.unconfirmed().isEmpty()) {
            for (int handle = 1; handle <= BREAKPOINT_HANDLES; handle++) {
                if (!handles.contains(handle) && restoreIfSet(client, handle)) {
                    notes.add("cleared breakpoint handle " + handle + " (set while the old link died)");
                }
            }
        }
        for (Long a : union(owed)) {
            images.forget(a, 1);
        }
        return notes;
    }

    private static boolean restoreIfSet(KdClient client, int handle) throws KdException {
        try {
            Uninterrupted.run(() -> {
                client.restoreBreakpoint(handle);
                return null;
            });
            return true;
        } catch (KdStatusException free) {
            return false; // the usual answer: nobody holds this handle
        }
    }

    private static Set<Long> union(OwedEdits owed) {
        Set<Long> all = new HashSet<>(owed.patches().keySet());
        all.addAll(owed.breakpoints().keySet());
        all.addAll(owed.unconfirmed().keySet());
        return all;
    }
}
