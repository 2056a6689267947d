package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.stack.StackFrame;
import dev.poolhit.target.symbol.SymbolSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KdTarget against the real simulator over an in-process KDCOM pipe, checked against the machine's ground truth. */
class KdTargetSimTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path symbols;
    private SimulatedTarget sim;
    private Machine machine;
    private KdTarget target;

    @BeforeEach
    void attach() {
        sim = SimTargets.start();
        machine = sim.machine();
        target = SimTargets.attach(sim, SimTargets.pdbFolder(symbols));
    }

    @AfterEach
    void close() {
        target.close();
        sim.close();
    }

    @Test
    void attachReportsVersionKernelAndModulesAsTheSimulatorHasThem() {
        TargetInfo info = target.info();
        assertEquals(7601, info.build());
        assertEquals(machine.version().kernBase(), info.kernBase());
        assertEquals(machine.processorCount(), info.processors());
        assertEquals(machine.kernel().globals().breakpointWithStatus(), info.breakpointWithStatus());
        List<LoadedImage> kernelImages = machine.images().stream().filter(LoadedImage::kernelMode).toList();
        List<Module> modules = target.modules().all();
        assertEquals(kernelImages.size(), modules.size(), () -> "modules " + modules);
        for (LoadedImage image : kernelImages) {
            Module m = target.modules().find(image.base()).orElseThrow();
            assertEquals(image.base(), m.base());
            assertEquals(image.size(), m.size());
            assertEquals(image.name(), m.imageName());
            assertTrue(m.codeView().isPresent(), () -> "RSDS of " + m);
        }
        assertEquals("nt", target.modules().find(info.kernBase()).orElseThrow().name());
        assertEquals(TargetState.BROKEN, target.state());
    }

    @Test
    void poolHitTagResolvesThroughTheKernelPdb() {
        assertEquals(machine.kernel().globals().poolHitTag(), target.resolve("nt!PoolHitTag").orElseThrow());
        assertTrue(target.symbolStatus().stream().anyMatch(s -> s.module().equals("nt") && s.source() == SymbolSource.PDB),
                () -> "symbol status " + target.symbolStatus());
        assertEquals(0xffffff0fL, target.memory().u32(machine.kernel().globals().poolHitTag()));
    }

    @Test
    void stacksAtPoolHitsMatchTheGroundTruthFrameByFrame() {
        long poolHitTag = target.resolve("nt!PoolHitTag").orElseThrow();
        target.write(poolHitTag, "Lea2".getBytes(StandardCharsets.US_ASCII));
        int checked = 0;
        for (int hit = 0; hit < 300; hit++) {
            SimTargets.resumePastInt3(target);
            Stop stop = target.awaitStop(WAIT).orElseThrow();
            assertEquals(Stop.Kind.BREAKPOINT, stop.kind());
            List<GroundTruthEntry> broke = machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).toList();
            GroundTruthEntry truth = broke.get(broke.size() - 1);
            checked += compare(truth, target.stackTrace(64).frames(), hit);
        }
        assertTrue(checked >= 300 * 4, "frames compared: " + checked);
        target.write(poolHitTag, new byte[] {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    }

    @Test
    void breakpointBytesAreHiddenAndRemovedExactly() {
        long site = target.resolve("nt!ExFreePoolWithTag").orElseThrow();
        byte[] before = target.read(site, 16);
        target.setBreakpoint(site);
        assertEquals(1, machine.breakpointCount());
        assertEquals(before[0], target.read(site, 1)[0], "our breakpoint is masked");
        target.patch(site + 1, (byte) 0x90);
        assertEquals(before[1], target.read(site + 1, 1)[0], "our patch is masked");
        assertTrue(target.removeBreakpoint(site));
        assertTrue(target.unpatch(site + 1));
        assertFalse(target.removeBreakpoint(site));
        assertEquals(0, machine.breakpointCount());
        byte[] raw = new byte[16];
        machine.readVirtual(site, raw, 0, 16);
        assertEquals(LittleEndian.u64(before, 0), LittleEndian.u64(raw, 0));
        assertTrue(target.breakpoints().isEmpty() && target.patches().isEmpty());
    }

    @Test
    void everyResumeStartsANewBreakEpoch() {
        long epoch = target.epoch();
        SimTargets.resumePastInt3(target);
        assertEquals(epoch + 1, target.epoch());
        target.breakIn();
        Stop stop = target.awaitStop(WAIT).orElseThrow();
        assertEquals(target.info().breakpointWithStatus(), stop.pc());
        assertEquals(stop.pc(), target.registers().rip());
    }

    /** Ground truth runs outermost to the check site; ours innermost first (user frames named via the PEB loader list). */
    private int compare(GroundTruthEntry truth, List<StackFrame> frames, int hit) {
        List<ExpectedFrame> expected = new java.util.ArrayList<>(truth.stack());
        java.util.Collections.reverse(expected);
        int n = 0;
        for (int i = 0; i < Math.min(expected.size(), frames.size()); i++) {
            ExpectedFrame e = expected.get(i);
            StackFrame f = frames.get(i);
            int k = i;
            assertEquals(e.ip(), f.instructionPointer(), () -> "hit " + hit + " frame " + k + " ip; expected " + expected
                    + " got " + frames);
            if (i + 1 < expected.size() && f.returnAddress().isPresent()) {
                assertEquals(expected.get(i + 1).ip(), f.returnAddress().getAsLong(), "hit " + hit + " frame " + i + " ret");
            }
            // the truth names the function that owns the code (.pdata chain root); a return address is
            // looked up one byte back, as it may sit right past its call at the next public
            long lookup = i == 0 ? f.instructionPointer() : f.instructionPointer() - 1;
            target.owningFunction(lookup).ifPresent(owner -> assertEquals(e.function(),
                    owner.module().orElseThrow() + "!" + owner.function().orElseThrow(), "hit " + hit + " frame " + k));
            n++;
        }
        long kernelFrames = expected.stream().filter(e -> e.ip() < 0).count();
        assertTrue(frames.size() >= kernelFrames, () -> "hit " + hit + ": " + frames.size() + " frames, truth " + expected);
        return n;
    }
}
