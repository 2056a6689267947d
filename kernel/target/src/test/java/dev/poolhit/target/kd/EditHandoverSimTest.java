package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.Hex;
import dev.poolhit.sim.kd.SimConfig;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.target.symbol.SymbolPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new KdTarget on a new link to the same simulated machine adopts the old one's breakpoint and patch and undoes them. */
class EditHandoverSimTest {
    private static final byte NOP = (byte) 0x90;
    @TempDir
    Path symbols;
    private SymbolPath path;
    private SimulatedTarget sim;
    private Machine machine;
    private KdTarget old;
    private KdTarget fresh;
    private long bp;
    private long patched;
    private byte[] code;

    @BeforeEach
    void editThenLoseTheLink() throws InterruptedException {
        path = SimTargets.pdbFolder(symbols);
        sim = SimTargets.start();
        machine = sim.machine();
        old = SimTargets.attach(sim, path);
        bp = old.resolve("nt!ExAllocatePoolWithTag").orElseThrow();
        patched = old.resolve("nt!ExFreePoolWithTag").orElseThrow();
        code = new byte[] {simByte(bp), simByte(patched)};
        old.setBreakpoint(bp);
        old.patch(patched, NOP);
        old.close(); // the cable pulled: the simulator's engine ends with the link, the machine keeps its state
        assertTrue(sim.awaitTermination(Duration.ofSeconds(20)));
    }

    @AfterEach
    void close() {
        if (fresh != null) {
            fresh.close();
        }
        sim.close();
    }

    @Test
    void theSameBootIsRecognisedAndTheAdoptedEditsAreUndoneOnTheNewLink() {
        OwedEdits owed = old.owedEdits();
        assertEquals(Map.of(bp, code[0]), owed.breakpointOriginals(), "the byte under the breakpoint, as only the old link knew it");
        assertEquals(Map.of(patched, code[1]), owed.patches());
        assertEquals("1 breakpoint, 1 patch", owed.counts());
        fresh = reattach();
        BootCheck check = fresh.checkBoot(owed);
        assertEquals(BootCheck.Verdict.SAME_BOOT, check.verdict(), check.reason());
        assertEquals("same boot: kernel base " + Hex.u64(machine.version().kernBase()) + ", 2 of our edits still in place",
                check.reason());
        fresh.adopt(owed);
        assertEquals(code[0], fresh.read(bp, 1)[0], "reads show the code's own byte under the adopted breakpoint");
        assertEquals(owed.breakpoints(), fresh.breakpoints());
        assertTrue(fresh.removeBreakpoint(bp));
        assertTrue(fresh.unpatch(patched));
        assertEquals(0, machine.breakpointCount());
        assertArrayEquals(code, new byte[] {simByte(bp), simByte(patched)});
        assertTrue(fresh.owedEdits().isEmpty());
    }

    @Test
    void aRebootDuringTheCutLeavesNothingToAdopt() {
        OwedEdits owed = old.owedEdits();
        machine.reboot();
        fresh = reattach();
        BootCheck check = fresh.checkBoot(owed);
        assertEquals(BootCheck.Verdict.REBOOTED, check.verdict());
        assertEquals("target rebooted: none of our edits is in place (breakpoint at " + Hex.u64(bp) + ", patch at "
                + Hex.u64(patched) + " gone)", check.reason());
        assertEquals(List.of(), check.present());
    }

    @Test
    void anotherKernelBaseOrAnEarlierBootClockMeansAnotherBoot() {
        OwedEdits owed = old.owedEdits();
        fresh = reattach();
        long base = machine.version().kernBase();
        BootCheck moved = fresh.checkBoot(new OwedEdits(base + 0x200000, OptionalLong.empty(), owed.breakpoints(),
                owed.breakpointOriginals(), owed.patches(), Map.of()));
        assertEquals("target rebooted: kernel base is " + Hex.u64(base) + ", was " + Hex.u64(base + 0x200000),
                moved.reason());
        BootCheck nothing = fresh.checkBoot(new OwedEdits(base, OptionalLong.of(5), Map.of(), Map.of(), Map.of(), Map.of()));
        assertEquals(BootCheck.Verdict.UNCONFIRMED, nothing.verdict(), "the simulator has no boot clock to compare");
        assertNotEquals(BootCheck.Verdict.SAME_BOOT, nothing.verdict());
    }

    @Test
    void aBreakpointWriteLostWithTheLinkIsClearedAndOneRemovedMeanwhileIsNotAdopted() throws InterruptedException {
        OwedEdits owed = old.owedEdits();
        fresh = reattach();
        fresh.adopt(owed);
        long stray = fresh.resolve("nt!ExFreePool").orElseThrow();
        fresh.setBreakpoint(stray); // stands for a WriteBreakPoint the target applied but whose answer died with the link
        assertTrue(fresh.removeBreakpoint(bp)); // stands for a RestoreBreakPoint whose answer died with the link
        fresh.close();
        fresh = null;
        sim.awaitTermination(Duration.ofSeconds(20));
        OwedEdits lostAnswers = new OwedEdits(owed.kernBase(), owed.bootClock(), owed.breakpoints(),
                owed.breakpointOriginals(), owed.patches(), Map.of(stray, simByte(stray)));
        fresh = reattach();
        assertEquals(List.of("breakpoint at " + Hex.u64(bp) + " was already removed",
                "cleared breakpoint handle 2 (set while the old link died)"), fresh.adopt(lostAnswers));
        assertEquals(0, machine.breakpointCount());
        assertEquals(Map.of(), fresh.breakpoints());
        assertTrue(fresh.unpatch(patched));
        assertArrayEquals(code, new byte[] {simByte(bp), simByte(patched)});
    }

    private KdTarget reattach() {
        long limit = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sim.isAlive() && System.nanoTime() < limit) {
            Thread.onSpinWait(); // the engine thread ends just after it signals termination
        }
        return SimTargets.attach(sim = sim.reconnect(SimConfig.DEFAULT.withEventsPerSecond(0)), path);
    }

    private byte simByte(long address) {
        byte[] one = new byte[1];
        machine.readOriginal(address, one, 0, 1);
        return one[0];
    }
}
