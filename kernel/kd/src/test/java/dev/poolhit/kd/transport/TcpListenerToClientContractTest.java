package dev.poolhit.kd.transport;

/** The same sockets with roles swapped: end a is the listener side, end b the client. */
class TcpListenerToClientContractTest extends TcpClientToListenerContractTest {
    @Override
    Ends open() throws Exception {
        Ends e = super.open();
        return new Ends(e.b(), e.a(), e.cleanup());
    }
}
