package dev.poolhit.sim.kernel;

import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Writes the kernel's data structures at boot, after the images are mapped: loaded-module list,
 * debugger data block, version block, processes and threads, per-processor KPCR/KPRCB, in the
 * layout of the machine's architecture ({@link KernelLayout}). Kept for the life of a boot so a
 * driver loaded later joins the same module list ({@link #loadModule}).
 */
public final class KernelBuilder {
    static final long OBJECTS_SIZE = 0x400000;
    static final long APP_PID = 0x9c4;
    /** KPCR.KdVersionBlock on x64 (the x86 row is {@link Win7X86Offsets#KPCR_KD_VERSION_BLOCK}). */
    private static final int KPCR_KD_VERSION_BLOCK_X64 = 0x108;

    private final KernelLayout layout;
    private final SparseMemory memory;
    private final ToLongFunction<String> ntSymbol;
    private BumpAllocator objects;
    private ModuleListWriter modules;

    /** The x64 kernel. @param ntSymbol address of an ntoskrnl public symbol by name (throws when absent) */
    public KernelBuilder(SparseMemory memory, ToLongFunction<String> ntSymbol) {
        this(KernelLayout.X64, memory, ntSymbol);
    }

    public KernelBuilder(KernelLayout layout, SparseMemory memory, ToLongFunction<String> ntSymbol) {
        this.layout = layout;
        this.memory = memory;
        this.ntSymbol = ntSymbol;
    }

    public KernelState build(List<LoadedImage> kernelImages, int processorCount, int workerCount) {
        return build(kernelImages, List.of(), processorCount, workerCount);
    }

    /** As above, plus the user process's PEB and loader list over {@code userImages} (ntdll, leakyapp). */
    public KernelState build(List<LoadedImage> kernelImages, List<LoadedImage> userImages, int processorCount,
                             int workerCount) {
        objects = new BumpAllocator(memory, layout.objectsStart(), OBJECTS_SIZE);
        KernelGlobals g = globals(kernelImages.get(0), objects);
        modules = new ModuleListWriter(layout, memory, objects);
        List<Long> entries = modules.write(g.psLoadedModuleList(), kernelImages);
        new DebuggerDataWriter(layout, memory).write(g.debuggerDataBlock(), g.debuggerDataList(), g);
        KdVersion version = layout.x86()
                ? KdVersion.win7x86(g.kernBase(), g.psLoadedModuleList(), g.debuggerDataList())
                : KdVersion.win7(g.kernBase(), g.psLoadedModuleList(), g.debuggerDataList());
        memory.writeFully(ntSymbol.applyAsLong("KdVersionBlock"), version.encode());
        memory.put8(ntSymbol.applyAsLong("KdDebuggerEnabled"), 1);
        memory.put8(ntSymbol.applyAsLong("KeNumberProcessors"), processorCount);
        writeSharedUserData(userImages);
        ProcessTableWriter table = new ProcessTableWriter(layout, memory, objects, g.psActiveProcessHead());
        SimProcess idle = table.createProcess(0, "Idle", 0, false);
        SimProcess system = table.createProcess(4, "System", 0, true);
        Optional<SimPeb> peb = userImages.isEmpty() ? Optional.empty()
                : Optional.of(new PebWriter(layout, memory).write(userImages));
        SimProcess app = table.createProcess(APP_PID, "leakyapp.exe", 0x5d8, true, peb.map(SimPeb::peb).orElse(0L));
        layout.putPointer(memory, ntSymbol.applyAsLong("PsInitialSystemProcess"), system.eprocess());
        List<SimThread> idleThreads = new ArrayList<>();
        List<SimProcessor> processors = new ArrayList<>();
        int kdVersionBlock = layout.x86() ? Win7X86Offsets.KPCR_KD_VERSION_BLOCK.offset() : KPCR_KD_VERSION_BLOCK_X64;
        for (int p = 0; p < processorCount; p++) {
            SimThread t = table.createThread(idle, 0, ntSymbol.applyAsLong("KiIdleLoop"));
            idleThreads.add(t);
            SimProcessor cpu = table.createProcessor(p, layout.kpcrStart() + layout.kpcrStride() * p, t);
            layout.putPointer(memory, cpu.kpcr() + kdVersionBlock, ntSymbol.applyAsLong("KdVersionBlock"));
            layout.putPointer(memory, g.kiProcessorBlock() + (long) layout.pointerBytes() * p, cpu.kprcb());
            processors.add(cpu);
        }
        List<SimThread> workers = new ArrayList<>();
        for (int w = 0; w < workerCount; w++) {
            workers.add(table.createThread(system, 0x1c + 4L * w, ntSymbol.applyAsLong("ExpWorkerThread")));
        }
        String syscallEntry = layout.x86() ? "KiFastCallEntry" : "KiSystemCall64";
        SimThread appThread = table.createThread(app, 0xa10, ntSymbol.applyAsLong(syscallEntry));
        return new KernelState(g, version, List.of(system, app), processors, idleThreads, workers, appThread, entries,
                peb, layout);
    }

    /** Appends a driver mapped after boot to {@code PsLoadedModuleList}; returns its loader entry. */
    public long loadModule(KernelState kernel, LoadedImage driver) {
        return modules.append(kernel.globals().psLoadedModuleList(), driver);
    }

    private void writeSharedUserData(List<LoadedImage> userImages) {
        long call = 0;
        long ret = 0;
        for (LoadedImage image : userImages) {
            Long fast = image.pe().exports().get("KiFastSystemCall");
            Long back = image.pe().exports().get("KiFastSystemCallRet");
            call = fast != null ? image.base() + fast : call;
            ret = back != null ? image.base() + back : ret;
        }
        SharedUserData.write(layout, memory, call, ret);
    }

    private KernelGlobals globals(LoadedImage nt, BumpAllocator objects) {
        long highestUser = objects.allocate(16, 8);
        layout.putPointer(memory, highestUser, layout.highestUserAddress());
        layout.putPointer(memory, highestUser + 8, layout.systemRangeStart());
        return new KernelGlobals(nt.base(), ntSymbol.applyAsLong("PsLoadedModuleList"),
                ntSymbol.applyAsLong("PsActiveProcessHead"), ntSymbol.applyAsLong("KdpDebuggerDataListHead"),
                ntSymbol.applyAsLong("KdDebuggerDataBlock"), ntSymbol.applyAsLong("RtlpBreakWithStatusInstruction"),
                ntSymbol.applyAsLong("PoolHitTag"), ntSymbol.applyAsLong("KiProcessorBlock"), highestUser,
                highestUser + 8);
    }
}
