package dev.poolhit.kd.session;

import dev.poolhit.kd.protocol.StateChange64;

/**
 * A state change as the session delivered it. {@code repeatsContinuedStop}: its bytes equal the
 * stop we last continued from, and a RESET probe went out since that continue. Such a stop is
 * either that stop's echo (the continue was lost; a stopped kdcom target re-sends the packet it
 * built at the stop, kd-protocol.md 1.8 and 12.9) or a genuinely new stop at the same site with the
 * same registers; the wire cannot tell them apart. The caller, which knows what it changed before
 * continuing (e.g. the instruction pointer moved past an {@code int 3}), decides with the live
 * context and sends the continue again if it was the echo.
 */
public record ReportedStop(StateChange64 change, boolean repeatsContinuedStop) {}
