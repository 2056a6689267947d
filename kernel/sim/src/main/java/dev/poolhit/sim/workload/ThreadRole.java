package dev.poolhit.sim.workload;

/** Which kind of thread runs a pool event: the user process's main thread or a system worker thread. */
public enum ThreadRole { APP, WORKER }
