package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.util.Arrays;
import java.util.Optional;

/**
 * DBGKD_MANIPULATE_STATE64 (56 bytes) plus its message data: the payload of every
 * PACKET_TYPE_KD_STATE_MANIPULATE packet, request and response alike (kd-protocol.md 4).
 *
 * <pre>
 *   0x00 u32 ApiNumber   0x04 u16 ProcessorLevel   0x06 u16 Processor
 *   0x08 u32 ReturnStatus   0x0C u32 (padding)   0x10 40-byte union (see {@link ManipulateArgs})
 *   0x38 ...  message data (memory bytes, CONTEXT, ...)
 * </pre>
 *
 * <p>Every byte is kept, including padding and the union bytes an API does not use, so that a
 * decoded packet re-encodes to the same bytes. The target answers by reusing the request in
 * place ({@link #respond}). Arrays are not copied: treat them as read-only.
 */
public record ManipulateState(int apiNumber, int processorLevel, int processor, int returnStatus, int padding,
                              byte[] union, byte[] data) {
    public static final int BYTES = 0x38;
    public static final int UNION_OFFSET = 0x10;
    public static final int UNION_BYTES = 40;
    /** The most data one response carries: PACKET_MAX_SIZE minus this header (3944). */
    public static final int MAX_DATA = KdPacket.MAX_PAYLOAD - BYTES;

    public ManipulateState {
        Structs.requireLength(union, UNION_BYTES, "manipulate union");
        if (data == null) {
            throw new IllegalArgumentException("data must not be null (use an empty array)");
        }
    }

    /** A host request: zeroed union with {@code args}, ReturnStatus STATUS_PENDING as WinDbg sends. */
    public static ManipulateState request(ManipulateApi api, int processor, ManipulateArgs args, byte[] data) {
        byte[] union = new byte[UNION_BYTES];
        if (args != null) {
            args.writeTo(union);
        }
        return new ManipulateState(api.number(), 0, processor, NtStatus.STATUS_PENDING.code(), 0, union, data);
    }

    /** The target's answer: this request with status, output fields and data filled in. */
    public ManipulateState respond(int status, ManipulateArgs args, byte[] responseData) {
        return new ManipulateState(apiNumber, processorLevel, processor, status, padding, unionWith(args), responseData);
    }

    /** A copy with {@code args} written over the union (other union bytes kept). */
    public ManipulateState with(ManipulateArgs args) {
        return new ManipulateState(apiNumber, processorLevel, processor, returnStatus, padding, unionWith(args), data);
    }

    private byte[] unionWith(ManipulateArgs args) {
        byte[] u = union.clone();
        if (args != null) {
            args.writeTo(u);
        }
        return u;
    }

    public Optional<ManipulateApi> api() {
        return ManipulateApi.of(apiNumber);
    }

    public boolean is(ManipulateApi api) {
        return apiNumber == api.number();
    }

    public boolean succeeded() {
        return NtStatus.isSuccess(returnStatus);
    }

    public byte[] encode() {
        byte[] out = new byte[BYTES + data.length];
        LittleEndian.put32(out, 0x00, apiNumber);
        LittleEndian.put16(out, 0x04, processorLevel);
        LittleEndian.put16(out, 0x06, processor);
        LittleEndian.put32(out, 0x08, returnStatus);
        LittleEndian.put32(out, 0x0C, padding);
        System.arraycopy(union, 0, out, UNION_OFFSET, UNION_BYTES);
        System.arraycopy(data, 0, out, BYTES, data.length);
        return out;
    }

    public static ManipulateState decode(byte[] payload) throws KdProtocolException {
        Structs.requireAtLeast(payload, BYTES, "DBGKD_MANIPULATE_STATE64");
        return new ManipulateState(LittleEndian.i32(payload, 0x00), LittleEndian.u16(payload, 0x04),
                LittleEndian.u16(payload, 0x06), LittleEndian.i32(payload, 0x08), LittleEndian.i32(payload, 0x0C),
                Structs.slice(payload, UNION_OFFSET, UNION_BYTES), Structs.tail(payload, BYTES));
    }

    public KdPacket toPacket(int id) {
        return KdPacket.data(PacketType.STATE_MANIPULATE, id, encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManipulateState m && m.apiNumber == apiNumber && m.processorLevel == processorLevel
                && m.processor == processor && m.returnStatus == returnStatus && m.padding == padding
                && Arrays.equals(m.union, union) && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("ManipulateState[%s cpu=%d status=%s data=%d bytes]",
                ManipulateApi.describe(apiNumber), processor, NtStatus.describe(returnStatus), data.length);
    }
}
