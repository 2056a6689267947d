package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.ContextArgs;
import dev.poolhit.kd.protocol.Continue2X86Args;
import dev.poolhit.kd.protocol.ControlReportX86;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.LdrDataTableEntry32;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86Pointers;
import dev.poolhit.kd.protocol.X86Register;
import dev.poolhit.kd.protocol.X86SpecialRegister;
import dev.poolhit.kd.protocol.X86SpecialRegisters;
import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.machine.Context;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.workload.GroundTruthEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The x86 target over KDCOM with the kd module's host session: 30 load-symbols stops then the
 * initial break with no host action in between but continues, GetVersion 0x014c, the x86 control
 * report with sign-extended addresses, the x86 CONTEXT, the module list as LDR_DATA_TABLE_ENTRY32,
 * x86 control space and Continue2, and a PoolHitTag stop at nt!DbgBreakPoint matching the ground truth.
 */
class X86KdcomTest {
    private static final SimConfig X86 = SimConfig.DEFAULT.withEventsPerSecond(0).withArchitecture(Architecture.X86)
            .withLoadSymbols(true).withInitialBreak(true)
            .withMachine(SimConfig.DEFAULT.machine().withArchitecture(Architecture.X86).withExtraDrivers(28));

    @Test
    void thirtyLoadSymbolsStopsThenTheInitialBreakThenAPoolHitTagStop() throws Exception {
        SimulatedTarget target = SimulatedTarget.start(X86);
        Machine machine = target.machine();
        List<LoadedImage> modules = machine.images().stream().filter(LoadedImage::kernelMode).toList();
        assertEquals(30, modules.size());
        try (Host host = new Host(target.hostEnd())) {
            StateChange64 change = host.session.connect(Host.CALL);
            List<String> reported = new ArrayList<>();
            while (change.is(NewState.LOAD_SYMBOLS)) {
                assertEquals(X86Pointers.toWireVirtual(modules.get(reported.size()).base()),
                        change.loadSymbols().baseOfDll(), "BaseOfDll sign-extended");
                assertEquals(0xffffffffL, change.loadSymbols().processId(), "ProcessId -1 zero-extended on x86");
                reported.add(change.loadSymbolsPath());
                continue2(host, false);
                change = host.client.awaitStateChange(Host.CALL);
            }
            assertEquals(modules.stream().map(LoadedImage::fullPath).toList(), reported);
            assertTrue(change.is(NewState.EXCEPTION));
            long breakpointWithStatus = machine.kernel().globals().breakpointWithStatus();
            assertEquals(0xffffffff00000000L | breakpointWithStatus, change.programCounter());

            GetVersion64 version = host.client.getVersion();
            assertEquals(0x014c, version.machineType());
            assertEquals(0, version.flags() & 0x4, "no PTR64 on a 32-bit target");
            assertEquals(0xffffffff82800000L, version.kernBase());
            assertEquals(reported.stream().map(p -> p.substring(p.lastIndexOf('\\') + 1)).toList(),
                    moduleList(host, version.psLoadedModuleList()));

            byte[] special = host.client.readControlSpace(0, X86SpecialRegisters.CONTROL_SPACE_OFFSET,
                    X86SpecialRegisters.BYTES);
            assertEquals(0x20, new X86SpecialRegisters(special).get(X86SpecialRegister.CR4) & 0x20, "CR4.PAE");

            host.client.writeVirtual(X86Pointers.toWireVirtual(machine.kernel().globals().poolHitTag()),
                    "Lea1".getBytes(StandardCharsets.US_ASCII));
            X86Context atBreakIn = getContext(host);
            assertEquals(breakpointWithStatus, atBreakIn.eip());
            setContext(host, atBreakIn.with(X86Register.EIP, atBreakIn.eip() + 1)); // past the int 3, as WinDbg does
            assertEquals(breakpointWithStatus + 1, machine.context(0).rip());
            continue2(host, false);
            StateChange64 hit = host.client.awaitStateChange(Host.CALL);
            long dbgBreakPoint = 0x82800000L + 4864;
            assertEquals(0xffffffff00000000L | dbgBreakPoint, hit.programCounter(), "stops at nt!DbgBreakPoint");
            assertEquals(hit.programCounter(), hit.exceptionRecord().address());
            ControlReportX86 report = hit.controlReportX86();
            assertEquals(0x08, report.segCs());
            assertEquals(3, report.reportFlags());
            assertEquals((byte) 0xcc, report.instructions()[0]);

            X86Context context = getContext(host);
            Context truth = machine.context(0).rip() == dbgBreakPoint ? machine.context(0) : machine.context(1);
            assertEquals(dbgBreakPoint, context.eip());
            assertEquals(truth.rsp(), context.esp());
            assertEquals(truth.rbp(), context.ebp());
            assertEquals(0x3161654cL, context.get(X86Register.EDI) & 0x7fffffffL, "EDI = the tag at the check site");
            GroundTruthEntry entry = machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke)
                    .reduce((a, b) -> b).orElseThrow();
            assertFalse(entry.stack().isEmpty());
            byte[] top = host.client.readVirtual(X86Pointers.toWireVirtual(context.esp()), 4);
        long returnAddress = LittleEndian.u32(top, 0);
            assertEquals(entry.stack().get(entry.stack().size() - 2).ip(), returnAddress,
                    "[ESP] names the check site in the ground truth's frame");
        }
    }

    @Test
    void aDriverLoadedWhileRunningIsReportedAndListed() throws Exception {
        SimulatedTarget target = SimulatedTarget.start(SimConfig.DEFAULT.withEventsPerSecond(0)
                .withMachine(SimConfig.DEFAULT.machine().withArchitecture(Architecture.X86).withExtraDrivers(1)
                        .withLateDriverAfterEvents(20)));
        try (Host host = new Host(target.hostEnd())) {
            StateChange64 first = host.breakInAndConnect();
            assertTrue(first.is(NewState.EXCEPTION));
            X86Context context = getContext(host);
            setContext(host, context.with(X86Register.EIP, context.eip() + 1));
            continue2(host, false);
            StateChange64 load = host.client.awaitStateChange(Host.CALL);
            assertTrue(load.is(NewState.LOAD_SYMBOLS), () -> "expected the late load, got " + load);
            assertEquals("\\SystemRoot\\system32\\drivers\\simdrv02.sys", load.loadSymbolsPath());
            assertEquals(0xffffffff8f710000L, load.loadSymbols().baseOfDll());
            continue2(host, false);
            host.breakIn();
            List<String> modules = moduleList(host, host.client.getVersion().psLoadedModuleList());
            assertEquals(List.of("ntoskrnl.exe", "myfault.sys", "simdrv01.sys", "simdrv02.sys"), modules);
        }
    }

    private static List<String> moduleList(Host host, long head) throws Exception {
        List<String> names = new ArrayList<>();
        long entry = LittleEndian.u32(host.client.readVirtual(head, 4), 0);
        while (entry != X86Pointers.fromWire(head) && names.size() < 100) {
            LdrDataTableEntry32 e = LdrDataTableEntry32.decode(
                    host.client.readVirtual(X86Pointers.toWireVirtual(entry), LdrDataTableEntry32.BYTES));
            byte[] name = host.client.readVirtual(X86Pointers.toWireVirtual(e.baseDllName().buffer()),
                    e.baseDllName().length());
            names.add(new String(name, StandardCharsets.UTF_16LE));
            entry = e.flink();
        }
        return names;
    }

    private static X86Context getContext(Host host) throws Exception {
        ManipulateState r = host.session.request(
                ManipulateState.request(ManipulateApi.GET_CONTEXT, 0, new ContextArgs(0), new byte[0]), Host.CALL);
        assertEquals(NtStatus.STATUS_SUCCESS.code(), r.returnStatus());
        return X86Context.decode(r.data());
    }

    private static void setContext(Host host, X86Context context) throws Exception {
        ManipulateState r = host.session.request(ManipulateState.request(ManipulateApi.SET_CONTEXT, 0,
                new ContextArgs(X86Context.CONTEXT_ALL), context.encode()), Host.CALL);
        assertEquals(NtStatus.STATUS_SUCCESS.code(), r.returnStatus());
    }

    private static void continue2(Host host, boolean trace) throws Exception {
        host.session.resume(ManipulateState.request(ManipulateApi.CONTINUE2, 0,
                Continue2X86Args.of(NtStatus.DBG_CONTINUE.code(), trace, Continue2X86Args.DR7_NONE), new byte[0]));
    }
}
