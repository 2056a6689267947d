package dev.poolhit.kd.transport.kdnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.transport.LinkEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host receive path replayed with the real capture's target datagrams: the host codec,
 * given the capture's host random, answers the first poke with exactly WinDbg's response bytes,
 * derives kd-protocol.md 8.8's data key, authenticates every datagram and decodes every KD packet.
 */
class KdnetCaptureReplayTest {
    static final byte[] HOST_RANDOM = Hex.decode("41b4fa1b2ddd14ee3eeb8db987c0c7257ce62eef126ab74ef212136c100c540b");
    static final byte[] DATA_KEY = Hex.decode("6bd91c57bd6a551ad30b509c05c0c95b32cc5e47a0866907eaf0b1583384f660");
    static List<CaptureDatagrams.Datagram> capture;

    @BeforeAll
    static void load() throws Exception {
        Assumptions.assumeTrue(CaptureDatagrams.fixture().isPresent(), "shared fixture absent");
        capture = CaptureDatagrams.read();
    }

    @Test
    void everyTargetDatagramVerifiesAndEveryKdPacketDecodes() {
        KdnetHostCodec codec = KdnetHostCodec.create(KdnetKey.parse("8.8.8.8"), HOST_RANDOM::clone);
        List<KdnetStep> steps = new ArrayList<>();
        for (CaptureDatagrams.Datagram d : capture) {
            if (d.fromTarget()) {
                steps.add(codec.receive(d.udp(), d.source()));
            }
        }
        KdnetStep.Reply reply = assertInstanceOf(KdnetStep.Reply.class, steps.get(0));
        assertArrayEquals(capture.get(1).udp(), reply.udp(), "our response is WinDbg's, byte for byte");
        assertArrayEquals(DATA_KEY, codec.dataKey());
        long packets = steps.stream().filter(s -> s instanceof KdnetStep.Deliver dl
                && dl.event() instanceof LinkEvent.Packet).count();
        long ignored = steps.stream().filter(KdnetStep.Ignore.class::isInstance).count();
        KdnetStats stats = codec.stats();
        assertEquals(0, stats.droppedTotal(), stats.summary());
        assertEquals(1, stats.handshakes());
        assertEquals(264, packets, "every target data datagram but the 12-byte first one is a KD packet");
        assertEquals(426 + 1, ignored, "keep-alive pokes and the first data datagram");
        assertEquals(steps.size(), 1 + packets + ignored);
    }

    @Test
    void ourSendPathSealsWinDbgsDatagramsByteForByte() throws Exception {
        KdnetHostCodec codec = KdnetHostCodec.create(KdnetKey.parse("8.8.8.8"), HOST_RANDOM::clone);
        codec.receive(capture.get(0).udp(), CaptureDatagrams.TARGET);
        int compared = 0;
        for (CaptureDatagrams.Datagram d : capture) {
            if (!d.fromTarget() && KdnetDatagram.channelOf(d.udp()) == KdnetDatagram.CHANNEL_DATA) {
                byte[] body = KdnetDatagram.decrypt(d.udp(), DATA_KEY, KdnetKey.parse("8.8.8.8").hmacKey()).body();
                KdPacket.decode(body);
                assertArrayEquals(d.udp(), codec.seal(body), "host frame " + d.frame());
                compared++;
            }
        }
        assertEquals(262, compared);
    }

    @Test
    void aWrongKeyFailsCleanlyOnTheFirstDatagram() {
        KdnetHostCodec codec = KdnetHostCodec.create(KdnetKey.parse("8.8.8.9"), HOST_RANDOM::clone);
        KdnetStep first = codec.receive(capture.get(0).udp(), capture.get(0).source());
        assertEquals(new KdnetStep.Fatal("KDNET: HMAC mismatch on the first datagram from 192.168.2.72: wrong key?"),
                first);
        assertTrue(!codec.handshaken());
    }
}
