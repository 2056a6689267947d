package dev.poolhit.jupyter.kernel;

import dev.poolhit.jupyter.CellException;
import java.util.Optional;

/**
 * The name a failed cell's error goes by ({@code UsageError}, {@code NotConnected}), handed from
 * {@link PoolHitKernel#formatError} to {@link NamedErrorEnvironment} on the shell thread, which
 * puts it where basekernel 2.3.0 would put the Java class name ({@code MagicUsageException}).
 */
final class ErrorNames {
    private static final ThreadLocal<String> LAST = new ThreadLocal<>();

    private ErrorNames() {
    }

    /** Called while the traceback of {@code e} is formatted, just before the error is published. */
    static void remember(Throwable e) {
        LAST.set(e instanceof CellException cell ? cell.errorName() : "KernelError");
    }

    /** The name for the error being published, if one was formatted on this thread. */
    static Optional<String> peek() {
        return Optional.ofNullable(LAST.get());
    }

    /** As {@link #peek}, and forgets it: the execute reply is the last message of a failed cell. */
    static Optional<String> take() {
        Optional<String> name = peek();
        LAST.remove();
        return name;
    }
}
