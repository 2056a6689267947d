package dev.poolhit.target.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolhit.common.AddressRange;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.pdb.FpoData;
import dev.poolhit.target.pdb.FrameDataEntry;
import dev.poolhit.target.pdb.FrameDataTable;
import java.util.stream.Stream;
import dev.poolhit.target.stack.StackEnd;
import dev.poolhit.target.stack.StackFrame;
import dev.poolhit.target.stack.StackLimits;
import dev.poolhit.target.stack.StackRenderer;
import dev.poolhit.target.stack.StackTrace;
import dev.poolhit.target.stack.X86StackWalker;
import dev.poolhit.target.unwind.UnwindMethod;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole x86 walks over the scenario stacks: WinDbg text, break sites, and what happens off the happy path. */
class X86WalkerTest {
    private static final X86Images IMAGES = X86Images.SET;

    private static X86StackBuilder stack(String scenario) {
        return X86StackBuilder.build(IMAGES, IMAGES.scenario(scenario));
    }

    private static X86StackWalker kernelOnly(SparseMemory memory, StackLimits limits) {
        var names = IMAGES.describer();
        return new X86StackWalker(X86Unwinder.of(memory, IMAGES.frames(IMAGES.kernel), names), names, limits);
    }

    @Test
    void bigLeakFromUserModeRendersLikeK() {
        X86StackBuilder s = stack("ioctl-leak-Lea2-big");
        StackTrace trace = X86ScenarioWalkTest.walker(s.memory()).trace(s.initial(), 64);
        assertEquals("""
                ChildEBP RetAddr
                a8d1fda8 82801025 nt+0x1940
                a8d1fdbc 8f601015 nt!ExAllocatePoolWithTag+0x25
                a8d1fdd4 8f60112a myfault!MyfaultLeakPool+0x15
                a8d1fdec 82801363 myfault!MyfaultDeviceControl+0x5a
                a8d1fdfc 8280157c nt!IofCallDriver+0x23
                a8d1fe10 82801618 nt!IopXxxControlFile+0xcc
                a8d1fe44 8280126d nt!NtDeviceIoControlFile+0x28
                a8d1fe74 7c901014 nt!KiServiceExit
                0012fe74 7c90100c ntdll!KiFastSystemCallRet
                0012fe78 0040103a ntdll!NtDeviceIoControlFile+0xc
                0012fec4 004010e7 leakyapp!LeakyIssueIoctl+0x3a
                0012fef0 7c901029 leakyapp!LeakyMain+0x97
                0012fefc 00000000 ntdll!RtlUserThreadStart+0x9
                """, StackRenderer.k(trace.frames()));
        assertEquals(StackEnd.Reason.END_OF_STACK, trace.end().reason());
        assertEquals(Optional.of(UnwindMethod.TRAP_FRAME), trace.frames().get(7).method());
    }

    @Test
    void fpoParentNeedsFrameDataAPlainEbpWalkLosesTheFreeRoutine() {
        X86StackBuilder s = stack("worker-MmSt-big-free");
        SparseMemory memory = s.memory();
        var names = IMAGES.describer();
        List<StackFrame> good = X86ScenarioWalkTest.walker(memory).walk(s.initial(), 64);
        assertEquals("nt!ExFreePoolWithTag+0x4d", good.get(1).callSite());
        ModuleFrameData none = new ModuleFrameData(IMAGES.kernel, m -> FrameDataTable.empty());
        List<StackFrame> ebpOnly = new X86StackWalker(X86Unwinder.of(memory, none, names), names, StackLimits.unknown())
                .walk(s.initial(), 64);
        // EBP still belongs to ExFreePoolWithTag at the stub, so the chain skips straight to its caller
        assertEquals(Optional.of(UnwindMethod.FRAME_POINTER), ebpOnly.get(0).method());
        assertEquals("nt!MiSegmentDeleteWorker+0x33", ebpOnly.get(1).callSite());
        assertEquals("""
                ChildEBP RetAddr
                a8d1fecc 82801883 nt+0x1950
                a8d1fef0 828017c8 nt!MiSegmentDeleteWorker+0x33
                00000000 00000000 nt!PspSystemThreadStartup+0x8
                """, StackRenderer.k(ebpOnly)); // ExFreePoolWithTag and ExpWorkerThread are gone
    }

