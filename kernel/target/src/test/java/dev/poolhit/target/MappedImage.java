package dev.poolhit.target;

import dev.poolhit.target.pe.ImageBytes;
import dev.poolhit.target.pe.PeImage;
import dev.poolhit.target.pe.SectionHeader;

/** Lays a PE file out as the loader maps it (headers, then each section's raw data at its RVA). */
public final class MappedImage {
    private MappedImage() {}

    public static byte[] map(byte[] file) {
        PeImage pe = PeImage.parse(ImageBytes.ofFile(file, "test image"));
        byte[] image = new byte[(int) pe.headers().sizeOfImage()];
        System.arraycopy(file, 0, image, 0, (int) Math.min(pe.headers().sizeOfHeaders(), Math.min(file.length, image.length)));
        for (SectionHeader s : pe.headers().sections()) {
            long n = Math.min(s.sizeOfRawData(), Math.min(s.mappedSize(), image.length - s.virtualAddress()));
            n = Math.min(n, file.length - s.pointerToRawData());
            if (n > 0) {
                System.arraycopy(file, (int) s.pointerToRawData(), image, (int) s.virtualAddress(), (int) n);
            }
        }
        return image;
    }
}
