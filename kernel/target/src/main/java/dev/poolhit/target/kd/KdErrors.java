package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdInterruptedException;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.target.MemoryAccessException;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.TargetException;

/**
 * The one place where wire errors become debugger-model errors (style rule R5). A failing status
 * on an operation that names an address is a {@link MemoryAccessException} for that address;
 * everything that leaves the link unusable (closed, timed out, garbled, interrupted mid-request)
 * is a {@link TargetDisconnectedException}.
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
        String why;
        if (e instanceof LinkClosedException) {
            why = "link closed";
        } else if (e instanceof KdTimeoutException) {
            why = "target stopped answering";
        } else if (e instanceof KdProtocolException) {
            why = "protocol error";
        } else if (e instanceof KdInterruptedException) {
            why = "interrupted while waiting for the target";
        } else if (e instanceof KdStatusException) {
            why = "target refused";
        } else {
            why = "link error";
        }
        return new TargetDisconnectedException(operation + " failed: " + why + ": " + e.getMessage(), e);
    }
}
