package dev.poolhit.kd.transport.kdcom;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.LinkClosedException;
import dev.poolhit.kd.transport.ByteTransport;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.LinkEventQueue;
import dev.poolhit.kd.transport.PacketLink;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * KDCOM over a byte stream (serial line, TCP, named pipe, in-process pipe): a {@link PacketLink}
 * for either side of the conversation.
 *
 * <p>Threads: a daemon reader thread ({@code kdcom-reader}) reads the transport, feeds a
 * {@link KdcomFramer} and queues events; it only routes bytes and never interprets packets.
 * {@link #send} and {@link #sendBreakIn} share one write lock, so a break-in byte from another
 * thread never lands inside a packet.
 */
public final class KdcomLink implements PacketLink {
    private static final System.Logger LOG = System.getLogger(KdcomLink.class.getName());

    private final ByteTransport transport;
    private final KdClock clock;
    private final LinkEventQueue queue;
    private final KdcomFramer framer;
    private final Object writeLock = new Object();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread reader;

    private KdcomLink(ByteTransport transport, KdClock clock, int maxPayload) {
        this.transport = transport;
        this.clock = clock;
        this.queue = new LinkEventQueue(clock, LinkEventQueue.DEFAULT_CAPACITY);
        this.framer = new KdcomFramer(maxPayload);
        this.reader = new Thread(this::readLoop, "kdcom-reader " + transport.description());
        this.reader.setDaemon(true);
    }

    /** Wraps {@code transport} and starts the reader thread. */
    public static KdcomLink open(ByteTransport transport, KdClock clock) {
        return open(transport, clock, KdcomFramer.DEFAULT_MAX_PAYLOAD);
    }

    public static KdcomLink open(ByteTransport transport, KdClock clock, int maxPayload) {
        KdcomLink link = new KdcomLink(transport, clock, maxPayload);
        link.reader.start();
        return link;
    }

    private void readLoop() {
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                int n = transport.read(buffer, 0, buffer.length);
                if (n < 0) {
                    framer.endOfStream(this::enqueue);
                    queue.close(new LinkClosedException("end of stream from " + transport.description()));
                    return;
                }
                framer.feed(buffer, 0, n, this::enqueue);
            }
        } catch (IOException e) {
            String why = open.get() ? "read failed on " : "closed: ";
            queue.close(new LinkClosedException(why + transport.description() + ": " + e.getMessage(), e));
        } catch (ReaderInterrupted e) {
            queue.close(new LinkClosedException("reader interrupted on " + transport.description()));
        }
    }

    /** Carries an interrupt out of the framer's sink callback to the read loop. */
    private static final class ReaderInterrupted extends RuntimeException {
        ReaderInterrupted(InterruptedException cause) {
            super(cause);
        }
    }

    private void enqueue(LinkEvent event) {
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReaderInterrupted(e);
        }
    }

    @Override
    public void send(KdPacket packet) throws KdException {
        write(KdcomEncoder.encode(packet));
    }

    @Override
    public void sendBreakIn() throws KdException {
        write(KdcomEncoder.breakIn());
    }

    private void write(byte[] bytes) throws KdException {
        synchronized (writeLock) {
            if (!open.get()) {
                throw new LinkClosedException("link closed: " + description());
            }
            try {
                transport.write(bytes);
            } catch (IOException e) {
                throw new LinkClosedException("write failed on " + transport.description() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public LinkEvent receive(long deadlineNanos) throws KdException {
        return queue.take(deadlineNanos);
    }

    @Override
    public KdClock clock() {
        return clock;
    }

    @Override
    public String description() {
        return "kdcom over " + transport.description();
    }

    @Override
    public boolean isOpen() {
        return open.get() && !queue.isClosed();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            try {
                transport.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing " + transport.description() + ": " + e.getMessage());
            }
            queue.close(new LinkClosedException("link closed: " + description()));
        }
    }
}
