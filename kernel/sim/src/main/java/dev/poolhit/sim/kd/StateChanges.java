package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.ControlReportAmd64;
import dev.poolhit.kd.protocol.ControlReportX86;
import dev.poolhit.kd.protocol.ExceptionRecord64;
import dev.poolhit.kd.protocol.LoadSymbols64;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.protocol.X86Pointers;
import dev.poolhit.sim.machine.Context;
import dev.poolhit.sim.machine.SpecialRegisters;
import dev.poolhit.sim.machine.StopEvent;
import java.util.Arrays;

/**
 * Builds the DBGKD_ANY_WAIT_STATE_CHANGE packets the target sends (kd-protocol.md 3, 10.3): an
 * exception for every machine stop, load-symbols for module loads. The control report carries
 * Dr6/Dr7, EFlags, segments and the 16 bytes at the PC with the debugger's breakpoints removed.
 */
final class StateChanges {
    /** ProcessId of kernel-module load-symbols changes (DECODE: -1). */
    static final long KERNEL_PROCESS_ID = -1;

    private StateChanges() {}

    /** STATUS_BREAKPOINT (one parameter, BREAKPOINT_BREAK = 0) or STATUS_SINGLE_STEP (none), first chance. */
    static StateChange64 exception(StopEvent stop) {
        return exception(stop, false);
    }

    /**
     * @param x86 a 32-bit target (kd-protocol.md 12.2): Thread, PC and ExceptionAddress sign-extended
     *            from bit 31, the X86_DBGKD_CONTROL_REPORT in the report area
     */
    static StateChange64 exception(StopEvent stop, boolean x86) {
        long address = wire(stop.exceptionAddress(), x86);
        ExceptionRecord64 record = stop.exceptionCode() == StopEvent.STATUS_SINGLE_STEP
                ? new ExceptionRecord64(stop.exceptionCode(), 0, 0, address, 0, 0, new long[15])
                : ExceptionRecord64.of(stop.exceptionCode(), address, 0);
        StateChange64.Cpu cpu = new StateChange64.Cpu(StopEvent.PROCESSOR_LEVEL, stop.processor(),
                stop.numberProcessors(), wire(stop.thread(), x86), wire(stop.programCounter(), x86));
        StateChange64 change = StateChange64.exception(cpu, record, stop.firstChance(),
                report(stop.dr6(), stop.dr7(), stop.context(), stop.instructionStream()));
        return x86 ? change.withX86Report(reportX86(stop.dr6(), stop.dr7(), stop.context(), stop.instructionStream()))
                : change;
    }

    private static long wire(long address, boolean x86) {
        return x86 ? X86Pointers.toWireVirtual(address) : address;
    }

    /** A module load reported from processor 0 at its current PC, as KdInitSystem does per boot module. */
    static StateChange64 loadSymbols(ModuleInfo module, TargetMachine machine) {
        Context c = machine.context(0);
        SpecialRegisters s = machine.specialRegisters(0);
        byte[] stream = new byte[ControlReportAmd64.STREAM_BYTES];
        int n = machine.readOriginal(c.rip(), stream, 0, stream.length);
        boolean x86 = machine.version().x86();
        StateChange64.Cpu cpu = new StateChange64.Cpu(StopEvent.PROCESSOR_LEVEL, 0, machine.processorCount(),
                wire(machine.currentThread(0), x86), wire(c.rip(), x86));
        // x86 sends ProcessId -1 zero-extended from 32 bits (kd-protocol.md 12.1, XPCAP)
        LoadSymbols64 symbols = new LoadSymbols64(0, 0, wire(module.base(), x86),
                x86 ? KERNEL_PROCESS_ID & 0xffffffffL : KERNEL_PROCESS_ID, module.checkSum(), module.size(), false);
        byte[] bytes = Arrays.copyOf(stream, n);
        StateChange64 change = StateChange64.loadSymbols(cpu, symbols, module.path(),
                report(s.kernelDr6(), s.kernelDr7(), c, bytes));
        return x86 ? change.withX86Report(reportX86(s.kernelDr6(), s.kernelDr7(), c, bytes)) : change;
    }

    /** X86_DBGKD_CONTROL_REPORT: REPORT_STANDARD_CS when CS is KGDT_R0_CODE (0x08). */
    static ControlReportX86 reportX86(long dr6, long dr7, Context c, byte[] stream) {
        int count = Math.min(stream.length, ControlReportX86.STREAM_BYTES);
        int flags = ControlReportX86.REPORT_INCLUDES_SEGS
                | (c.segCs() == Context.X86_KERNEL_CS ? ControlReportX86.REPORT_STANDARD_CS : 0);
        return new ControlReportX86((int) dr6, (int) dr7, count, flags,
                Arrays.copyOf(stream, ControlReportX86.STREAM_BYTES), c.segCs(), c.segDs(), c.segEs(), c.segFs(),
                c.eflags(), 0);
    }

    static ControlReportAmd64 report(long dr6, long dr7, Context c, byte[] stream) {
        int count = Math.min(stream.length, ControlReportAmd64.STREAM_BYTES);
        int flags = ControlReportAmd64.REPORT_INCLUDES_SEGS
                | (c.segCs() == Context.KERNEL_CS ? ControlReportAmd64.REPORT_STANDARD_CS : 0);
        return new ControlReportAmd64(dr6, dr7, c.eflags(), count, flags,
                Arrays.copyOf(stream, ControlReportAmd64.STREAM_BYTES), c.segCs(), c.segDs(), c.segEs(), c.segFs());
    }
}
