package dev.poolhit.target.kd;

import dev.poolhit.common.Hex;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KdDebuggerData64;
import dev.poolhit.kd.protocol.KdDebuggerDataField;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pe.PeImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the kernel the way WinDbg does (kd-protocol.md 7): GetVersion gives DebuggerDataList, whose
 * Flink is KdDebuggerDataBlock ('KDBG'), whose PsLoadedModuleList is walked entry by entry; each
 * module's PE headers are then read from target memory for its RSDS record. Whatever cannot be read
 * becomes a note and a fallback, never a guess.
 */
final class KernelDiscovery {
    /** No real kernel loads this many drivers; past it the list is treated as corrupt. */
    static final int MAX_MODULES = 4096;
    private static final int MAX_NAME_BYTES = 0x400;
    private static final int MAX_KDBG_BYTES = 0x1000;
    private static final System.Logger LOG = System.getLogger(KernelDiscovery.class.getName());

    private final VirtualMemory memory;
    private final Arch arch;
    private final List<String> notes = new ArrayList<>();

    KernelDiscovery(VirtualMemory memory) {
        this(memory, new Arch());
    }

    /** On an x86 kernel ({@code arch}) links, bases and names are 32-bit and KDBG's pointers are cut to 32 bits. */
    KernelDiscovery(VirtualMemory memory, Arch arch) {
        this.memory = memory;
        this.arch = arch;
    }

    List<String> notes() {
        return notes;
    }

    /** KdDebuggerDataBlock, or null (with a note) when the list or the block is unusable. */
    KdDebuggerData64 debuggerData(GetVersion64 version) {
        if ((version.flags() & GetVersion64.FLAG_DATA) == 0 || version.debuggerDataList() == 0) {
            notes.add("target reports no debugger data list (flags 0x" + Integer.toHexString(version.flags()) + ")");
            return null;
        }
        try {
            long block = arch.pointer(memory, arch.fromWire(version.debuggerDataList()));
            byte[] header = memory.read(block, KdDebuggerData64.HEADER_BYTES);
            int tag = LittleEndian.i32(header, 0x10);
            long size = LittleEndian.u32(header, 0x14);
            if (tag != KdDebuggerData64.OWNER_TAG) {
                notes.add(String.format("KdDebuggerDataBlock at %s: OwnerTag 0x%08x, expected 0x%08x ('KDBG')",
                        Hex.u64(block), tag, KdDebuggerData64.OWNER_TAG));
                return null;
            }
            if (size < KdDebuggerData64.HEADER_BYTES + 0x38 || size > MAX_KDBG_BYTES) {
                notes.add("KdDebuggerDataBlock at " + Hex.u64(block) + ": Size 0x" + Long.toHexString(size)
                        + ", expected 0x50..0x1000");
                return null;
            }
            return KdDebuggerData64.decode(memory.read(block, (int) size)); // 64-bit fields on x86 too (12.6)
        } catch (TargetException | KdProtocolException e) {
            notes.add("KdDebuggerDataBlock unreadable: " + e.getMessage());
            return null;
        }
    }

    /** Walks the list at {@code head} (no PE headers read); stops (with a note) at a loop, a bad entry or MAX_MODULES. */
    ModuleList modulesShallow(long head, long kernBase) {
        List<Module> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        try {
            long entry = arch.pointer(memory, head);
            while (entry != head) {
                if (!seen.add(entry) || out.size() >= MAX_MODULES) {
                    notes.add("loaded-module list loops or exceeds " + MAX_MODULES + " entries at " + Hex.u64(entry));
                    break;
                }
                KernelModuleEntry e = KernelModuleEntry.read(memory, entry, arch);
                addModule(out, e, kernBase);
                entry = e.flink();
            }
        } catch (TargetException | KdProtocolException e) {
            notes.add("loaded-module list walk stopped: " + e.getMessage());
        }
        return new ModuleList(out);
    }

    private void addModule(List<Module> out, KernelModuleEntry e, long kernBase) {
        String imageName = unicode(e.nameBuffer(), e.nameLength());
        if (e.sizeOfImage() <= 0) {
            notes.add("module " + imageName + " at " + Hex.u64(e.dllBase()) + " has SizeOfImage 0: skipped");
            return;
        }
        Module m = new Module(shortName(imageName, e.dllBase() == kernBase), imageName, e.dllBase(),
                e.sizeOfImage(), e.exceptionTable(), e.exceptionTableSize(), 0,
                java.util.Optional.empty());
        out.add(m);
    }

    /** Adds the RSDS record and TimeDateStamp from the image headers in target memory. */
    Module withHeaders(Module m) {
        try {
            PeImage pe = PeImage.parseMapped(memory, m.base(), m.imageName());
            if (pe.codeView().isPresent()) {
                return m.withCodeView(pe.codeView().get(), pe.headers().timeDateStamp());
            }
            notes.add("module " + m.name() + ": image names no PDB (no RSDS record)");
        } catch (TargetException e) {
            notes.add("module " + m.name() + ": headers unreadable: " + e.getMessage());
            LOG.log(System.Logger.Level.DEBUG, "headers of " + m, e);
        }
        return m;
    }

    private String unicode(long buffer, int lengthBytes) {
        if (buffer == 0 || lengthBytes <= 0) {
            return "";
        }
        int n = Math.min(lengthBytes & ~1, MAX_NAME_BYTES);
        try {
            return new String(memory.read(buffer, n), StandardCharsets.UTF_16LE);
        } catch (TargetException e) {
            notes.add("module name at " + Hex.u64(buffer) + " unreadable: " + e.getMessage());
            return "";
        }
    }

    /** WinDbg's module names: {@code nt} for the kernel, else the file name without extension. */
    static String shortName(String imageName, boolean kernel) {
        if (kernel) {
            return "nt";
        }
        String file = imageName.isEmpty() ? "unknown" : imageName;
        int dot = file.lastIndexOf('.');
        return (dot > 0 ? file.substring(0, dot) : file).toLowerCase(Locale.ROOT);
    }
}
