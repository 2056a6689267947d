package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.target.MemoryAccessException;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.TargetProtocolException;
import dev.poolhit.kd.protocol.KdProtocolException;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.api.Test;

/** The one translation of wire errors into the target family (R5). */
class KdErrorsTest {
    @Test
    void aRefusedReadIsAMemoryErrorAtItsAddress() {
        TargetException e = KdErrors.at(0xfffff80002a04000L, "read of 0x4 bytes at fffff800`02a04000",
                new KdStatusException("DbgKdReadVirtualMemoryApi", 0xC0000001));
        MemoryAccessException m = assertInstanceOf(MemoryAccessException.class, e);
        assertEquals(0xfffff80002a04000L, m.address());
        assertEquals("read of 0x4 bytes at fffff800`02a04000 failed: " + new KdStatusException(
                "DbgKdReadVirtualMemoryApi", 0xC0000001).getMessage(), m.getMessage());
    }

    @Test
    void aSilentOrClosedLinkIsADisconnect() {
        TargetException timeout = KdErrors.link("GetContext on processor 0", new KdTimeoutException("no response within 10 ms"));
        assertInstanceOf(TargetDisconnectedException.class, timeout);
        assertEquals("GetContext on processor 0 failed: target stopped answering: no response within 10 ms",
                timeout.getMessage());
        TargetException closed = KdErrors.at(0x1000, "write", new LinkClosedException("peer hung up"));
        assertEquals("write failed: link closed: peer hung up", assertInstanceOf(TargetDisconnectedException.class,
                closed).getMessage());
    }

    @Test
    void aRefusedContextIsAProtocolErrorNotADisconnect() {
        KdStatusException refused = new KdStatusException("DbgKdGetContextApi", 0xC0000001);
        TargetException e = KdErrors.link("GetContext on processor 1", refused);
        TargetProtocolException p = assertInstanceOf(TargetProtocolException.class, e);
        assertEquals("GetContext on processor 1 failed: target refused: DbgKdGetContextApi failed: "
                + "STATUS_UNSUCCESSFUL (0xc0000001)", p.getMessage());
        assertSame(refused, p.getCause());
        TargetException set = KdErrors.link("SetContext on processor 0", new KdStatusException("DbgKdSetContextApi",
                0xC0000022));
        assertInstanceOf(TargetProtocolException.class, set);
        assertEquals("SetContext on processor 0 failed: target refused: " + new KdStatusException("DbgKdSetContextApi",
                0xC0000022).getMessage(), set.getMessage());
    }

    @Test
    void garbledBytesStillMeanTheLinkIsGone() {
        TargetException e = KdErrors.link("continue", new KdProtocolException("checksum mismatch: header 0x00000bdf,"
                + " computed 0x00000bde (packet id 0x80800000)"));
        assertEquals("continue failed: protocol error: checksum mismatch: header 0x00000bdf, computed 0x00000bde"
                + " (packet id 0x80800000)", assertInstanceOf(TargetDisconnectedException.class, e).getMessage());
    }

    @Test
    void aStepThatStoppedOnABreakpointIsAnUnexpectedStop() {
        Stop breakpoint = new Stop(Stop.Kind.BREAKPOINT, 0x80000003, 1, 0xfffffa8000c01000L, 0xfffff80002a01234L, true);
        TargetProtocolException e = assertThrows(TargetProtocolException.class,
                () -> breakpoint.require(Stop.Kind.SINGLE_STEP, "single-step past fffff800`02a01234"));
        assertEquals("single-step past fffff800`02a01234: expected a SINGLE_STEP stop, actual BREAKPOINT (code 0x80000003)"
                + " at fffff800`02a01234 on processor 1", e.getMessage());
        assertSame(breakpoint, breakpoint.require(Stop.Kind.BREAKPOINT, "break"));
    }
}
