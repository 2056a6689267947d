package dev.poolhit.kd.session;

import dev.poolhit.kd.protocol.FileIo;

/**
 * Asynchronous target output seen while the session waits for something else. Called on the
 * thread that drives the session; implementations must not call back into it.
 */
public interface SessionListener {
    /** A DbgPrint string (DEBUG_IO PrintString). */
    default void debugPrint(int processor, String text) {}

    /** A FILE_IO request, already answered with STATUS_NO_SUCH_FILE. */
    default void fileRequestRefused(FileIo request) {}

    SessionListener NONE = new SessionListener() {};
}
