package dev.poolhit.kd.protocol;

import dev.poolhit.common.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * DBGKD_ANY_WAIT_STATE_CHANGE as the target sends it (240 bytes) plus extra data: the payload of a
 * PACKET_TYPE_KD_STATE_CHANGE64 packet (kd-protocol.md 3).
 *
 * <pre>
 *   0x00 u32 NewState   0x04 u16 ProcessorLevel   0x06 u16 Processor   0x08 u32 NumberProcessors
 *   0x0C u32 (padding)  0x10 u64 Thread   0x18 u64 ProgramCounter
 *   0x20 0xA0-byte union: DBGKM_EXCEPTION64 {@link ExceptionRecord64} + FirstChance u32 at 0xB8,
 *                         or {@link LoadSymbols64}, or DBGKD_COMMAND_STRING
 *   0xC0 0x30-byte control report ({@link ControlReportAmd64} on x64, {@link ControlReportX86} on x86)
 *   0xF0 ...  extra data (load symbols: ANSI path with NUL)
 * </pre>
 *
 * <p>The union and report are kept raw so junk in unused bytes re-encodes exactly; the typed
 * views decode them on demand. Arrays are not copied: treat them as read-only.
 */
public record StateChange64(int newState, int processorLevel, int processor, int numberProcessors, int padding,
                            long thread, long programCounter, byte[] union, byte[] report, byte[] extra) {
    public static final int BYTES = 0xF0;
    public static final int UNION_OFFSET = 0x20;
    public static final int UNION_BYTES = 0xA0;
    public static final int REPORT_OFFSET = 0xC0;
    /** FirstChance inside the union (0xB8 absolute). */
    static final int FIRST_CHANCE_IN_UNION = 0x98;

    public StateChange64 {
        Structs.requireLength(union, UNION_BYTES, "state change union");
        Structs.requireLength(report, ControlReportAmd64.BYTES, "control report");
        if (extra == null) {
            throw new IllegalArgumentException("extra must not be null (use an empty array)");
        }
    }

    /** Common fields shared by the factories below. */
    public record Cpu(int processorLevel, int processor, int numberProcessors, long thread, long programCounter) {}

    public static StateChange64 exception(Cpu cpu, ExceptionRecord64 record, boolean firstChance,
                                          ControlReportAmd64 report) {
        byte[] union = new byte[UNION_BYTES];
        record.writeTo(union, 0);
        LittleEndian.put32(union, FIRST_CHANCE_IN_UNION, firstChance ? 1 : 0);
        return new StateChange64(NewState.EXCEPTION.value(), cpu.processorLevel(), cpu.processor(),
                cpu.numberProcessors(), 0, cpu.thread(), cpu.programCounter(), union, report.encode(), new byte[0]);
    }

    /** A load-symbols change; PathNameLength is set from {@code path} (ANSI, NUL added). */
    public static StateChange64 loadSymbols(Cpu cpu, LoadSymbols64 symbols, String path, ControlReportAmd64 report) {
        byte[] ansi = path.getBytes(StandardCharsets.ISO_8859_1);
        byte[] extra = Arrays.copyOf(ansi, ansi.length + 1);
        LoadSymbols64 s = new LoadSymbols64(extra.length, symbols.padding(), symbols.baseOfDll(), symbols.processId(),
                symbols.checkSum(), symbols.sizeOfImage(), symbols.unloadSymbols());
        byte[] union = new byte[UNION_BYTES];
        s.writeTo(union, 0);
        return new StateChange64(NewState.LOAD_SYMBOLS.value(), cpu.processorLevel(), cpu.processor(),
                cpu.numberProcessors(), 0, cpu.thread(), cpu.programCounter(), union, report.encode(), extra);
    }

    public Optional<NewState> kind() {
        return NewState.of(newState);
    }

    public boolean is(NewState s) {
        return kind().filter(k -> k == s).isPresent();
    }

    /** The exception record (meaningful when {@link #kind()} is EXCEPTION). */
    public ExceptionRecord64 exceptionRecord() {
        return ExceptionRecord64.decode(union, 0);
    }

    public boolean firstChance() {
        return LittleEndian.i32(union, FIRST_CHANCE_IN_UNION) != 0;
    }

    /** The load-symbols fields (meaningful when {@link #kind()} is LOAD_SYMBOLS). */
    public LoadSymbols64 loadSymbols() {
        return LoadSymbols64.decode(union, 0);
    }

    /** The module path of a load-symbols change: extra data capped as kd-protocol.md 12.8, NUL stripped. */
    public String loadSymbolsPath() {
        int length = Math.min(extra.length, Math.max(0, loadSymbols().pathNameLength()));
        while (length > 0 && extra[length - 1] == 0) {
            length--;
        }
        return new String(extra, 0, length, StandardCharsets.ISO_8859_1);
    }

    public ControlReportAmd64 controlReport() {
        try {
            return ControlReportAmd64.decode(report);
        } catch (KdProtocolException e) {
            throw new IllegalStateException("report length is checked by the constructor", e);
        }
    }

    /**
     * The report area read as X86_DBGKD_CONTROL_REPORT: use it when GetVersion's MachineType is
     * 0x014C ({@link TargetMachine#I386}); the AMD64 view of the same bytes is meaningless there.
     */
    public ControlReportX86 controlReportX86() {
        try {
            return ControlReportX86.decode(report);
        } catch (KdProtocolException e) {
            throw new IllegalStateException("report length is checked by the constructor", e);
        }
    }

    /**
     * This state change with an x86 control report in the report area, for a simulated 32-bit
     * target: build it with {@link #exception} or {@link #loadSymbols} (any AMD64 report), then
     * replace the report; sign-extend Thread/PC/addresses with {@link X86Pointers#toWireVirtual}.
     */
    public StateChange64 withX86Report(ControlReportX86 x86Report) {
        return new StateChange64(newState, processorLevel, processor, numberProcessors, padding, thread,
                programCounter, union, x86Report.encode(), extra);
    }

    public byte[] encode() {
        byte[] out = new byte[BYTES + extra.length];
        LittleEndian.put32(out, 0x00, newState);
        LittleEndian.put16(out, 0x04, processorLevel);
        LittleEndian.put16(out, 0x06, processor);
        LittleEndian.put32(out, 0x08, numberProcessors);
        LittleEndian.put32(out, 0x0C, padding);
        LittleEndian.put64(out, 0x10, thread);
        LittleEndian.put64(out, 0x18, programCounter);
        System.arraycopy(union, 0, out, UNION_OFFSET, UNION_BYTES);
        System.arraycopy(report, 0, out, REPORT_OFFSET, report.length);
        System.arraycopy(extra, 0, out, BYTES, extra.length);
        return out;
    }

    public static StateChange64 decode(byte[] p) throws KdProtocolException {
        Structs.requireAtLeast(p, BYTES, "DBGKD_ANY_WAIT_STATE_CHANGE");
        return new StateChange64(LittleEndian.i32(p, 0), LittleEndian.u16(p, 4), LittleEndian.u16(p, 6),
                LittleEndian.i32(p, 8), LittleEndian.i32(p, 0x0C), LittleEndian.u64(p, 0x10), LittleEndian.u64(p, 0x18),
                Structs.slice(p, UNION_OFFSET, UNION_BYTES), Structs.slice(p, REPORT_OFFSET, ControlReportAmd64.BYTES),
                Structs.tail(p, BYTES));
    }

    public KdPacket toPacket(int id) {
        return KdPacket.data(PacketType.STATE_CHANGE64, id, encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateChange64 s && Arrays.equals(s.encode(), encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("StateChange64[%s cpu=%d pc=0x%016x extra=%d bytes]",
                kind().map(Enum::name).orElse(String.format("0x%04x", newState)), processor, programCounter,
                extra.length);
    }
}
