package dev.poolhit.sim.kernel;

/** One processor's control region: KPCR and the KPRCB embedded in it at +0x180. */
public record SimProcessor(int number, long kpcr, long kprcb) {}
