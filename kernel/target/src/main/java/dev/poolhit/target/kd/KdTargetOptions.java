package dev.poolhit.target.kd;

import dev.poolhit.kd.session.SessionListener;
import dev.poolhit.kd.session.SessionOptions;
import dev.poolhit.target.symbol.SymbolPath;
import dev.poolhit.target.symbol.SymbolServerClient;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@link KdTarget} attaches. The connect timeout bounds the whole attach (sync and first
 * stop); the request timeout bounds each manipulate request; per-packet ACK timing is in
 * {@link SessionOptions}. All are measured on the link's clock.
 *
 * @param symbolPath       where PDBs are looked up (a folder of PDBs is a plain symbol path); empty: exports only
 * @param symbolServer     the HTTP client for {@code srv*} elements; empty stays offline
 * @param connectTimeout   sync plus the first state change
 * @param requestTimeout   one manipulate request (read, write, context, breakpoint)
 * @param breakInOnConnect send a break-in before synchronising, so a running target stops (WinDbg's Ctrl+Break)
 * @param session          per-packet ACK timeout, retries, RESET interval
 * @param listener         DbgPrint output and refused file requests
 */
public record KdTargetOptions(Optional<SymbolPath> symbolPath, Optional<SymbolServerClient> symbolServer,
                              Duration connectTimeout, Duration requestTimeout, boolean breakInOnConnect,
                              SessionOptions session, SessionListener listener) {
    /** No symbols, 30 s to attach, 10 s per request, break in on connect, default session timing. */
    public static KdTargetOptions defaults() {
        return new KdTargetOptions(Optional.empty(), Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(10),
                true, SessionOptions.defaults(), SessionListener.NONE);
    }

    public KdTargetOptions withSymbolPath(SymbolPath path) {
        return new KdTargetOptions(Optional.of(path), symbolServer, connectTimeout, requestTimeout, breakInOnConnect,
                session, listener);
    }

    public KdTargetOptions withConnectTimeout(Duration timeout) {
        return new KdTargetOptions(symbolPath, symbolServer, timeout, requestTimeout, breakInOnConnect, session, listener);
    }

    public KdTargetOptions withRequestTimeout(Duration timeout) {
        return new KdTargetOptions(symbolPath, symbolServer, connectTimeout, timeout, breakInOnConnect, session, listener);
    }

    public KdTargetOptions withListener(SessionListener value) {
        return new KdTargetOptions(symbolPath, symbolServer, connectTimeout, requestTimeout, breakInOnConnect, session, value);
    }
}