    @Test
    void oldFpoDataUnwindsTheFpoAllocatorLikeItsFrameData() {
        X86StackBuilder s = stack("ioctl-leak-Lea2-small");
        FrameDataTable nt = IMAGES.pdbs.get("nt").frameData();
        List<FrameDataEntry> withoutSmallPool = nt.entries().stream()
                .filter(e -> e.data().rvaStart() < 0x1050 || e.data().rvaStart() >= 0x10c0).toList();
        FrameDataEntry fpo = new FpoData(0x1050, 110, 0, 3, 0x0303).asFrameData().orElseThrow(); // 3 params, 3 registers
        FrameDataTable mixed = new FrameDataTable(Stream.concat(withoutSmallPool.stream(), Stream.of(fpo)).toList());
        ModuleFrameData frames = new ModuleFrameData(IMAGES.kernel,
                m -> m.name().equals("nt") ? mixed : IMAGES.pdbs.get(m.name()).frameData());
        var names = IMAGES.describer();
        StackTrace trace = new X86StackWalker(X86Unwinder.of(s.memory(), frames, names), names, StackLimits.unknown())
                .trace(s.initial(), 64);
        List<String> expected = X86ScenarioWalkTest.expectedRows(s.expected());
        assertEquals(expected.subList(0, 8), X86ScenarioWalkTest.actualRows(trace.frames()).subList(0, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ioctl-leak-Lea2-small", "ioctl-alloc-Lea1", "ioctl-free-Lea1", "worker-CM31-small",
            "ioctl-leak-Lea2-big", "worker-MmSt-big-free"})
    void kindAndSiteOfEveryPoolBreakFollowFromFrameZeroAndItsReturnAddress(String name) {
        JsonNode scenario = IMAGES.scenario(name);
        X86StackBuilder s = stack(name);
        List<StackFrame> frames = X86ScenarioWalkTest.walker(s.memory()).walk(s.initial(), 64);
        long nt = IMAGES.bases.get("nt");
        JsonNode site = null;
        for (JsonNode b : IMAGES.image("nt").get("breakSites")) {
            boolean routine = b.get("via").asText().equals("breakRoutine")
                    && frames.get(0).returnAddress().getAsLong() == nt + b.get("returnRva").asLong();
            boolean stub = b.has("stubBegin") && frames.get(0).instructionPointer() == nt + b.get("stubBegin").asLong();
            if (frames.get(0).instructionPointer() == nt + b.get("rva").asLong() && (routine || stub)) {
                site = b;
            }
        }
        assertEquals(scenario.get("breakKind").asText(), site == null ? "no site" : site.get("kind").asText());
        String frame0 = frames.get(0).callSite();
        assertEquals(site.get("via").asText().equals("breakRoutine") ? "nt!DbgBreakPoint" : "nt+0x" + Long.toHexString(
                site.get("stubBegin").asLong()), frame0);
    }

    @Test
    void aScannedFrameIsMarkedAndWarnedAbout() {
        X86StackBuilder s = stack("breakin-clock");
        X86Registers real = s.initial();
        s.put(real.esp() - 8, 0x11111111); // junk, no return address
        s.put(real.esp() - 4, real.ebp()); // looks like a saved EBP: the scan takes it
        X86Registers lost = new X86Registers(0x00001234, real.esp() - 8, 0, 0, 0, 0); // e.g. a call through a bad pointer
        StackTrace trace = kernelOnly(s.memory(), StackLimits.unknown()).trace(lost, 64);
        assertEquals("""
                ChildEBP RetAddr
                a8d1fe70 828018c2 0x00001234
                WARNING: Stack unwind information not available. Following frames may be wrong.
                a8d1fe78 828018e3 nt!KdCheckForDebugBreak+0x22
                a8d1fe7c 828012b3 nt!KeClockInterruptNotify+0x13
                a8d1fe88 828012c5 nt!KiClockInterrupt+0x23
                a8d1fefc 00000000 nt!KiIdleLoop+0x5
                """, StackRenderer.k(trace.frames()));
        assertEquals(Optional.of(UnwindMethod.SCAN), trace.frames().get(0).method());
    }

    @Test
    void aCorruptTrapFrameEndsTheWalkWithTheRule() {
        X86StackBuilder s = stack("ioctl-free-Lea1");
        s.put(X86StackBuilder.KERNEL_TOP - 0x100 - 0x8c + 0x6c, 0x0a); // SegCs with RPL 2
        StackTrace trace = kernelOnly(s.memory(), StackLimits.unknown()).trace(s.initial(), 64);
        assertEquals(StackEnd.Reason.UNWIND_FAILED, trace.end().reason());
        assertEquals("trap frame at EBP a8d1fe74 (code 8280126d): SegCs 0xa, expected a kernel or user code selector",
                trace.end().detail());
        assertEquals("a8d1fe74 ???????? nt!KiServiceExit", StackRenderer.row(trace.frames().get(trace.frames().size() - 1)));
    }

    @Test
    void withoutUserModulesTheWalkStopsAtTheSysenterTrap() {
        X86StackBuilder s = stack("ioctl-alloc-Lea1");
        StackTrace trace = kernelOnly(s.memory(), StackLimits.unknown()).trace(s.initial(), 64);
        assertEquals(StackEnd.Reason.USER_MODE_UNKNOWN, trace.end().reason());
        assertEquals("user-mode return address 7c901014 is in no known module", trace.end().detail());
        assertEquals("0012fec4 ???????? ntdll!KiFastSystemCallRet", StackRenderer.row(trace.frames().get(9)));
    }

    @Test
    void limitsAndDepth() {
        X86StackBuilder s = stack("worker-CM31-small");
        StackTrace limited = kernelOnly(s.memory(), new StackLimits(List.of(AddressRange.ofSize(
                X86StackBuilder.KERNEL_STACK, 0x3e00)))).trace(s.initial(), 64);
        assertEquals(StackEnd.Reason.BAD_STACK_POINTER, limited.end().reason());
        assertEquals("caller ESP a8d1fee4 outside the stack limits [a8d1c000-a8d1fe00)", limited.end().detail());
        StackTrace deep = kernelOnly(s.memory(), StackLimits.unknown()).trace(s.initial(), 3);
        assertEquals(StackEnd.Reason.DEPTH_LIMIT, deep.end().reason());
        assertEquals(3, deep.frames().size());
    }
}
