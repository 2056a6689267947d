package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.AddressRange;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KdDebuggerData64;
import dev.poolhit.kd.protocol.KdDebuggerDataField;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.KldrDataTableEntry;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.kd.transport.KdClock;
import dev.poolhit.kd.transport.TcpListener;
import dev.poolhit.kd.transport.TcpTransport;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.image.PeSection;
import dev.poolhit.sim.machine.Machine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kd module's host session against the simulated machine over a real loopback TCP socket. */
class TcpSessionTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private SimulatedTarget target;
    private Host host;
    private Machine machine;
    private KdClient client;

    @BeforeEach
    void connect() throws Exception {
        try (TcpListener listener = TcpListener.bindLoopback(0)) {
            SimConfig config = SimConfig.DEFAULT.withEventsPerSecond(0);
            Future<SimulatedTarget> served = executor.submit(() ->
                    SimulatedTarget.serve(listener.accept(Duration.ofSeconds(20)), config, KdClock.system()));
            host = new Host(TcpTransport.connect("127.0.0.1", listener.port(), Duration.ofSeconds(5)));
            target = served.get();
        }
        machine = target.machine();
        client = host.client;
        StateChange64 stop = host.breakInAndConnect();
        assertEquals(NtStatus.STATUS_BREAKPOINT.code(), stop.exceptionRecord().code());
    }

    @AfterEach
    void close() throws Exception {
        host.close();
        assertTrue(target.awaitTermination(Duration.ofSeconds(20)), "target ends when the host hangs up");
        assertTrue(target.failure().isEmpty(), () -> "target failed: " + target.failure());
        executor.shutdownNow();
    }

    @Test
    void versionDebuggerDataAndBreakInStop() throws Exception {
        GetVersion64 v = client.getVersion();
        assertEquals(machine.version().kernBase(), v.kernBase());
        assertEquals(machine.version().psLoadedModuleList(), v.psLoadedModuleList());
        assertEquals(GetVersion64.MACHINE_AMD64, v.machineType());
        assertEquals(7601, v.minorVersion());

        long block = LittleEndian.u64(client.readVirtual(v.debuggerDataList(), 8), 0);
        byte[] header = client.readVirtual(block, KdDebuggerData64.HEADER_BYTES);
        int size = LittleEndian.i32(header, 0x14);
        KdDebuggerData64 data = KdDebuggerData64.decode(client.readVirtual(block, size));
        assertEquals(v.kernBase(), data.get(KdDebuggerDataField.KERN_BASE));
        assertEquals(v.psLoadedModuleList(), data.get(KdDebuggerDataField.PS_LOADED_MODULE_LIST));
        long breakSite = data.get(KdDebuggerDataField.BREAKPOINT_WITH_STATUS);
        StateChange64 stop = host.session.lastStateChange();
        assertEquals(breakSite, stop.programCounter(), "break-in stops at BreakpointWithStatus");
        assertEquals(breakSite, stop.exceptionRecord().address());
        assertTrue(stop.firstChance());
        assertEquals((byte) 0xcc, stop.controlReport().instructions()[0]);
    }

    @Test
    void moduleListAndImageBytesEqualTheMachine() throws Exception {
        List<LoadedImage> expected = machine.images().stream().filter(LoadedImage::kernelMode).toList();
        List<KldrDataTableEntry> modules = walkModules(client.getVersion().psLoadedModuleList());
        assertEquals(expected.size(), modules.size());
        for (int i = 0; i < modules.size(); i++) {
            KldrDataTableEntry m = modules.get(i);
            LoadedImage image = expected.get(i);
            byte[] name = client.readVirtual(m.baseDllName().buffer(), m.baseDllName().length());
            assertEquals(image.name(), new String(name, StandardCharsets.UTF_16LE));
            assertEquals(image.base(), m.dllBase());
            assertEquals(image.size(), m.sizeOfImage());
            assertImageEqualsFile(image);
        }
    }

    @Test
    void contextsAndControlSpaceOfEveryProcessor() throws Exception {
        for (int cpu = 0; cpu < machine.processorCount(); cpu++) {
            Amd64Context context = client.getContext(cpu);
            assertEquals(RegisterCodec.encode(machine.context(cpu)), context);
            assertEquals(machine.context(cpu).rip(), context.rip());
            assertArrayEquals(context.encode(), client.getContextEx(cpu, 0, Amd64Context.BYTES));
            assertEquals(RegisterCodec.encode(machine.specialRegisters(cpu)), client.readSpecialRegisters(cpu));
            assertEquals(machine.kpcr(cpu), LittleEndian.u64(client.readControlSpace(cpu, 0, 8), 0));
            assertEquals(machine.kprcb(cpu), LittleEndian.u64(client.readControlSpace(cpu, 1, 8), 0));
            assertEquals(machine.currentThread(cpu), LittleEndian.u64(client.readControlSpace(cpu, 3, 8), 0));
        }
        KdStatusException e = assertThrows(KdStatusException.class, () -> client.getContext(machine.processorCount()));
        assertEquals(NtStatus.STATUS_UNSUCCESSFUL.code(), e.status());
    }

    @Test
    void breakpointsFollowTheMachineTable() throws Exception {
        long address = host.session.lastStateChange().programCounter() + 1;
        byte original = client.readVirtual(address, 1)[0];
        int handle = client.writeBreakpoint(address);
        assertTrue(handle >= 1);
        assertEquals((byte) 0xcc, client.readVirtual(address, 1)[0]);
        KdStatusException duplicate = assertThrows(KdStatusException.class, () -> client.writeBreakpoint(address));
        assertEquals(NtStatus.STATUS_UNSUCCESSFUL.code(), duplicate.status());
        client.restoreBreakpoint(handle);
        assertEquals(original, client.readVirtual(address, 1)[0]);
        KdStatusException stale = assertThrows(KdStatusException.class, () -> client.restoreBreakpoint(handle));
        assertEquals(NtStatus.STATUS_UNSUCCESSFUL.code(), stale.status());
        assertThrows(KdStatusException.class, () -> client.readPhysical(0x1000, 16, 0));
    }

    private List<KldrDataTableEntry> walkModules(long head) throws Exception {
        List<KldrDataTableEntry> out = new ArrayList<>();
        long entry = LittleEndian.u64(client.readVirtual(head, 8), 0);
        while (entry != head && out.size() < 100) {
            KldrDataTableEntry m = KldrDataTableEntry.decode(client.readVirtual(entry, KldrDataTableEntry.BYTES));
            out.add(m);
            entry = m.flink();
        }
        return out;
    }

    /** Headers and every section's file bytes, except the ranges the loader rewrote (IAT, globals). */
    private void assertImageEqualsFile(LoadedImage image) throws Exception {
        byte[] file = image.pe().bytes();
        int headers = (int) image.pe().sizeOfHeaders();
        assertSameOutsideBootWrites(image, 0, file, 0, headers);
        for (PeSection s : image.pe().sections()) {
            assertSameOutsideBootWrites(image, s.virtualAddress(), file, (int) s.rawPointer(), (int) s.mappedFileBytes());
        }
    }

    private void assertSameOutsideBootWrites(LoadedImage image, long rva, byte[] file, int fileOffset, int length)
            throws Exception {
        byte[] memory = client.readVirtual(image.base() + rva, length);
        for (int i = 0; i < length; i++) {
            long address = image.base() + rva + i;
            if (memory[i] != file[fileOffset + i] && !rewrittenAtBoot(address)) {
                throw new AssertionError(image.name() + " differs from its file at rva 0x" + Long.toHexString(rva + i));
            }
        }
    }

    private boolean rewrittenAtBoot(long address) {
        for (AddressRange r : machine.bootWrites()) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
