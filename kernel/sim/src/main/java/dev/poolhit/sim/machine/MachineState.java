package dev.poolhit.sim.machine;

/**
 * The machine's run state. BROKEN: stopped in the debugger, every manipulate call is valid.
 * RUNNING: executing; only {@link Machine#run} (by the thread driving it) and
 * {@link Machine#requestBreakIn} (any thread) make sense.
 */
public enum MachineState { BROKEN, RUNNING }
