package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.AddressRange;
import dev.poolhit.sim.kd.SimulatedTarget;
import dev.poolhit.sim.kernel.SimThread;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.workload.ExpectedFrame;
import dev.poolhit.sim.workload.GroundTruthEntry;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.os.OsOffsets;
import dev.poolhit.target.os.ThreadInfo;
import dev.poolhit.target.stack.StackEnd;
import dev.poolhit.target.stack.StackFrame;
import dev.poolhit.target.stack.StackTrace;
import dev.poolhit.target.symbol.SymbolTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stopped thread's process, kernel stack limits and user-mode frames, against the simulator's ground truth. */
class ProcessStacksSimTest {
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
    void ioctlHitsNameLeakyappAndTheirStacksReachRtlUserThreadStart() {
        GroundTruthEntry truth = breakOn("Lea2");
        ThreadInfo thread = target.thread().orElseThrow();
        SimThread app = machine.kernel().appThread();
        assertEquals(truth.thread(), thread.kthread());
        assertEquals("leakyapp.exe (2500)", thread.process().text());
        assertEquals(truth.process() + " (" + truth.processId() + ")", thread.process().text());
        assertEquals(app.process().eprocess(), thread.process().eprocess());
        assertEquals(app.tid(), thread.tid());
        assertEquals(Optional.of(new AddressRange(app.stackLimit(), app.stackBase())), thread.kernelStack());
        StackTrace trace = target.stackTrace(64);
        assertEquals(StackEnd.Reason.END_OF_STACK, trace.end().reason(), () -> trace.end().detail());
        List<String> user = compare(truth, trace.frames());
        assertEquals(List.of("ntdll!NtDeviceIoControlFile", "leakyapp!LeakyIssueIoctl", "leakyapp!LeakyMain",
                "ntdll!RtlUserThreadStart"), user);
    }

    @Test
    void workerHitsNameTheSystemProcessAndStayInTheKernel() {
        GroundTruthEntry truth = breakOn("CM31");
        ThreadInfo thread = target.thread().orElseThrow();
        assertEquals("System (4)", thread.process().text());
        assertEquals(0, thread.process().peb());
        SimThread worker = machine.kernel().workers().stream().filter(w -> w.ethread() == truth.thread()).findFirst()
                .orElseThrow();
        assertEquals(Optional.of(new AddressRange(worker.stackLimit(), worker.stackBase())), thread.kernelStack());
        StackTrace trace = target.stackTrace(64);
        assertTrue(compare(truth, trace.frames()).isEmpty(), "no user frames");
        assertEquals(StackEnd.Reason.END_OF_STACK, trace.end().reason(), () -> trace.end().detail());
    }

    @Test
    void theAttachNotesSayNothingAboutOffsetsForAKnownBuild() {
        assertFalse(target.info().notes().stream().anyMatch(n -> n.startsWith("no kernel structure offsets")),
                () -> "notes " + target.info().notes());
        assertEquals("no kernel structure offsets for build 9600 (machine 0x8664): process names and thread stack"
                + " limits stay missing and stacks stop at user mode", OsOffsets.unknownBuildNote(9600, 0x8664));
    }

    @Test
    void anUnknownBuildLeavesTheProcessMissingAndStopsAtUserMode() {
        breakOn("Lea2");
        ModuleView kernel = ModuleView.of(target.modules(), target.memory(), m -> SymbolTable.none());
        ProcessViews unknown = new ProcessViews(target.memory(), OsOffsets.forBuild(9600, 0x8664),
                m -> SymbolTable.none());
        long thread = target.lastStop().orElseThrow().thread();
        assertEquals(Optional.empty(), unknown.thread(thread));
        StackTrace trace = unknown.walker(kernel, thread, target.registers().rsp()).trace(target.registers(), 64);
        assertEquals(StackEnd.Reason.USER_MODE_UNKNOWN, trace.end().reason());
        assertTrue(unknown.walker(kernel, thread, target.registers().rsp()).limits().ranges().isEmpty());
    }

    @Test
    void aProcesssUserModulesAreReadOncePerKernelViewAndReusedAfterwards() {
        breakOn("Lea2");
        List<Long> reads = new ArrayList<>();
        VirtualMemory counting = (address, length) -> {
            reads.add(address);
            return target.memory().read(address, length);
        };
        ModuleView kernel = ModuleView.of(target.modules(), counting, m -> SymbolTable.none());
        ProcessViews views = new ProcessViews(counting, OsOffsets.forBuild(7601, 0x8664), m -> SymbolTable.none());
        long thread = target.lastStop().orElseThrow().thread();
        long peb = machine.kernel().appPeb().orElseThrow().peb();
        StackTrace first = views.walker(kernel, thread, target.registers().rsp()).trace(target.registers(), 64);
        assertEquals(StackEnd.Reason.END_OF_STACK, first.end().reason(), () -> first.end().detail());
        assertTrue(reads.contains(peb + 0x18), "PEB.Ldr read on the first walk");
        reads.clear();
        StackTrace second = views.walker(kernel, thread, target.registers().rsp()).trace(target.registers(), 64);
        assertEquals(first, second);
        assertFalse(reads.contains(peb + 0x18), "the loader list is not walked again");
        views.forget();
        views.walker(kernel, thread, target.registers().rsp()).trace(target.registers(), 64);
        assertTrue(reads.contains(peb + 0x18), "after a reboot it is");
    }

    /** Checks ip and return address of every frame and names of user frames; returns the user frames' names. */
    private static List<String> compare(GroundTruthEntry truth, List<StackFrame> frames) {
        List<ExpectedFrame> expected = new ArrayList<>(truth.stack());
        Collections.reverse(expected);
        assertEquals(expected.size(), frames.size(), () -> "expected " + expected + " got " + frames);
        List<String> user = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            ExpectedFrame e = expected.get(i);
            StackFrame f = frames.get(i);
            int k = i;
            assertEquals(e.ip(), f.instructionPointer(), () -> "frame " + k + ": expected " + expected + " got " + frames);
            long ret = i + 1 < expected.size() ? expected.get(i + 1).ip() : 0;
            assertEquals(ret, f.returnAddress().orElseThrow(), "frame " + i + " return address");
            if (e.ip() >= 0) {
                String name = f.module().orElseThrow() + "!" + f.function().orElseThrow();
                assertEquals(e.function(), name, "frame " + i);
                user.add(name);
            }
        }
        return user;
    }

    private GroundTruthEntry breakOn(String tag) {
        long poolHitTag = target.resolve("nt!PoolHitTag").orElseThrow();
        target.write(poolHitTag, tag.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 1000; i++) {
            SimTargets.resumePastInt3(target);
            Stop next = target.awaitStop(WAIT).orElseThrow();
            List<GroundTruthEntry> broke = machine.groundTruth().entries().stream().filter(GroundTruthEntry::broke)
                    .toList();
            if (next.kind() == Stop.Kind.BREAKPOINT && !broke.isEmpty()
                    && broke.get(broke.size() - 1).tagText().equals(tag)) {
                return broke.get(broke.size() - 1);
            }
        }
        throw new AssertionError("no " + tag + " hit in 1000 stops");
    }
}
