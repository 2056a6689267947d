package dev.poolhit.jupyter.kernel;

/** Wraps a {@link Throwable} that is not an Exception (an Error) so basekernel replies instead of dying. */
final class KernelError extends Exception {
    private static final long serialVersionUID = 1L;

    KernelError(Throwable cause) {
        super(cause.toString(), cause);
    }
}
