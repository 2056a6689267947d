package dev.poolhit.kd.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Real loopback sockets: end a is the connecting client, end b the listener's accepted socket. */
class TcpClientToListenerContractTest extends AbstractLinkContractTest {
    @Override
    Ends open() throws Exception {
        TcpListener listener = TcpListener.bindLoopback(0);
        CompletableFuture<TcpTransport> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return listener.accept(SAFETY);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        TcpTransport client = TcpTransport.connect("127.0.0.1", listener.port(), Duration.ofSeconds(10));
        return new Ends(client, accepted.get(), listener);
    }
}
