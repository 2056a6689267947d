package dev.poolhit.kd.transport;

import org.junit.jupiter.api.Assumptions;

/**
 * Named pipes exist only on Windows, and the JDK cannot create a pipe server: this runs only when
 * a test host provides two connected pipe names (e.g. a VM serial port pair) in
 * {@code -Dpoolhit.pipeA=... -Dpoolhit.pipeB=...}; elsewhere it skips.
 */
class NamedPipeContractTest extends AbstractLinkContractTest {
    @Override
    Ends open() throws Exception {
        String pipeA = System.getProperty("poolhit.pipeA");
        String pipeB = System.getProperty("poolhit.pipeB");
        Assumptions.assumeTrue(NamedPipeTransport.supported() && pipeA != null && pipeB != null,
                "named pipe test needs Windows and -Dpoolhit.pipeA/-Dpoolhit.pipeB");
        return new Ends(NamedPipeTransport.open(pipeA), NamedPipeTransport.open(pipeB), () -> { });
    }
}
