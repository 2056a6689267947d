package dev.poolhit.kd.transport;

class InProcessPipeContractTest extends AbstractLinkContractTest {
    @Override
    Ends open() {
        InProcessPipe.Pair p = InProcessPipe.pair();
        return new Ends(p.host(), p.target(), () -> { });
    }
}
