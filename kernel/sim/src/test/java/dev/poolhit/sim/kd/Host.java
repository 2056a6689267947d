package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.kd.session.KdSession;
import dev.poolhit.kd.session.SessionListener;
import dev.poolhit.kd.session.SessionOptions;
import dev.poolhit.kd.transport.ByteTransport;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The kd module's real host session over a transport, with a wire log and the DbgPrints it saw. */
final class Host implements AutoCloseable {
    static final Duration CALL = Duration.ofSeconds(30);

    final List<String> wire = Collections.synchronizedList(new ArrayList<>());
    final List<String> prints = Collections.synchronizedList(new ArrayList<>());
    final KdSession session;
    final KdClient client;

    Host(ByteTransport transport, Duration ackTimeout) {
        RecordingLink link = new RecordingLink(KdcomLink.open(transport, KdClock.system()), wire);
        SessionListener listener = new SessionListener() {
            @Override
            public void debugPrint(int processor, String text) {
                prints.add(text);
            }
        };
        session = new KdSession(link, new SessionOptions(ackTimeout, 50, Duration.ofMillis(500)), listener);
        client = new KdClient(session, CALL);
    }

    Host(ByteTransport transport) {
        this(transport, Duration.ofSeconds(1));
    }

    /** Break-in byte first (the target runs), then the RESET handshake and the first stop. */
    StateChange64 breakInAndConnect() throws KdException {
        client.breakIn();
        return session.connect(CALL);
    }

    /** Break in on a connected session and wait for the resulting stop. */
    StateChange64 breakIn() throws KdException {
        client.breakIn();
        return client.awaitStateChange(CALL);
    }

    @Override
    public void close() {
        session.close();
    }
}
