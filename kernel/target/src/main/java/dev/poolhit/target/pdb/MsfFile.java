package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.PdbFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The MSF 7.00 container of a PDB: superblock, block map, stream directory, and streams as
 * concatenated blocks. Every block index and size is checked against the file, so a hostile file
 * cannot make a stream larger than the file itself.
 */
final class MsfFile {
    static final byte[] MAGIC = "Microsoft C/C++ MSF 7.00\r\n\u001aDS\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    static final int SUPERBLOCK_BYTES = 56;
    private static final long NIL_STREAM = 0xffffffffL;

    private final byte[] data;
    private final String label;
    private final int blockSize;
    private final long[] streamSizes;
    private final int[][] streamBlocks;

    private MsfFile(byte[] data, String label, int blockSize, long[] sizes, int[][] blocks) {
        this.data = data;
        this.label = label;
        this.blockSize = blockSize;
        this.streamSizes = sizes;
        this.streamBlocks = blocks;
    }

    static MsfFile parse(byte[] data, String label) {
        if (data.length < SUPERBLOCK_BYTES || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw fail(label, "superblock: magic is not \"Microsoft C/C++ MSF 7.00\\r\\n\\x1aDS\"");
        }
        long blockSize = LittleEndian.u32(data, 32);
        if (blockSize != 512 && blockSize != 1024 && blockSize != 2048 && blockSize != 4096) {
            throw fail(label, "superblock: BlockSize %d, expected 512, 1024, 2048 or 4096", blockSize);
        }
        long numBlocks = LittleEndian.u32(data, 40);
        if (numBlocks * blockSize > data.length) {
            throw fail(label, "superblock: NumBlocks %d x BlockSize %d exceeds file size 0x%x", numBlocks, blockSize, data.length);
        }
        long dirBytes = LittleEndian.u32(data, 44);
        long dirBlockCount = (dirBytes + blockSize - 1) / blockSize;
        if (dirBlockCount * 4 > blockSize) {
            throw fail(label, "superblock: NumDirectoryBytes 0x%x needs %d directory blocks, more than one block map block holds",
                    dirBytes, dirBlockCount);
        }
        MsfFile raw = new MsfFile(data, label, (int) blockSize, new long[0], new int[0][]);
        byte[] map = raw.block(raw.checkedBlock(LittleEndian.u32(data, 52), "BlockMapAddr"));
        int[] dirBlocks = new int[(int) dirBlockCount];
        for (int i = 0; i < dirBlockCount; i++) {
            dirBlocks[i] = raw.checkedBlock(LittleEndian.u32(map, 4 * i), "stream directory block");
        }
        return raw.withDirectory(raw.concat(dirBlocks, dirBytes), numBlocks);
    }

    private MsfFile withDirectory(byte[] dir, long numBlocks) {
        if (dir.length < 4) {
            throw fail(label, "stream directory: %d bytes, too short for NumStreams", dir.length);
        }
        long count = LittleEndian.u32(dir, 0);
        if (4 + count * 4 > dir.length) {
            throw fail(label, "stream directory: NumStreams %d does not fit in 0x%x directory bytes", count, dir.length);
        }
        long[] sizes = new long[(int) count];
        int[][] blocks = new int[(int) count][];
        int at = 4 + (int) count * 4;
        for (int s = 0; s < count; s++) {
            long size = LittleEndian.u32(dir, 4 + 4 * s);
            sizes[s] = size == NIL_STREAM ? 0 : size;
            long n = (sizes[s] + blockSize - 1) / blockSize;
            if (n > numBlocks || at + n * 4 > dir.length) {
                throw fail(label, "stream directory: stream %d size 0x%x needs %d blocks, beyond the directory or file", s, size, n);
            }
            blocks[s] = new int[(int) n];
            for (int i = 0; i < n; i++, at += 4) {
                blocks[s][i] = checkedBlock(LittleEndian.u32(dir, at), "stream " + s + " block");
            }
        }
        return new MsfFile(data, label, blockSize, sizes, blocks);
    }

    int blockSize() {
        return blockSize;
    }

    int streamCount() {
        return streamSizes.length;
    }

    byte[] stream(int index, String what) {
        if (index < 0 || index >= streamSizes.length) {
            throw fail(label, "%s: stream index %d, file has %d streams", what, index, streamSizes.length);
        }
        return concat(streamBlocks[index], streamSizes[index]);
    }

    String label() {
        return label;
    }

    private int checkedBlock(long block, String what) {
        if (block == 0 || (block + 1) * blockSize > data.length) {
            throw fail(label, "%s: block %d outside 1..%d", what, block, data.length / blockSize - 1);
        }
        return (int) block;
    }

    private byte[] block(int index) {
        return Arrays.copyOfRange(data, index * blockSize, (index + 1) * blockSize);
    }

    private byte[] concat(int[] blocks, long size) {
        byte[] out = new byte[(int) size];
        for (int i = 0; i < blocks.length; i++) {
            int n = (int) Math.min(blockSize, size - (long) i * blockSize);
            System.arraycopy(data, blocks[i] * blockSize, out, i * blockSize, n);
        }
        return out;
    }

    static PdbFormatException fail(String label, String format, Object... args) {
        return new PdbFormatException(String.format(format, args) + " (" + label + ")");
    }
}
