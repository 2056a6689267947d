package dev.poolhit.kd.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.DebugIo;
import dev.poolhit.kd.protocol.FileIo;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.PacketType;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.InProcessPipe;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.ManualClock;
import dev.poolhit.kd.transport.kdcom.KdcomEncoder;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fixture for scripted conversations (style-anchors 2.4): the host call runs on an executor, the
 * test thread plays the target over an in-process KDCOM link, asserting each request and answering
 * it. The host uses a {@link ManualClock}; the target side waits on events only.
 */
abstract class AbstractSessionTest {
    static final long PC = 0xfffff80002a8d490L;
    static final GetVersion64 WIN81 = new GetVersion64(0xf, 0x2580, 6, 2, 7, 0x8664, 0xc, 3, 0x31, 0, 0,
            0xfffff8026bc18000L, 0xfffff8026bee22d0L, 0xfffff8026bef91f0L);

    final ManualClock clock = new ManualClock();
    final InProcessPipe.Pair pair = InProcessPipe.pair();
    final KdcomLink targetLink = KdcomLink.open(pair.target(), KdClock.system());
    final ScriptedTarget target = new ScriptedTarget(targetLink);
    final List<String> prints = Collections.synchronizedList(new ArrayList<>());
    final List<String> files = Collections.synchronizedList(new ArrayList<>());
    final KdSession session = new KdSession(KdcomLink.open(pair.host(), clock),
            new SessionOptions(Duration.ofSeconds(1), 3, Duration.ofSeconds(1)), new SessionListener() {
                @Override
                public void debugPrint(int processor, String text) {
                    prints.add(text);
                }

                @Override
                public void fileRequestRefused(FileIo request) {
                    files.add(request.path());
                }
            });
    final KdClient client = new KdClient(session, Duration.ofSeconds(30));
    final ExecutorService host = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        host.shutdownNow();
        session.close();
        targetLink.close();
    }

    <T> Future<T> onHost(Callable<T> call) {
        return host.submit(call);
    }

    static <T> T await(Future<T> f) throws Exception {
        try {
            return f.get(ScriptedTarget.SAFETY.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    void connect() throws Exception {
        Future<StateChange64> f = onHost(() -> session.connect(Duration.ofSeconds(60)));
        target.expectControl(PacketType.RESET, 0);
        target.send(KdPacket.reset());
        target.sendAcked(ScriptedTarget.breakpointAt(PC).toPacket(0x80800800));
        assertEquals(PC, await(f).programCounter());
        assertEquals(SessionState.BROKEN, session.state());
    }

    static Exception assertThrowsFrom(Future<?> f) {
        try {
            await(f);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected the host call to fail");
    }
}
