package dev.poolhit.sim.kernel;

import java.util.List;
import java.util.Optional;

/**
 * What boot created in memory: globals, processes, threads and processors, for the machine and for
 * tests (ground truth about object addresses).
 *
 * @param idleThreads one per processor, index = processor number
 * @param workers     system worker threads (process System)
 * @param appThread   the user process's main thread (leakyapp.exe)
 * @param appPeb      the user process's PEB and loader list (empty when no user-mode image was mapped)
 * @param layout      pointer width, offsets and address ranges of the architecture these were written in
 */
public record KernelState(KernelGlobals globals, KdVersion version, List<SimProcess> processes,
                          List<SimProcessor> processors, List<SimThread> idleThreads, List<SimThread> workers,
                          SimThread appThread, List<Long> moduleEntries,
                          Optional<SimPeb> appPeb, KernelLayout layout) {
    public KernelState {
        processes = List.copyOf(processes);
        processors = List.copyOf(processors);
        idleThreads = List.copyOf(idleThreads);
        workers = List.copyOf(workers);
        moduleEntries = List.copyOf(moduleEntries);
    }
}
