package dev.poolhit.sim.kernel;

/** A process object: its EPROCESS address, UniqueProcessId and ImageFileName (at most 15 bytes on Windows). */
public record SimProcess(long eprocess, long pid, String imageFileName) {}
