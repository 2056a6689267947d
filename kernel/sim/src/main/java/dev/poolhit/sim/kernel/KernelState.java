package dev.poolhit.sim.kernel;

import java.util.List;

/**
 * What boot created in memory: globals, processes, threads and processors, for the machine and for
 * tests (ground truth about object addresses).
 *
 * @param idleThreads one per processor, index = processor number
 * @param workers     system worker threads (process System)
 * @param appThread   the user process's main thread (leakyapp.exe)
 */
public record KernelState(KernelGlobals globals, KdVersion version, List<SimProcess> processes,
                          List<SimProcessor> processors, List<SimThread> idleThreads, List<SimThread> workers,
                          SimThread appThread, List<Long> moduleEntries) {
    public KernelState {
        processes = List.copyOf(processes);
        processors = List.copyOf(processors);
        idleThreads = List.copyOf(idleThreads);
        workers = List.copyOf(workers);
        moduleEntries = List.copyOf(moduleEntries);
    }
}
