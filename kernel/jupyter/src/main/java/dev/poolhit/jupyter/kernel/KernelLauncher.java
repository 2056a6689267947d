package dev.poolhit.jupyter.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

/** Runs the kernel on a Jupyter connection file until a shutdown request closes the sockets. */
public final class KernelLauncher {
    private static final System.Logger LOG = System.getLogger(KernelLauncher.class.getName());

    private KernelLauncher() {
    }

    /** Returns the process exit code: 0 after a normal shutdown, 1 when the kernel cannot start. */
    public static int run(Path connectionFile) {
        if (!Files.isRegularFile(connectionFile)) {
            LOG.log(System.Logger.Level.ERROR, "connection file not found: " + connectionFile.toAbsolutePath());
            return 1;
        }
        JupyterConnection connection;
        PoolHitKernel kernel;
        try {
            KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
            // basekernel logs every message and loop step at INFO, partly on top-level loggers
            // ("Loop-shell"); the root level silences them. POOLHIT_KERNEL_DEBUG=1 keeps them.
            Level level = System.getenv("POOLHIT_KERNEL_DEBUG") == null ? Level.WARNING : Level.ALL;
            java.util.logging.Logger.getLogger("").setLevel(level);
            JupyterSocket.JUPYTER_LOGGER.setLevel(level);
            connection = new BlockingConnection(props);
            kernel = new PoolHitKernel();
            kernel.becomeHandlerForConnection(connection);
            connection.getIOPub().setSndHWM(0); // never drop output; stdout is batched anyway
            connection.connect();
        } catch (IOException | RuntimeException | java.security.GeneralSecurityException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot start the kernel on " + connectionFile + ": " + e, e);
            return 1;
        }
        // JUL's console handler captures System.err when first created; create it now, before
        // start() redirects System.err into cells, so kernel logs never land in a notebook.
        java.util.logging.Logger.getLogger("").getHandlers();
        kernel.start();
        connection.waitUntilClose();
        return 0;
    }
}
