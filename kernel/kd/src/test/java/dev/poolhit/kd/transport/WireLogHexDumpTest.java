package dev.poolhit.kd.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.transport.kdcom.KdcomLink;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The wire log's FINE hex dump, seen through java.util.logging (the System.Logger backend). */
class WireLogHexDumpTest {
    @Test
    void hexDumpIsLoggedAtFine() throws Exception {
        Logger jul = Logger.getLogger("dev.poolhit.kd.wire");
        List<String> fine = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel() == Level.FINE) {
                    fine.add(r.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = jul.getLevel();
        jul.setLevel(Level.FINE);
        jul.addHandler(capture);
        InProcessPipe.Pair pair = InProcessPipe.pair();
        try (PacketLink link = new WireLogLink(KdcomLink.open(pair.host(), KdClock.system()))) {
            link.send(KdPacket.reset());
        } finally {
            jul.removeHandler(capture);
            jul.setLevel(before);
            pair.target().close();
        }
        assertEquals(List.of("0000  69 69 69 69 06 00 00 00  00 00 00 00 00 00 00 00  iiii............\n"), fine);
    }
}
