package dev.poolhit.sim.kernel;

import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Writes the kernel's data structures at boot, after the images are mapped: loaded-module list,
 * debugger data block, version block, processes and threads, per-processor KPCR/KPRCB.
 */
public final class KernelBuilder {
    /** Boot-time kernel objects live in non-paged pool, below the workload's pool pages. */
    static final long OBJECTS_START = 0xfffffa8000c00000L;
    static final long OBJECTS_SIZE = 0x400000;
    /** Win7 x64 places secondary processors' KPCRs here; the simulator uses it for every processor. */
    static final long KPCR_START = 0xfffff880009e0000L;
    static final long KPCR_STRIDE = 0x8000;
    static final long APP_PID = 0x9c4;

    private final SparseMemory memory;
    private final ToLongFunction<String> ntSymbol;

    /** @param ntSymbol address of an ntoskrnl public symbol by name (throws when absent) */
    public KernelBuilder(SparseMemory memory, ToLongFunction<String> ntSymbol) {
        this.memory = memory;
        this.ntSymbol = ntSymbol;
    }

    public KernelState build(List<LoadedImage> kernelImages, int processorCount, int workerCount) {
        return build(kernelImages, List.of(), processorCount, workerCount);
    }

    /** As above, plus the user process's PEB and loader list over {@code userImages} (ntdll, leakyapp). */
    public KernelState build(List<LoadedImage> kernelImages, List<LoadedImage> userImages, int processorCount,
                             int workerCount) {
        BumpAllocator objects = new BumpAllocator(memory, OBJECTS_START, OBJECTS_SIZE);
        KernelGlobals g = globals(kernelImages.get(0), objects);
        List<Long> entries = new ModuleListWriter(memory, objects).write(g.psLoadedModuleList(), kernelImages);
        new DebuggerDataWriter(memory).write(g.debuggerDataBlock(), g.debuggerDataList(), g);
        KdVersion version = KdVersion.win7(g.kernBase(), g.psLoadedModuleList(), g.debuggerDataList());
        memory.writeFully(ntSymbol.applyAsLong("KdVersionBlock"), version.encode());
        memory.put8(ntSymbol.applyAsLong("KdDebuggerEnabled"), 1);
        memory.put8(ntSymbol.applyAsLong("KeNumberProcessors"), processorCount);
        SharedUserData.write(memory);

        ProcessTableWriter table = new ProcessTableWriter(memory, objects, g.psActiveProcessHead());
        SimProcess idle = table.createProcess(0, "Idle", 0, false);
        SimProcess system = table.createProcess(4, "System", 0, true);
        Optional<SimPeb> peb = userImages.isEmpty() ? Optional.empty()
                : Optional.of(new PebWriter(memory).write(userImages));
        SimProcess app = table.createProcess(APP_PID, "leakyapp.exe", 0x5d8, true, peb.map(SimPeb::peb).orElse(0L));
        memory.put64(ntSymbol.applyAsLong("PsInitialSystemProcess"), system.eprocess());
        List<SimThread> idleThreads = new ArrayList<>();
        List<SimProcessor> processors = new ArrayList<>();
        for (int p = 0; p < processorCount; p++) {
            SimThread t = table.createThread(idle, 0, ntSymbol.applyAsLong("KiIdleLoop"));
            idleThreads.add(t);
            SimProcessor cpu = table.createProcessor(p, KPCR_START + KPCR_STRIDE * p, t);
            memory.put64(cpu.kpcr() + 0x108, ntSymbol.applyAsLong("KdVersionBlock")); // KPCR.KdVersionBlock
            memory.put64(g.kiProcessorBlock() + 8L * p, cpu.kprcb());
            processors.add(cpu);
        }
        List<SimThread> workers = new ArrayList<>();
        for (int w = 0; w < workerCount; w++) {
            workers.add(table.createThread(system, 0x1c + 4L * w, ntSymbol.applyAsLong("ExpWorkerThread")));
        }
        SimThread appThread = table.createThread(app, 0xa10, ntSymbol.applyAsLong("KiSystemCall64"));
        return new KernelState(g, version, List.of(system, app), processors, idleThreads, workers, appThread, entries,
                peb);
    }

    private KernelGlobals globals(LoadedImage nt, BumpAllocator objects) {
        long highestUser = objects.allocate(16, 8);
        memory.put64(highestUser, 0x000007fffffeffffL);
        memory.put64(highestUser + 8, 0xffff080000000000L);
        return new KernelGlobals(nt.base(), ntSymbol.applyAsLong("PsLoadedModuleList"),
                ntSymbol.applyAsLong("PsActiveProcessHead"), ntSymbol.applyAsLong("KdpDebuggerDataListHead"),
                ntSymbol.applyAsLong("KdDebuggerDataBlock"), ntSymbol.applyAsLong("RtlpBreakWithStatusInstruction"),
                ntSymbol.applyAsLong("PoolHitTag"), ntSymbol.applyAsLong("KiProcessorBlock"), highestUser,
                highestUser + 8);
    }
}
