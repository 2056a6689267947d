package dev.poolhit.jupyter.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.messages.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import org.zeromq.ZMQ;

/**
 * Serves one shell or control socket: blocks in a ZMQ poll until a request arrives, handles it
 * and goes straight back to the poll. basekernel's own loop polls without waiting and then
 * sleeps 50 ms after every message, which adds up to 50 ms to every request and N x 50 ms to a
 * burst; here a request is picked up as soon as it arrives.
 */
final class RequestLoop extends Thread {
    /** How often a blocked poll looks at the stop flag; bounds shutdown delay, not request latency. */
    static final long STOP_CHECK_MS = 100;
    private static final System.Logger LOG = System.getLogger(RequestLoop.class.getName());

    private final ShellChannel channel;
    private final JupyterConnection connection;
    private volatile boolean running = true;

    RequestLoop(String name, ShellChannel channel, JupyterConnection connection) {
        super(name);
        this.channel = channel;
        this.connection = connection;
        setDaemon(true);
    }

    void stopServing() {
        running = false;
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            ZMQ.PollItem[] items = {new ZMQ.PollItem(channel, ZMQ.Poller.POLLIN)};
            while (running) {
                if (ZMQ.poll(selector, items, STOP_CHECK_MS) > 0 && running) {
                    serveOne();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for " + getName(), e);
        } catch (RuntimeException e) {
            if (running) { // after stopServing() the socket may be closed under the poll: expected
                LOG.log(System.Logger.Level.ERROR, getName() + " stopped: " + e, e);
            }
        }
    }

    /** One request, handled as basekernel's loop body does, except that a bad message does not end the loop. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void serveOne() {
        Message<?> message;
        try {
            message = channel.readMessage();
        } catch (SecurityException e) { // HMAC mismatch: drop that message, keep serving
            LOG.log(System.Logger.Level.WARNING, getName() + " dropped a message: " + e.getMessage());
            return;
        }
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.log(System.Logger.Level.WARNING, getName() + " has no handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(channel, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "handling " + message.getHeader().getType().getName() + " failed", e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }
}
