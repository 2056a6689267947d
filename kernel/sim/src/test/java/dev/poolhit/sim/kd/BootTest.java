package dev.poolhit.sim.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.Amd64Register;
import dev.poolhit.kd.protocol.Continue2Args;
import dev.poolhit.kd.protocol.LoadSymbols64;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.NtStatus;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.workload.GroundTruthLog;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** What the target says at (re)boot: the DbgPrint, load-symbols changes, the initial break, fresh ids. */
class BootTest {
    private static final SimConfig FAST = SimConfig.DEFAULT.withEventsPerSecond(0);

    @Test
    void loadSymbolsForEveryKernelModuleThenTheInitialBreak() throws Exception {
        SimulatedTarget target = SimulatedTarget.start(FAST.withLoadSymbols(true).withInitialBreak(true));
        List<LoadedImage> modules = target.machine().images().stream().filter(LoadedImage::kernelMode).toList();
        try (Host host = new Host(target.hostEnd())) {
            StateChange64 change = host.session.connect(Host.CALL);
            for (LoadedImage m : modules) {
                assertTrue(change.is(NewState.LOAD_SYMBOLS), () -> "expected load symbols for " + m.name());
                LoadSymbols64 s = change.loadSymbols();
                assertEquals(m.base(), s.baseOfDll());
                assertEquals(m.size(), s.sizeOfImage());
                assertEquals(m.fullPath(), change.loadSymbolsPath());
                host.client.continue2(NtStatus.DBG_CONTINUE.code(), false, Continue2Args.DR7_NONE);
                change = host.client.awaitStateChange(Host.CALL);
            }
            assertTrue(change.is(NewState.EXCEPTION));
            assertEquals(target.machine().kernel().globals().breakpointWithStatus(), change.programCounter());
            // The connect RESET may cross the first print, which kdcom then repeats with id 0x80800000
            // (XPCAP shows the same); the host forgets ids on RESET, so it may print it twice.
            assertTrue(host.prints.contains("KD: simulated target ready (boot 1)\n"), () -> "prints: " + host.prints);
            assertTrue(host.prints.stream().allMatch("KD: simulated target ready (boot 1)\n"::equals));
        }
    }

    @Test
    void rebootAnnouncesAFreshTargetWithRestartedIds() throws Exception {
        SimulatedTarget target = SimulatedTarget.start(FAST);
        Machine machine = target.machine();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try (Host host = new Host(target.hostEnd())) {
            host.breakInAndConnect();
            skipInt3AndContinue(host);
            awaitEvents(machine, 200);
            GroundTruthLog firstBoot = machine.groundTruth();

            target.reboot();
            Future<StateChange64> stop = waiter.submit(() -> host.client.awaitStateChange(Host.CALL));
            awaitPrint(host, "KD: simulated target ready (boot 2)\n");
            host.client.breakIn();
            StateChange64 change = stop.get(30, TimeUnit.SECONDS);

            assertEquals(2, machine.bootCount());
            assertEquals(machine.kernel().globals().breakpointWithStatus(), change.programCounter());
            assertEquals(2, host.wire.stream().filter(l -> l.startsWith("recv DEBUG_IO id 0x80800800")).count(),
                    () -> "each boot starts at id 0x80800800: " + host.wire);
            assertEquals(machine.version().kernBase(), host.client.getVersion().kernBase());
            assertNotSame(firstBoot, machine.groundTruth(), "ground truth restarts with the machine");
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void theDefaultPacedTargetRunsAndBreaksIn() throws Exception {
        SimulatedTarget target = SimulatedTarget.start(SimConfig.DEFAULT);
        long breakSite = target.machine().kernel().globals().breakpointWithStatus();
        try (Host host = new Host(target.hostEnd())) {
            assertEquals(breakSite, host.breakInAndConnect().programCounter());
            skipInt3AndContinue(host);
            awaitEvents(target.machine(), 20);
            assertEquals(breakSite, host.breakIn().programCounter());
        }
        assertTrue(target.awaitTermination(Host.CALL));
    }

    @Test
    void closeFromAnotherThreadEndsARunningTarget() throws Exception {
        SimulatedTarget target = SimulatedTarget.start(FAST.withBootPrint(false));
        awaitEvents(target.machine(), 50);
        target.close();
        assertTrue(target.awaitTermination(Host.CALL));
        assertTrue(target.failure().isEmpty(), () -> "close is a normal end, not " + target.failure());
    }

    private static void skipInt3AndContinue(Host host) throws Exception {
        StateChange64 last = host.session.lastStateChange();
        Amd64Context c = host.client.getContext(last.processor());
        host.client.setContext(last.processor(), c.with(Amd64Register.RIP, c.rip() + 1));
        host.client.continue2(NtStatus.DBG_EXCEPTION_HANDLED.code(), false, Continue2Args.DR7_NONE);
    }

    private static void awaitEvents(Machine machine, int n) {
        awaitTrue(() -> machine.groundTruth().size() >= n, "machine to perform " + n + " events");
    }

    private static void awaitPrint(Host host, String text) {
        awaitTrue(() -> host.prints.contains(text), "DbgPrint " + text.trim());
    }

    /** Bounded real-time wait for a condition another thread makes true (not for time to pass). */
    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
