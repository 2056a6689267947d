package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.transport.ByteTransport;
import dev.poolhit.kd.transport.KdClock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the target with hand-built KDCOM bytes and compares its answers byte for byte with
 * layouts written out from kd-protocol.md (sections 1-4), so a bug shared by the kd codecs and
 * the simulator cannot hide. The host here is raw bytes: no KdcomLink, no KdSession.
 */
class GoldenWireTest {
    /** The initial-break state change of the fake machine; id and checksum are given per use. */
    private static final String STATE_CHANGE_PAYLOAD = """
            30 30 00 00               # NewState 0x3030 DbgKdExceptionStateChange
            06 00                     # ProcessorLevel 6
            00 00                     # Processor 0
            01 00 00 00               # NumberProcessors 1
            00 00 00 00               # padding
            60 10 c0 00 80 fa ff ff   # Thread fffffa80`00c01060
            10 10 00 00 00 f8 ff ff   # ProgramCounter fffff800`00001010
            03 00 00 80               # 0x20 ExceptionCode STATUS_BREAKPOINT
            00 00 00 00               # 0x24 ExceptionFlags
            00 00 00 00 00 00 00 00   # 0x28 ExceptionRecord (no chain)
            10 10 00 00 00 f8 ff ff   # 0x30 ExceptionAddress = PC
            01 00 00 00               # 0x38 NumberParameters 1
            00 00 00 00               # 0x3C alignment
            00 00 00 00 00 00 00 00   # 0x40 ExceptionInformation[0] BREAKPOINT_BREAK
            00 00 00 00 00 00 00 00   # [1]
            00 00 00 00 00 00 00 00   # [2]
            00 00 00 00 00 00 00 00   # [3]
            00 00 00 00 00 00 00 00   # [4]
            00 00 00 00 00 00 00 00   # [5]
            00 00 00 00 00 00 00 00   # [6]
            00 00 00 00 00 00 00 00   # [7]
            00 00 00 00 00 00 00 00   # [8]
            00 00 00 00 00 00 00 00   # [9]
            00 00 00 00 00 00 00 00   # [10]
            00 00 00 00 00 00 00 00   # [11]
            00 00 00 00 00 00 00 00   # [12]
            00 00 00 00 00 00 00 00   # [13]
            00 00 00 00 00 00 00 00   # [14]
            01 00 00 00               # 0xB8 FirstChance
            00 00 00 00               # 0xBC padding
            f0 0f ff ff 00 00 00 00   # 0xC0 Dr6 0xffff0ff0
            00 04 00 00 00 00 00 00   # 0xC8 Dr7 0x400
            02 02 00 00               # 0xD0 EFlags 0x202
            10 00                     # 0xD4 InstructionCount 16
            03 00                     # 0xD6 ReportFlags INCLUDES_SEGS | STANDARD_CS
            cc c3 90 90 90 90 90 90   # 0xD8 InstructionStream: int 3; ret; nop...
            90 90 90 90 90 90 90 90
            10 00                     # 0xE8 SegCs
            2b 00                     # 0xEA SegDs
            2b 00                     # 0xEC SegEs
            53 00                     # 0xEE SegFs
            aa                        # trailer
            """;

