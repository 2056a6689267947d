package dev.poolhit.sim.kernel;

/**
 * A process object: its EPROCESS address, UniqueProcessId, ImageFileName (at most 15 bytes on
 * Windows) and EPROCESS.Peb (0 for the System and Idle processes, which have no user mode).
 */
public record SimProcess(long eprocess, long pid, String imageFileName, long peb) {}
