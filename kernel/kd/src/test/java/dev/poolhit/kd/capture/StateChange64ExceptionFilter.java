package dev.poolhit.kd.capture;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.NewState;

/** Picks exception state changes out of raw packets. */
final class StateChange64ExceptionFilter {
    private StateChange64ExceptionFilter() {}

    static boolean isException(KdPacket p) {
        return p.payload().length >= 4 && LittleEndian.i32(p.payload(), 0) == NewState.EXCEPTION.value();
    }
}
