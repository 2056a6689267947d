package dev.poolhit.target.os;

import dev.poolhit.common.Hex;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.pe.PeImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A process's user-mode modules: EPROCESS.Peb -> PEB.Ldr -> InLoadOrderModuleList, one
 * {@link LdrDataTableEntry} per image, read in that process's address space (the current one at a
 * stop in its thread). Each module gets its RSDS record from the PE headers in memory so its PDB
 * can be found; its .pdata is read from the same headers when the unwinder needs it. What cannot be
 * read ends the walk with a note; what was read so far is kept.
 */
public final class LoaderList {
    /** No process loads this many images; past it the list is treated as corrupt. */
    static final int MAX_MODULES = 2048;
    private static final int MAX_NAME_BYTES = 0x208;

    private final VirtualMemory memory;
    private final OsOffsets offsets;
    private final List<String> notes = new ArrayList<>();

    public LoaderList(VirtualMemory memory, OsOffsets offsets) {
        this.memory = memory;
        this.offsets = offsets;
    }

    /** What could not be read in the walks so far. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The process's modules in load order; empty for a process without a PEB (System, Idle). */
    public List<Module> modules(ProcessInfo process) {
        List<Module> out = new ArrayList<>();
        if (process.peb() == 0) {
            return out;
        }
        try {
            long ldr = pointer(process.peb() + offsets.pebLdr());
            if (ldr == 0) {
                notes.add(process.text() + ": PEB " + Hex.u64(process.peb()) + " has no loader data yet");
                return out;
            }
            walk(process, ldr + offsets.ldrInLoadOrderModuleList(), out);
        } catch (TargetException e) {
            notes.add(process.text() + ": loader list walk stopped: " + e.getMessage());
        }
        return out;
    }

    private void walk(ProcessInfo process, long head, List<Module> out) {
        Set<Long> seen = new HashSet<>();
        for (long entry = pointer(head); entry != head; ) {
            if (!seen.add(entry) || seen.size() > MAX_MODULES) {
                notes.add(process.text() + ": loader list loops or exceeds " + MAX_MODULES + " entries at "
                        + Hex.u64(entry));
                return;
            }
            LdrDataTableEntry e = offsets.pointerBytes() == 4
                    ? LdrDataTableEntry.decode32(memory.read(entry, LdrDataTableEntry.BYTES_32))
                    : LdrDataTableEntry.decode(memory.read(entry, LdrDataTableEntry.BYTES));
            String imageName = name(e.baseDllNameBuffer(), e.baseDllNameLength());
            if (e.sizeOfImage() == 0 || e.dllBase() == 0) {
                notes.add(process.text() + ": module " + imageName + " at " + Hex.u64(e.dllBase())
                        + " has no base or size: skipped");
            } else {
                out.add(withHeaders(Module.of(shortName(imageName), imageName, e.dllBase(), e.sizeOfImage())));
            }
            entry = e.flink();
        }
    }

    private Module withHeaders(Module m) {
        try {
            PeImage pe = PeImage.parseMapped(memory, m.base(), m.imageName());
            return pe.codeView().map(cv -> m.withCodeView(cv, pe.headers().timeDateStamp())).orElse(m);
        } catch (TargetException e) {
            notes.add("module " + m.name() + ": headers unreadable: " + e.getMessage());
            return m;
        }
    }

    private long pointer(long address) {
        return offsets.pointerBytes() == 4 ? (int) memory.u32(address) : memory.u64(address);
    }

    private String name(long buffer, int lengthBytes) {
        if (buffer == 0 || lengthBytes <= 0) {
            return "";
        }
        return new String(memory.read(buffer, Math.min(lengthBytes & ~1, MAX_NAME_BYTES)), StandardCharsets.UTF_16LE);
    }

    /** WinDbg's module name: the file name without extension, lower case ({@code ntdll}, {@code leakyapp}). */
    static String shortName(String imageName) {
        String file = imageName.isEmpty() ? "unknown" : imageName;
        int dot = file.lastIndexOf('.');
        return (dot > 0 ? file.substring(0, dot) : file).toLowerCase(Locale.ROOT);
    }
}
