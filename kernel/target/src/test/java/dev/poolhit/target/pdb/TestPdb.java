package dev.poolhit.target.pdb;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.Guid;
import dev.poolhit.target.pe.SectionHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a minimal PDB by hand: MSF 7.00 (superblock, two free-page-map blocks, block map at
 * block 3, directory, streams), info stream, DBI header with an optional debug header naming the
 * section-header stream (4), and a symbol record stream (5) with two S_PUB32 and one other record.
 */
final class TestPdb {
    static final Guid GUID = new Guid(0x72e103a8, (short) 0x5cb2, (short) 0x4907, 0x8b76b2e7c06257b1L);

    private TestPdb() {}

    static List<byte[]> streams() {
        List<byte[]> s = new ArrayList<>();
        s.add(new byte[0]);
        s.add(new PdbInfo(20000404, 0x5c9e0959L, 3, GUID).encode());
        s.add(new byte[0]);
        s.add(dbi(5));
        s.add(concat(new SectionHeader(".text", 0x2000, 0x1000, 0x2000, 0x400, 0x60000020L).encode(),
                new SectionHeader(".data", 0x200, 0x3000, 0x200, 0x2400, 0xc0000040L).encode()));
        s.add(concat(pub32(2, 0x10, 1, "DriverEntry"), record(0x1125, new byte[12]), pub32(0, 0xfc, 2, "PoolHitTag")));
        return s;
    }

    static byte[] dbi(int symRecordStream) {
        byte[] header = new DbiHeader(-1, 3, 0xffff, symRecordStream, 0, 0, 0, 0, 0, 22, 0, 0x8664).encode();
        byte[] dbg = new byte[22];
        for (int i = 0; i < 11; i++) {
            LittleEndian.put16(dbg, 2 * i, i == 5 ? 4 : 0xffff);
        }
        return concat(header, dbg);
    }

    static byte[] pub32(long flags, long offset, int segment, String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[10 + n.length + 1];
        LittleEndian.put32(payload, 0, flags);
        LittleEndian.put32(payload, 4, offset);
        LittleEndian.put16(payload, 8, segment);
        System.arraycopy(n, 0, payload, 10, n.length);
        return record(PdbPublic.S_PUB32, payload);
    }

    static byte[] record(int kind, byte[] payload) {
        int length = (2 + payload.length + 2 + 3) / 4 * 4 - 2; // whole record 4-aligned
        byte[] r = new byte[2 + length];
        LittleEndian.put16(r, 0, length);
        LittleEndian.put16(r, 2, kind);
        System.arraycopy(payload, 0, r, 4, payload.length);
        return r;
    }

    static byte[] msf(int blockSize, List<byte[]> streams) {
        int blocks = 0;
        for (byte[] s : streams) {
            blocks += (s.length + blockSize - 1) / blockSize;
        }
        int dirBytes = 4 + 4 * streams.size() + 4 * blocks;
        int dirBlocks = (dirBytes + blockSize - 1) / blockSize;
        int next = 4 + dirBlocks;
        byte[] dir = new byte[dirBlocks * blockSize];
        LittleEndian.put32(dir, 0, streams.size());
        int at = 4 + 4 * streams.size();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < streams.size(); i++) {
            byte[] s = streams.get(i);
            LittleEndian.put32(dir, 4 + 4 * i, s.length);
            for (int b = 0; b < (s.length + blockSize - 1) / blockSize; b++, at += 4) {
                LittleEndian.put32(dir, at, next++);
                byte[] block = new byte[blockSize];
                System.arraycopy(s, b * blockSize, block, 0, Math.min(blockSize, s.length - b * blockSize));
                data.writeBytes(block);
            }
        }
        byte[] file = new byte[next * blockSize];
        System.arraycopy(MsfFile.MAGIC, 0, file, 0, MsfFile.MAGIC.length);
        LittleEndian.put32(file, 32, blockSize);
        LittleEndian.put32(file, 36, 1);
        LittleEndian.put32(file, 40, next);
        LittleEndian.put32(file, 44, dirBytes);
        LittleEndian.put32(file, 52, 3);
        for (int i = 0; i < dirBlocks; i++) {
            LittleEndian.put32(file, 3 * blockSize + 4 * i, 4 + i);
        }
        System.arraycopy(dir, 0, file, 4 * blockSize, dir.length);
        byte[] d = data.toByteArray();
        System.arraycopy(d, 0, file, (4 + dirBlocks) * blockSize, d.length);
        return file;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
