package dev.poolhit.sim.image;

import dev.poolhit.common.AddressRange;

/**
 * An image mapped into simulated memory at its preferred base.
 *
 * @param name      base name as the loader records it (e.g. {@code ntoskrnl.exe})
 * @param fullPath  the path the loader records in FullDllName
 * @param pe        the parsed file
 * @param kernelMode whether it lives in the kernel's loaded-module list (false for user-mode images)
 */
public record LoadedImage(String name, String fullPath, PeFile pe, boolean kernelMode) {
    public long base() {
        return pe.imageBase();
    }

    public long size() {
        return pe.sizeOfImage();
    }

    public AddressRange range() {
        return AddressRange.ofSize(base(), size());
    }

    /** Absolute address of an export; throws when the image does not export it. */
    public long export(String symbol) {
        Long rva = pe.exports().get(symbol);
        if (rva == null) {
            throw new ImageFormatException("missing export: " + name + "!" + symbol);
        }
        return base() + rva;
    }
}
