package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.jupyter.CellException;
import dev.poolhit.jupyter.kernel.CellHarness;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every investigation magic refuses bad input with one short message, and the kernel stays usable. */
class InvestigationErrorsTest {
    private static CellHarness cells;

    @BeforeAll
    static void start() {
        cells = new CellHarness();
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        %connect                       | UsageError: %connect needs 1 argument, got 0
        %connect sim sim               | UsageError: %connect takes at most 1 argument, got 2
        %connect net:port=50000,key=a.b.c | UsageError: KDNET key from key= is invalid (value not shown): expected 4 dot-separated base-36 parts (0-9, a-z), each 1-13 digits fitting 64 bits
        %connect net:port=99999,key=1.2.3.4 | UsageError: KDNET port must be 0..65535, got '99999'
        %connect com1                  | UsageError: unknown target 'com1': expected sim, sim:net,seed=N,rate=R, tcp:HOST:PORT, tcp-listen:PORT, pipe:NAME, serial:DEVICE[,BAUD] or net:port=P,key=K
        %connect tcp:                  | UsageError: 'tcp:' names no tcp endpoint: expected sim, sim:net,seed=N,rate=R, tcp:HOST:PORT, tcp-listen:PORT, pipe:NAME, serial:DEVICE[,BAUD] or net:port=P,key=K
        %connect tcp:localhost         | UsageError: tcp spec must be tcp:HOST:PORT: 'tcp:localhost'
        %connect sim:seed=x            | UsageError: sim parameter seed: expected a number, got 'x'
        %connect sim:speed=3           | UsageError: unknown sim parameter 'speed' in sim:speed=3: expected net, seed=N or rate=EVENTS_PER_SECOND
        %connect sim:rate=-1           | UsageError: sim parameter rate: expected events per second >= 0, got -1.0
        %connect sim --at zz           | UsageError: --at: not a hex address: 'zz'
        %connect sim --colour          | UsageError: unknown option --colour for %connect
        %poolhittag                    | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %poolhittag Lea2 Lea3          | UsageError: %poolhittag takes at most 1 argument, got 2
        %poolhittag Leaky              | UsageError: pool tag 'Leaky' is 5 characters long: expected at most 4 (shorter tags are padded with spaces)
        %trace                         | UsageError: %trace needs 1 argument, got 0
        %trace many                    | UsageError: N: expected an integer, got 'many'
        %trace 0                       | UsageError: N must be 1..10000000, got 0
        %trace 5 --timeout 0           | UsageError: --timeout must be at least 1 second, got 0
        %trace 5 --frames 0            | UsageError: --frames must be 1..256, got 0
        %trace 5                       | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %restore                       | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %disconnect                    | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %status now                    | UsageError: %status takes at most 0 arguments, got 1
        %symbols                       | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %k 0                           | UsageError: FRAMES must be 1..1024, got 0
        %k                             | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %r                             | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %db                            | UsageError: %db needs at least 1 argument, got 0
        %db 1000 20                    | UsageError: count: expected L<hex count> like L20, got '20'
        %dq 1000 L0                    | UsageError: count must be 1..2000 (hex) qwords, got 0
        %dd 1000 L4001                 | UsageError: count must be 1..4000 (hex) dwords, got 4001
        %lm                            | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %g                             | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %break                         | NotConnected: no target: connect first with %connect sim (or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)
        %leaks                         | NoTrace: no trace yet: record one with %trace N, or %load FILE / %import-kd-log FILE
        %leaks --top 0                 | UsageError: --top must be 1..10000, got 0
        %save                          | UsageError: %save needs 1 argument, got 0
        %save /tmp/x.poolhit           | NoTrace: nothing to save: record a trace with %trace N first
        %load /nonexistent/t.poolhit   | FileNotFound: no such file: /nonexistent/t.poolhit (paths are relative to the kernel's working directory WORKDIR)
        %import-kd-log                 | UsageError: %import-kd-log needs 1 argument, got 0
        """)
    void badInputGivesOneShortMessage(String cell, String expected) {
        CellException e = assertThrows(CellException.class, () -> cells.exec(cell.strip()));
        assertEquals(expected.replace("WORKDIR", java.nio.file.Path.of("").toAbsolutePath().toString()), e.title());
        assertEquals(Optional.of(2), assertDoesNotThrow("1 + 1"), "the kernel stays usable");
    }

    @Test
    void notConnectedStatusSaysHowToConnect() throws Exception {
        assertEquals(Optional.of("not connected (%connect sim, or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)"),
                cells.exec("%status"));
    }

    @Test
    void unreachableTcpTargetIsOneMessage() {
        CellException e = assertThrows(CellException.class, () -> cells.exec("%connect tcp:127.0.0.1:1"));
        assertEquals("TargetDisconnected", e.errorName());
        assertEquals(true, e.getMessage().startsWith("cannot open tcp:127.0.0.1:1: "), e.getMessage());
    }

    private static Optional<Object> assertDoesNotThrow(String cell) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> cells.exec(cell));
    }
}
