package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * KDDEBUGGER_DATA64, the kernel's debugger data block found through GetVersion.DebuggerDataList
 * (kd-protocol.md 7). Kept as the exact bytes read; fields through {@link KdDebuggerDataField},
 * valid only inside both the bytes present and {@code Header.Size}.
 *
 * <pre>
 *   0x00 LIST_ENTRY64 List   0x10 u32 OwnerTag 'KDBG'   0x14 u32 Size
 *   0x18 KernBase   0x20 BreakpointWithStatus   0x48 PsLoadedModuleList   0x50 PsActiveProcessHead
 *   0x138 MmPageSize ...     Size: 0x340 Win7, 0x360 Win8.1, 0x368 RS1+ (PteBase at 0x360)
 * </pre>
 */
public record KdDebuggerData64(byte[] bytes) {
    public static final int HEADER_BYTES = 0x18;
    /** 'KDBG' read as a little-endian u32. */
    public static final int OWNER_TAG = 0x4742444B;
    public static final int SIZE_WIN7 = 0x340;
    public static final int SIZE_WIN81 = 0x360;
    public static final int SIZE_RS1 = 0x368;

    public KdDebuggerData64 {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("KDDEBUGGER_DATA64 needs at least its 0x18-byte header");
        }
        bytes = bytes.clone();
    }

    /** A zeroed block of {@code size} bytes with OwnerTag 'KDBG' and Size set (for a target to fill). */
    public static KdDebuggerData64 blank(int size) {
        if (size < HEADER_BYTES) {
            throw new IllegalArgumentException("block size below header size: " + size);
        }
        byte[] b = new byte[size];
        LittleEndian.put32(b, 0x10, OWNER_TAG);
        LittleEndian.put32(b, 0x14, size);
        return new KdDebuggerData64(b);
    }

    public static KdDebuggerData64 decode(byte[] b) throws KdProtocolException {
        Structs.requireAtLeast(b, HEADER_BYTES, "KDDEBUGGER_DATA64");
        int tag = LittleEndian.i32(b, 0x10);
        if (tag != OWNER_TAG) {
            throw new KdProtocolException("KDDEBUGGER_DATA64 bad OwnerTag: expected " + HexText.hex32(OWNER_TAG)
                    + " ('KDBG'), got " + HexText.hex32(tag));
        }
        long size = LittleEndian.u32(b, 0x14);
        if (size < HEADER_BYTES) {
            throw new KdProtocolException("KDDEBUGGER_DATA64 Size below its header: expected at least 24, got " + size);
        }
        return new KdDebuggerData64(b);
    }

    public byte[] encode() {
        return bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Header.Size as the kernel declared it. */
    public long declaredSize() {
        return LittleEndian.u32(bytes, 0x14);
    }

    public boolean has(KdDebuggerDataField f) {
        long limit = Math.min(declaredSize(), bytes.length);
        return f.offset() + f.width() <= limit;
    }

    public OptionalLong find(KdDebuggerDataField f) {
        return has(f) ? OptionalLong.of(RawFields.read(bytes, f.offset(), f.width())) : OptionalLong.empty();
    }

    /** The field value; the caller checked {@link #has} or relies on the minimum (Win7) layout. */
    public long get(KdDebuggerDataField f) {
        if (!has(f)) {
            throw new IllegalArgumentException(String.format("%s at 0x%x lies outside the block (size 0x%x, %d bytes read)",
                    f, f.offset(), declaredSize(), bytes.length));
        }
        return RawFields.read(bytes, f.offset(), f.width());
    }

    public KdDebuggerData64 with(KdDebuggerDataField f, long value) {
        if (f.offset() + f.width() > bytes.length) {
            throw new IllegalArgumentException(f + " does not fit a block of " + bytes.length + " bytes");
        }
        return new KdDebuggerData64(RawFields.write(bytes, f.offset(), f.width(), value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdDebuggerData64 k && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return String.format("KdDebuggerData64[size=0x%x]", declaredSize());
    }
}
