package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * DBGKD_FILE_IO (64 bytes) plus data: the payload of PACKET_TYPE_KD_FILE_IO (kd-protocol.md 5.3).
 *
 * <pre>
 *   0x00 u32 ApiNumber (0x3430 CreateFile ...)   0x04 u32 Status
 *   0x08 56-byte union (CreateFile: DesiredAccess, FileAttributes, ShareAccess, CreateDisposition,
 *        CreateOptions, Handle u64 0x20, Length u64 0x28)
 *   0x40 ...  data (CreateFile: UTF-16LE path)
 * </pre>
 * The union is kept raw; only the fields the host needs have accessors.
 */
public record FileIo(int apiNumber, int status, byte[] union, byte[] data) {
    public static final int BYTES = 64;
    public static final int UNION_BYTES = 56;

    public FileIo {
        Structs.requireLength(union, UNION_BYTES, "file I/O union");
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
    }

    /** The host's refusal of a file request: same API, {@code status}, zeroed union, no data. */
    public static FileIo reply(int apiNumber, int status) {
        return new FileIo(apiNumber, status, new byte[UNION_BYTES], new byte[0]);
    }

    public boolean is(DebugIoApi api) {
        return apiNumber == api.number();
    }

    /** CreateFile's path (UTF-16LE, trailing NULs stripped). */
    public String path() {
        int n = data.length & ~1;
        while (n >= 2 && data[n - 1] == 0 && data[n - 2] == 0) {
            n -= 2;
        }
        return new String(data, 0, n, StandardCharsets.UTF_16LE);
    }

    public byte[] encode() {
        byte[] out = new byte[BYTES + data.length];
        LittleEndian.put32(out, 0, apiNumber);
        LittleEndian.put32(out, 4, status);
        System.arraycopy(union, 0, out, 8, UNION_BYTES);
        System.arraycopy(data, 0, out, BYTES, data.length);
        return out;
    }

    public static FileIo decode(byte[] p) throws KdProtocolException {
        Structs.requireAtLeast(p, BYTES, "DBGKD_FILE_IO");
        return new FileIo(LittleEndian.i32(p, 0), LittleEndian.i32(p, 4), Structs.slice(p, 8, UNION_BYTES),
                Structs.tail(p, BYTES));
    }

    public KdPacket toPacket(int id) {
        return KdPacket.data(PacketType.FILE_IO, id, encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileIo f && Arrays.equals(f.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("FileIo[%s status=%s %d bytes]", DebugIoApi.describe(apiNumber),
                NtStatus.describe(status), data.length);
    }
}
