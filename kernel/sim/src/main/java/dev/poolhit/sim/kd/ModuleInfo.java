package dev.poolhit.sim.kd;

/**
 * A loaded kernel module as a DBGKD_LOAD_SYMBOLS64 state change reports it.
 *
 * @param path     the path sent as extra data (ANSI), e.g. {@code \SystemRoot\system32\ntoskrnl.exe}
 * @param base     BaseOfDll
 * @param size     SizeOfImage
 * @param checkSum the PE header checksum
 */
public record ModuleInfo(String path, long base, int size, int checkSum) {}