    private FakeMachine fake;
    private SimulatedTarget target;
    private ByteTransport host;
    private final ExecutorService reader = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        fake = new FakeMachine();
        SimConfig config = SimConfig.DEFAULT.withBootPrint(false).withInitialBreak(true)
                .withAckTimeout(Duration.ofSeconds(60));
        target = SimulatedTarget.start(fake, null, config, KdClock.system());
        host = target.hostEnd();
    }

    @AfterEach
    void stop() {
        target.close();
        reader.shutdownNow();
    }

    @Test
    void conversationMatchesTheLayoutsByteForByte() throws Exception {
        expect(header("00 08 80 80", "00 19 00 00") + STATE_CHANGE_PAYLOAD);   // first id carries SYNC 0x800
        send(ack("00 00 80 80"));                                              // ACK masks 0x800 off
        getVersion();
        String partialRead = partialRead();
        repeatIsAckedOnlyAndGarbageIsResent(partialRead);
        resetRestartsIdsAndRepeatsTheStop();
        assertEquals(0, fake.resumes);
    }

    private void getVersion() throws Exception {
        send("""
                30 30 30 30   # leader
                02 00         # STATE_MANIPULATE
                38 00         # 56 bytes
                00 00 80 80   # host id 0x80800000
                9e 06 00 00   # checksum
                46 31 00 00   # DbgKdGetVersionApi
                fe 7f         # ProcessorLevel: WinDbg junk
                ff ff         # Processor: WinDbg junk
                03 01 00 00   # ReturnStatus STATUS_PENDING
                00 00 00 00   # padding
                11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11   # union junk
                11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11
                aa
                """);
        expect(ack("00 00 80 80"));
        expect("""
                30 30 30 30   # leader
                02 00         # STATE_MANIPULATE
                38 00         # 56 bytes
                01 00 80 80   # target id 0x80800001 (toggled, sync cleared)
                3a 0f 00 00   # checksum
                46 31 00 00   # DbgKdGetVersionApi
                fe 7f ff ff   # request header echoed
                00 00 00 00   # STATUS_SUCCESS
                00 00 00 00   # padding
                0f 00         # MajorVersion 0xF (NT free)
                b1 1d         # MinorVersion 7601
                06            # ProtocolVersion 6
                02            # KdSecondaryVersion 2
                07 00         # Flags MP | DATA | PTR64
                64 86         # MachineType AMD64
                0c            # MaxPacketType
                03            # MaxStateChange
                31            # MaxManipulate
                00            # Simulation
                00 00         # Unused
                00 00 00 00 00 f8 ff ff   # KernBase
                00 20 00 00 00 f8 ff ff   # PsLoadedModuleList
                00 30 00 00 00 f8 ff ff   # DebuggerDataList
                aa
                """);
        send(ack("01 00 80 80"));
    }

    /** 16 bytes asked, 8 mapped: STATUS_UNSUCCESSFUL with ActualBytesRead 8 and those bytes. */
    private String partialRead() throws Exception {
        String partialRead = """
                30 30 30 30   # leader
                02 00         # STATE_MANIPULATE
                38 00         # 56 bytes
                01 00 80 80   # host id 0x80800001
                73 04 00 00   # checksum
                30 31 00 00   # DbgKdReadVirtualMemoryApi
                00 00 00 00   # level, processor 0
                03 01 00 00   # STATUS_PENDING
                00 00 00 00   # padding
                f8 10 00 00 00 f8 ff ff   # TargetBaseAddress: 8 bytes before the end of memory
                10 00 00 00   # TransferCount 16
                00 00 00 00   # ActualBytesRead
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # rest of union
                aa
                """;
        send(partialRead);
        expect(ack("01 00 80 80"));
        expect("""
                30 30 30 30   # leader
                02 00         # STATE_MANIPULATE
                40 00         # 56 + 8 bytes
                00 00 80 80   # target id 0x80800000
                b8 09 00 00   # checksum
                30 31 00 00   # DbgKdReadVirtualMemoryApi
                00 00 00 00   # level, processor
                01 00 00 c0   # STATUS_UNSUCCESSFUL: partial read
                00 00 00 00   # padding
                f8 10 00 00 00 f8 ff ff   # TargetBaseAddress
                10 00 00 00   # TransferCount 16 (as asked)
                08 00 00 00   # ActualBytesRead 8
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                90 90 90 90 90 90 90 90   # the 8 readable bytes
                aa
                """);
        send(ack("00 00 80 80"));
        return partialRead;
    }

    private void repeatIsAckedOnlyAndGarbageIsResent(String partialRead) throws Exception {
        send(partialRead);                    // a repeat (same id): ACKed, not answered again
        expect(ack("01 00 80 80"));
        send("""
                30 30 30 30  02 00  04 00  00 00 80 80   # STATE_MANIPULATE of 4 bytes, id 0x80800000
                77 00 00 00                              # checksum
                46 31 00 00                              # ApiNumber only: shorter than the 56-byte struct
                aa
                """);
        expect(ack("00 00 80 80"));           // well framed, so ACKed; too short to answer: dropped
        send("""
                30 30 30 30 02 00 38 00 00 00 80 80   # a new request...
                00 00 00 00                           # ...with a wrong checksum
                46 31 00 00 00 00 00 00 03 01 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                aa
                """);
        expect("69 69 69 69  05 00  00 00  00 00 00 00  00 00 00 00   # RESEND");
    }

    private void resetRestartsIdsAndRepeatsTheStop() throws Exception {
        send("69 69 69 69  06 00  00 00  00 00 00 00  00 00 00 00   # host RESET");
        expect("69 69 69 69  06 00  00 00  00 00 00 00  00 00 00 00   # target RESET");
        expect(header("00 00 80 80", "00 19 00 00") + STATE_CHANGE_PAYLOAD);   // pending stop again, id restarted
    }

    private static String header(String id, String checksum) {
        return "30 30 30 30  07 00  f0 00  " + id + "  " + checksum + "   # STATE_CHANGE64 header\n";
    }

    private static String ack(String id) {
        return "69 69 69 69  04 00  00 00  " + id + "  00 00 00 00   # ACK\n";
    }

    private void send(String annotatedHex) throws Exception {
        host.write(Hex.decode(annotatedHex));
    }

    private void expect(String annotatedHex) throws Exception {
        byte[] expected = Hex.decode(annotatedHex);
        byte[] actual = reader.submit(() -> readExactly(expected.length)).get(20, TimeUnit.SECONDS);
        assertArrayEquals(expected, actual, () -> "expected " + Hex.bytes(expected) + "\nactual   " + Hex.bytes(actual));
    }

    private byte[] readExactly(int n) throws Exception {
        byte[] b = new byte[n];
        int at = 0;
        while (at < n) {
            int r = host.read(b, at, n - at);
            if (r < 0) {
                throw new AssertionError("end of stream after " + at + " of " + n + " bytes");
            }
            at += r;
        }
        return b;
    }
}
