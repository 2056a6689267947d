package dev.poolhit.sim.image;

/** One imported function: the DLL, the name (null when imported by ordinal), and the RVA of its IAT slot. */
public record PeImport(String dll, String name, int ordinal, long iatSlotRva) {}
