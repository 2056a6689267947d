package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.Continue2Args;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.StateChange64;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extra boot drivers on the x64 machine: one load-symbols stop each, readable PE headers at their bases. */
class ExtraDriversTest {
    @Test
    void everyExtraDriverIsReportedAtBootWithAReadableHeader() throws Exception {
        SimConfig config = SimConfig.DEFAULT.withEventsPerSecond(0).withLoadSymbols(true).withInitialBreak(true)
                .withMachine(SimConfig.DEFAULT.machine().withExtraDrivers(3));
        SimulatedTarget target = SimulatedTarget.start(config);
        try (Host host = new Host(target.hostEnd())) {
            StateChange64 change = host.session.connect(Host.CALL);
            List<String> paths = new ArrayList<>();
            List<Long> bases = new ArrayList<>();
            while (change.is(NewState.LOAD_SYMBOLS)) {
                paths.add(change.loadSymbolsPath());
                bases.add(change.loadSymbols().baseOfDll());
                host.client.continue2(NtStatus.DBG_CONTINUE.code(), false, Continue2Args.DR7_NONE);
                change = host.client.awaitStateChange(Host.CALL);
            }
            assertTrue(change.is(NewState.EXCEPTION), "then the initial break");
            assertEquals(List.of("\\SystemRoot\\system32\\ntoskrnl.exe", "\\SystemRoot\\system32\\drivers\\myfault.sys",
                    "\\SystemRoot\\system32\\drivers\\simdrv01.sys", "\\SystemRoot\\system32\\drivers\\simdrv02.sys",
                    "\\SystemRoot\\system32\\drivers\\simdrv03.sys"), paths);
            assertEquals(0xfffff88006020000L, bases.get(4));
            byte[] headers = host.client.readVirtual(bases.get(4), 0x200);
            assertEquals(0x5a4d, LittleEndian.u16(headers, 0));
            int pe = (int) LittleEndian.u32(headers, 0x3c);
            assertEquals(0x00004550L, LittleEndian.u32(headers, pe));
            assertEquals(0x8664, LittleEndian.u16(headers, pe + 4));
            assertEquals(0x20b, LittleEndian.u16(headers, pe + 24), "PE32+ optional header");
            assertEquals(bases.get(4), LittleEndian.u64(headers, pe + 24 + 24), "ImageBase = the load base");
        }
    }
}
