package dev.poolhit.kd.transport;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.DebugIoApi;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.PacketType;

/** One-line descriptions of packets for wire logs: type, id, sub-API name and length. */
public final class PacketSummary {
    private PacketSummary() {}

    /** E.g. {@code STATE_MANIPULATE id 0x80800000 DbgKdGetVersionApi (0x3146) len 56}. */
    public static String describe(KdPacket p) {
        StringBuilder s = new StringBuilder(PacketType.describe(p.type()))
                .append(String.format(" id 0x%08x", p.id()));
        String api = subApi(p);
        if (!api.isEmpty()) {
            s.append(' ').append(api);
        }
        return s.append(" len ").append(p.byteCount()).toString();
    }

    private static String subApi(KdPacket p) {
        if (p.isControl() || p.payload().length < 4) {
            return "";
        }
        int number = LittleEndian.i32(p.payload(), 0);
        return p.packetType().map(t -> switch (t) {
            case STATE_MANIPULATE -> ManipulateApi.describe(number);
            case STATE_CHANGE64 -> NewState.of(number).map(NewState::toString)
                    .orElseGet(() -> String.format("state 0x%04x", number));
            case DEBUG_IO, FILE_IO, TRACE_IO -> DebugIoApi.describe(number);
            default -> "";
        }).orElse("");
    }
}
