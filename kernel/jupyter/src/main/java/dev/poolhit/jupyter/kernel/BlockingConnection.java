package dev.poolhit.jupyter.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A {@link JupyterConnection} whose shell and control sockets are served by {@link RequestLoop}s
 * that block until a request arrives, instead of basekernel's poll-then-sleep-50-ms loops.
 * Heartbeat, stdin and iopub are bound exactly as basekernel binds them.
 */
final class BlockingConnection extends JupyterConnection {
    /** How long close() waits for the other loop to leave its poll before closing the sockets. */
    private static final long STOP_WAIT_MS = 1_000;

    private final KernelConnectionProperties props;
    private final List<RequestLoop> loops;
    private boolean connected;

    BlockingConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        this.loops = List.of(new RequestLoop("Shell-blocking", shell, this), new RequestLoop("Control-blocking", control, this));
    }

    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        heartbeat.bind(props);
        // ZMQ.Socket.bind(String): binds the socket without starting ShellChannel's sleeping loop
        shell.bind(address(props.getShellPort()));
        control.bind(address(props.getControlPort()));
        stdin.bind(props);
        iopub.bind(props);
        loops.forEach(Thread::start);
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    /** Every shell and control request is answered through a {@link NamedErrorEnvironment}. */
    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel channel, MessageContext context) {
        return new NamedErrorEnvironment(channel, stdin, iopub, context);
    }

    private String address(int port) {
        return props.getTransport() + "://" + props.getIp() + ":" + port; // as basekernel formats it
    }

    @Override
    public void close() {
        loops.forEach(RequestLoop::stopServing);
        for (RequestLoop loop : loops) {
            if (loop != Thread.currentThread() && loop.isAlive()) {
                joinQuietly(loop);
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        loops.forEach(BlockingConnection::joinQuietly);
        super.waitUntilClose();
    }

    private static void joinQuietly(Thread loop) {
        try {
            loop.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
