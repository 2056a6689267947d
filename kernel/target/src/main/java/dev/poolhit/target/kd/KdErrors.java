package dev.poolhit.target.kd;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdInterruptedException;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.target.MemoryAccessException;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.TargetProtocolException;

/**
 * The one place where wire errors become debugger-model errors (style rule R5). A failing status
 * on an operation that names an address is a {@link MemoryAccessException} for that address; a
 * failing status on any other operation (GetContext, SetContext, continue) is a
 * {@link TargetProtocolException}: the target answered, the link is fine. Everything that leaves
 * the link unusable (closed, timed out, garbled, interrupted mid-request) is a
 * {@link TargetDisconnectedException}.
 */
final class KdErrors {
    private KdErrors() {}

    /** For operations on an address (memory, breakpoints). */
    static TargetException at(long address, String operation, KdException e) {
        if (e instanceof KdStatusException status) {
            return new MemoryAccessException(address, operation + " failed: " + status.getMessage());
        }
        return link(operation, e);
    }

    /** For operations without an address. */
    static TargetException link(String operation, KdException e) {
        if (e instanceof KdStatusException) {
            return new TargetProtocolException(operation + " failed: target refused: " + e.getMessage(), e);
        }
        String why;
        if (e instanceof LinkClosedException) {
            why = "link closed";
        } else if (e instanceof KdTimeoutException) {
            why = "target stopped answering";
        } else if (e instanceof KdProtocolException) {
            why = "protocol error";
        } else if (e instanceof KdInterruptedException) {
            why = "interrupted while waiting for the target";
        } else {
            why = "link error";
        }
        return new TargetDisconnectedException(operation + " failed: " + why + ": " + e.getMessage(), e);
    }

    /** A stop of another kind than {@code operation} must produce (e.g. a single step that hit a breakpoint). */
    static TargetProtocolException unexpectedStop(String operation, Stop.Kind expected, Stop actual) {
        return new TargetProtocolException(String.format("%s: expected a %s stop, actual %s (code 0x%08x) at %s on"
                + " processor %d", operation, expected, actual.kind(), actual.code(), Hex.u64(actual.pc()),
                actual.processor()));
    }
}
