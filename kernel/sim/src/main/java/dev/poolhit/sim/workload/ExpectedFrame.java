package dev.poolhit.sim.workload;

/**
 * One frame of a ground-truth stack: the function and the instruction pointer in it (a return
 * address for every frame but the innermost, which holds the check site).
 */
public record ExpectedFrame(String function, long ip) {}
