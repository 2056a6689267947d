package dev.poolhit.kd.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A small pcapng reader for tests: section header, interface description, enhanced and simple
 * packet blocks; other blocks are skipped. Returns link-layer frames in file order.
 */
final class Pcapng {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int SPB = 3;
    static final int EPB = 6;

    record Frame(int number, int linkType, byte[] data) {}

    private Pcapng() {}

    static List<Frame> readGzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return read(in.readAllBytes());
        }
    }

    static List<Frame> read(byte[] file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(file);
        List<Integer> linkTypes = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        while (b.remaining() >= 12) {
            int start = b.position();
            int type = b.order(ByteOrder.LITTLE_ENDIAN).getInt(start);
            if (type == SHB) {
                int magic = b.getInt(start + 8);
                b.order(magic == 0x1A2B3C4D ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                linkTypes.clear();
            }
            int length = b.getInt(start + 4);
            if (length < 12 || length % 4 != 0 || length > b.remaining()) {
                throw new IOException("pcapng block length invalid: " + length + " at offset " + start);
            }
            switch (type) {
                case IDB -> linkTypes.add(b.getShort(start + 8) & 0xffff);
                case EPB -> {
                    int iface = b.getInt(start + 8);
                    int captured = b.getInt(start + 20);
                    frames.add(new Frame(frames.size() + 1, linkTypes.get(iface),
                            Arrays.copyOfRange(file, start + 28, start + 28 + captured)));
                }
                case SPB -> frames.add(new Frame(frames.size() + 1, linkTypes.get(0),
                        Arrays.copyOfRange(file, start + 12, start + Math.min(length - 4, 12 + b.getInt(start + 8)))));
                default -> { }
            }
            b.position(start + length);
        }
        return frames;
    }

    /** The UDP payload of an Ethernet/IPv4 frame, or null if it is something else. */
    static Udp udp(Frame f) {
        byte[] d = f.data();
        if (f.linkType() != 1 || d.length < 14 + 20 + 8 || (d[12] & 0xff) != 0x08 || d[13] != 0x00) {
            return null;
        }
        int ip = 14;
        int ihl = (d[ip] & 0x0f) * 4;
        if ((d[ip] & 0xf0) != 0x40 || d[ip + 9] != 17) {
            return null;
        }
        int totalLength = (d[ip + 2] & 0xff) << 8 | (d[ip + 3] & 0xff);
        int udp = ip + ihl;
        int udpLength = (d[udp + 4] & 0xff) << 8 | (d[udp + 5] & 0xff);
        String src = (d[ip + 12] & 0xff) + "." + (d[ip + 13] & 0xff) + "." + (d[ip + 14] & 0xff) + "." + (d[ip + 15] & 0xff);
        int end = Math.min(Math.min(udp + udpLength, ip + totalLength), d.length);
        return new Udp(f.number(), src, Arrays.copyOfRange(d, udp + 8, end));
    }

    record Udp(int frame, String source, byte[] payload) {}
}
