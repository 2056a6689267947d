package dev.poolhit.target.kd;

import static dev.poolhit.target.kd.SimTargets.x86;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.images.SimImages;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.machine.Context;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.os.ThreadInfo;
import dev.poolhit.target.stack.StackFrame;
import dev.poolhit.target.symbol.SymbolSource;
import dev.poolhit.target.unwind.Reg;
import dev.poolhit.target.unwind.Registers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KdTarget against the 32-bit simulated Windows 7 SP1 over a real KDCOM pipe: the machine type
 * from GetVersion picks every layout; addresses are the simulator's, sign-extended from bit 31.
 */
class KdTargetX86SimTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path symbols;
    private SimulatedTarget sim;
    private Machine machine;
    private KdTarget target;

    @BeforeEach
    void attach() {
        sim = SimTargets.startX86();
        machine = sim.machine();
        target = SimTargets.attach(sim, SimTargets.pdbFolder(symbols, SimImages.x86()));
    }

    @AfterEach
    void close() {
        target.close();
        sim.close();
    }

    @Test
    void errorsNameAddressesAsWinDbgDoesOnX86() {
        dev.poolhit.target.MemoryAccessException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.poolhit.target.MemoryAccessException.class, () -> target.read(0xffffffff80000000L, 16));
        assertEquals("memory access failed: cannot read 80000000 (read of 0x10 bytes at 80000000 stopped after 0x0)",
                e.getMessage());
    }

    @Test
    void attachFindsTheThirtyTwoBitKernelAndItsModules() {
        TargetInfo info = target.info();
        assertTrue(info.x86(), info::toString);
        assertEquals(4, info.pointerBytes());
        assertEquals(7601, info.build());
        assertEquals(x86(machine.version().kernBase()), info.kernBase());
        assertEquals(0xffffffff82800000L, info.kernBase(), "the x86 image set's kernel base, sign-extended");
        assertEquals(x86(machine.kernel().globals().breakpointWithStatus()), info.breakpointWithStatus());
        assertTrue(info.versionLine().startsWith("Windows build 7601 x86 (free)"), info.versionLine());
        assertTrue(info.versionLine().endsWith(", kernel base 82800000"), info.versionLine());
        assertEquals(dev.poolhit.target.AddressStyle.X86, target.addressStyle());
        List<LoadedImage> kernelImages = machine.images().stream().filter(LoadedImage::kernelMode).toList();
        List<Module> modules = target.modules().all();
        assertEquals(kernelImages.size(), modules.size(), () -> "modules " + modules);
        for (LoadedImage image : kernelImages) {
            Module m = target.modules().find(x86(image.base())).orElseThrow();
            assertEquals(image.size(), m.size());
            assertEquals(image.name(), m.imageName());
            assertTrue(m.codeView().isPresent(), () -> "RSDS of " + m);
        }
        assertEquals("nt", target.modules().find(info.kernBase()).orElseThrow().name());
        assertEquals(TargetState.BROKEN, target.state());
    }

    @Test
    void symbolsComeFromThePdbsUndecorated() {
        assertEquals(x86(machine.kernel().globals().poolHitTag()), target.resolve("nt!PoolHitTag").orElseThrow());
        assertTrue(target.symbolStatus().stream().anyMatch(s -> s.module().equals("nt") && s.source() == SymbolSource.PDB),
                () -> "symbol status " + target.symbolStatus());
        assertEquals(0xffffff0fL, target.memory().u32(target.resolve("nt!PoolHitTag").orElseThrow()));
        long free = target.resolve("nt!ExFreePoolWithTag").orElseThrow();
        assertEquals("nt!ExFreePoolWithTag", target.describe(free).text());
        assertEquals(free, target.resolve("nt!_ExFreePoolWithTag@8").orElseThrow(), "the decorated name still resolves");
    }

    @Test
    void registersComeFromTheX86ContextAndEipMovesPastAnInt3() {
        Stop stop = target.lastStop().orElseThrow();
        Registers regs = target.registers();
        Context truth = machine.context(stop.processor());
        assertEquals(stop.pc(), regs.rip());
        assertEquals(x86(truth.rip()), regs.rip());
        assertEquals(x86(truth.rsp()), regs.get(Reg.RSP));
        assertEquals(x86(truth.rbp()), regs.get(Reg.RBP));
        assertEquals(0, regs.get(Reg.R8), "x86 has no R8-R15");
        target.setInstructionPointer(stop.pc() + 1);
        assertEquals(stop.pc() + 1, target.registers().rip());
        assertEquals(x86(stop.pc() + 1), x86(machine.context(stop.processor()).rip()));
    }

    @Test
    void controlRegistersComeFromTheX86SpecialRegisters() {
        ControlRegisters cr = target.controlRegisters();
        assertEquals(0x20, cr.cr4() & 0x20, "CR4.PAE of the PAE kernel");
        assertEquals(machine.specialRegisters(target.lastStop().orElseThrow().processor()).cr3() & 0xffffffffL, cr.cr3());
        assertTrue(cr.cr3() <= 0xffffffffL, "32-bit register contents");
    }

    @Test
    void theStoppedThreadHasItsProcessAndKernelStack() {
        Stop stop = target.lastStop().orElseThrow();
        ThreadInfo t = target.thread().orElseThrow();
        assertEquals(stop.thread(), t.kthread());
        assertTrue(t.kernelStack().isPresent(), () -> "kernel stack of " + t);
        assertFalse(t.process().imageFileName().isEmpty());
    }

    @Test
    void breakpointsAtSignExtendedAddressesAreSetMaskedAndRemovedExactly() {
        long site = target.resolve("nt!ExFreePoolWithTag").orElseThrow();
        assertTrue(site < 0, "a kernel address in the model form");
        byte[] before = target.read(site, 16);
        target.setBreakpoint(site);
        assertEquals(1, machine.breakpointCount());
        assertEquals(before[0], target.read(site, 1)[0], "our breakpoint is masked");
        assertTrue(target.removeBreakpoint(site));
        assertEquals(0, machine.breakpointCount());
        byte[] raw = new byte[16];
        machine.readVirtual(site & 0xffffffffL, raw, 0, 16);
        assertEquals(LittleEndian.u64(before, 0), LittleEndian.u64(raw, 0));
    }

    @Test
    void aBreakpointHitAndASingleStepStopWhereTheyShould() {
        long poolHitTag = target.resolve("nt!PoolHitTag").orElseThrow();
        target.write(poolHitTag, "Lea2".getBytes(StandardCharsets.US_ASCII));
        SimTargets.resumePastInt3(target);
        Stop hit = target.awaitStop(WAIT).orElseThrow();
        assertEquals(Stop.Kind.BREAKPOINT, hit.kind());
        assertEquals((byte) 0xcc, target.read(hit.pc(), 1)[0]);
        target.setInstructionPointer(hit.pc() + 1);
        Stop step = target.step(WAIT).orElseThrow();
        assertEquals(Stop.Kind.SINGLE_STEP, step.kind());
        assertTrue(step.pc() != hit.pc(), "the step executed the next instruction");
        assertEquals(0x400, target.controlRegisters().kernelDr7(),
                "Continue2 sent the x86 control set: Dr7 0x400 as a u32 at 0x18 (the AMD64 layout would give 0)");
        target.write(poolHitTag, new byte[] {0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    }

    @Test
    void stacksAtPoolHitsMatchTheGroundTruth() {
        long poolHitTag = target.resolve("nt!PoolHitTag").orElseThrow();
        target.write(poolHitTag, "Lea2".getBytes(StandardCharsets.US_ASCII));
        int checked = 0;
        long userFrames = 0;
        for (int hit = 0; hit < 100; hit++) {
            SimTargets.resumePastInt3(target);
            target.awaitStop(WAIT).orElseThrow().require(Stop.Kind.BREAKPOINT, "pool hit");
            List<GroundTruthEntry> broke = machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke).toList();
            List<StackFrame> stack = target.stackTrace(64).frames();
            checked += compare(broke.get(broke.size() - 1), stack, hit);
            userFrames += stack.stream().filter(f -> f.instructionPointer() >= 0 && f.module().isPresent()).count();
        }
        assertTrue(checked >= 100 * 4, "frames compared: " + checked);
        assertTrue(userFrames > 0, "some stacks continued into user mode");
    }

    private int compare(GroundTruthEntry truth, List<StackFrame> frames, int hit) {
        List<ExpectedFrame> expected = new ArrayList<>(truth.stack());
        Collections.reverse(expected);
        // every frame, past the sysenter trap frame into ntdll and leakyapp (PEB loader list, their PDBs)
        int n = Math.min(expected.size(), frames.size());
        for (int i = 0; i < n; i++) {
            int k = i;
            assertEquals(x86(expected.get(i).ip()), frames.get(i).instructionPointer(), () -> "hit " + hit + " frame "
                    + k + "; expected " + expected + " got " + frames);
        }
        assertTrue(frames.size() >= expected.stream().filter(e -> x86(e.ip()) < 0).count(), () -> "hit " + hit
                + ": " + frames + " truth " + expected);
        return n;
    }
}
