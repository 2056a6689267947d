package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.target.MemoryAccessException;
import dev.poolhit.target.TargetDisconnectedException;
import dev.poolhit.target.TargetException;
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
}
