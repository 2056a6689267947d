package dev.poolhit.target.pe;

/** IMAGE_DATA_DIRECTORY: an RVA and a size (both u32). */
public record DataDirectory(long rva, long size) {
    public static final int EXPORT = 0;
    public static final int EXCEPTION = 3;
    public static final int DEBUG = 6;

    public boolean isEmpty() {
        return rva == 0 || size == 0;
    }
}
