package dev.poolhit.sim.image;

import dev.poolhit.sim.memory.SparseMemory;
import java.util.List;
import java.util.Map;

/**
 * Maps PE images into simulated memory the way the Windows loader does for a driver loaded at its
 * preferred base: the headers and every section at base + RVA (zero-filled to VirtualSize), then
 * the import address table filled with the exporting image's addresses. No relocation is needed
 * because every image is linked at the base it is loaded at. Apart from the IAT slots, mapped
 * bytes equal the file bytes, so a debugger reading the image sees the file.
 */
public final class ImageLoader {
    private final SparseMemory memory;

    public ImageLoader(SparseMemory memory) {
        this.memory = memory;
    }

    /** Maps headers and sections; imports are bound separately once every exporter is mapped. */
    public void map(LoadedImage image) {
        PeFile pe = image.pe();
        byte[] file = pe.bytes();
        memory.map(image.base(), pe.sizeOfImage());
        memory.write(image.base(), file, 0, (int) Math.min(pe.sizeOfHeaders(), file.length));
        for (PeSection s : pe.sections()) {
            long copy = s.mappedFileBytes();
            if (copy > 0 && s.rawPointer() + copy <= file.length) {
                memory.write(image.base() + s.virtualAddress(), file, (int) s.rawPointer(), (int) copy);
            } else if (copy > 0) {
                throw new ImageFormatException("section raw data beyond end of file: " + s.name() + " needs 0x"
                        + Long.toHexString(s.rawPointer() + copy) + " bytes, file has 0x"
                        + Integer.toHexString(file.length) + " (" + image.name() + ")");
            }
        }
    }

    /**
     * Fills {@code image}'s IAT: each slot gets the address of the named export of the loaded image
     * whose base name matches the import's DLL (case-insensitive).
     */
    public void bindImports(LoadedImage image, List<LoadedImage> exporters) {
        for (PeImport imp : image.pe().imports()) {
            LoadedImage from = exporters.stream()
                    .filter(e -> e.name().equalsIgnoreCase(imp.dll()))
                    .findFirst()
                    .orElseThrow(() -> new ImageFormatException("unresolved import: " + image.name()
                            + " imports from " + imp.dll() + ", which is not loaded"));
            Map<String, Long> exports = from.pe().exports();
            Long rva = imp.name() == null ? null : exports.get(imp.name());
            if (rva == null) {
                throw new ImageFormatException("unresolved import: " + image.name() + " needs " + imp.dll() + "!"
                        + (imp.name() == null ? "#" + imp.ordinal() : imp.name()) + ", not exported");
            }
            if (image.pe().pe32Plus()) {
                memory.put64(image.base() + imp.iatSlotRva(), from.base() + rva);
            } else {
                memory.put32(image.base() + imp.iatSlotRva(), from.base() + rva);
            }
        }
    }
}
