package dev.poolhit.target.kd;

import dev.poolhit.kd.session.KdSession;

/**
 * Notices that the target rebooted under us, from either sign: the kernel announcing its image in
 * a load-symbols stop (it does so only at boot), or the session seeing a new stop where an answer
 * was due ({@link KdSession#targetRestarts}). Our breakpoints and patches went with the old boot.
 */
final class RebootWatch {
    private static final System.Logger LOG = System.getLogger(RebootWatch.class.getName());

    private final KdSession session;
    private final CodeEdits edits;
    private volatile int counted;
    private int seenRestarts;

    RebootWatch(KdSession session, CodeEdits edits) {
        this.session = session;
        this.edits = edits;
    }

    /** Reboots noticed so far, including restarts the session saw that nobody handled yet. */
    int reboots() {
        return counted + session.targetRestarts() - seenRestarts;
    }

    /** The kernel announced its own image: forget what the old boot held. */
    void kernelAnnounced() {
        LOG.log(System.Logger.Level.INFO, "target rebooted: forgetting " + edits.breakpoints().size()
                + " breakpoints and " + edits.patches().size() + " patches");
        edits.forget();
        counted++;
    }

    /** Whether the session saw a restart that {@link #takeRestarts} has not handled yet. */
    boolean pending() {
        return session.targetRestarts() != seenRestarts;
    }

    /** Handles the session's new restarts, if any: true when the caller must drop its caches and re-read its stop. */
    synchronized boolean takeRestarts() {
        int restarts = session.targetRestarts();
        if (restarts == seenRestarts) {
            return false;
        }
        LOG.log(System.Logger.Level.INFO, "target rebooted under a request: forgetting " + edits.breakpoints().size()
                + " breakpoints and " + edits.patches().size() + " patches");
        counted += restarts - seenRestarts;
        seenRestarts = restarts;
        edits.forget();
        return true;
    }
}
