package dev.poolhit.jupyter.install;

/** Installing, listing or removing a kernelspec failed; the message says what and what to do. */
public final class InstallException extends Exception {
    private static final long serialVersionUID = 1L;

    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
