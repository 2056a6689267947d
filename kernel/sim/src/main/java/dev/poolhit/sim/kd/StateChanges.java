package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.ControlReportAmd64;
import dev.poolhit.kd.protocol.ExceptionRecord64;
import dev.poolhit.kd.protocol.LoadSymbols64;
import dev.poolhit.kd.protocol.StateChange64;
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
        ExceptionRecord64 record = stop.exceptionCode() == StopEvent.STATUS_SINGLE_STEP
                ? new ExceptionRecord64(stop.exceptionCode(), 0, 0, stop.exceptionAddress(), 0, 0, new long[15])
                : ExceptionRecord64.of(stop.exceptionCode(), stop.exceptionAddress(), 0);
        StateChange64.Cpu cpu = new StateChange64.Cpu(StopEvent.PROCESSOR_LEVEL, stop.processor(),
                stop.numberProcessors(), stop.thread(), stop.programCounter());
        return StateChange64.exception(cpu, record, stop.firstChance(),
                report(stop.dr6(), stop.dr7(), stop.context(), stop.instructionStream()));
    }

    /** A module load reported from processor 0 at its current PC, as KdInitSystem does per boot module. */
    static StateChange64 loadSymbols(ModuleInfo module, TargetMachine machine) {
        Context c = machine.context(0);
        SpecialRegisters s = machine.specialRegisters(0);
        byte[] stream = new byte[ControlReportAmd64.STREAM_BYTES];
        int n = machine.readOriginal(c.rip(), stream, 0, stream.length);
        StateChange64.Cpu cpu = new StateChange64.Cpu(StopEvent.PROCESSOR_LEVEL, 0, machine.processorCount(),
                machine.currentThread(0), c.rip());
        LoadSymbols64 symbols = new LoadSymbols64(0, 0, module.base(), KERNEL_PROCESS_ID, module.checkSum(),
                module.size(), false);
        return StateChange64.loadSymbols(cpu, symbols, module.path(),
                report(s.kernelDr6(), s.kernelDr7(), c, Arrays.copyOf(stream, n)));
    }

    static ControlReportAmd64 report(long dr6, long dr7, Context c, byte[] stream) {
        int count = Math.min(stream.length, ControlReportAmd64.STREAM_BYTES);
        int flags = ControlReportAmd64.REPORT_INCLUDES_SEGS
                | (c.segCs() == Context.KERNEL_CS ? ControlReportAmd64.REPORT_STANDARD_CS : 0);
        return new ControlReportAmd64(dr6, dr7, c.eflags(), count, flags,
                Arrays.copyOf(stream, ControlReportAmd64.STREAM_BYTES), c.segCs(), c.segDs(), c.segEs(), c.segFs());
    }
}
