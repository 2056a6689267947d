package dev.poolhit.sim;

/**
 * Which Windows 7 SP1 machine the simulator models: the 64-bit one (default) or the 32-bit PAE
 * kernel built from the x86 image set. Everything architecture-specific (image set, kernel layouts,
 * stacks, wire encodings) is chosen from this one value.
 */
public enum Architecture {
    /** Windows 7 SP1 x64 (AMD64, MachineType 0x8664), the {@code SimImages.x64()} set. */
    X64,
    /** Windows 7 SP1 x86 with the PAE kernel (MachineType 0x014c), the {@code SimImages.x86()} set. */
    X86;

    /** Width of a pointer in target memory. */
    public int pointerBytes() {
        return this == X64 ? 8 : 4;
    }

    /** Parses {@code x64}/{@code amd64} or {@code x86}/{@code i386} (case-insensitive), as {@code --arch} takes it. */
    public static Architecture parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "x64", "amd64" -> X64;
            case "x86", "i386" -> X86;
            default -> throw new IllegalArgumentException("unknown architecture: expected x64 or x86, actual '"
                    + text + "'");
        };
    }
}
