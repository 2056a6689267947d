package dev.poolhit.pool.kdlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.common.Hex;
import dev.poolhit.pool.KdLogFormatException;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.HitKind;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.TraceSnapshot;
import dev.poolhit.target.AddressStyle;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written logs for the stack formats and session shapes the fixture does not show. */
class KdLogVariantsTest {
    private static KdLogImport lenient(String log) {
        return KdLogImporter.lenient().read("sample.log", new StringReader(log));
    }

    private static TraceSnapshot strict(String log) {
        return KdLogImporter.strict().read("sample.log", new StringReader(log)).trace().snapshot();
    }

    private static String row(Frame f) {
        return (Missing.is(f.childSp()) ? "-" : Hex.u64(f.childSp())) + " "
                + (Missing.is(f.returnAddress()) ? "-" : Hex.u64(f.returnAddress())) + " " + f.callSite();
    }

    @Test
    void aLogOfAnX86TargetGivesAnX86TraceByItsVersionLine() {
        String banner = """
                Break instruction exception - code 80000003 (first chance)
                nt!ExFreePoolWithTag+0x167:
                fffff800`0160f5b7 cc              int     3
                """;
        KdLogImport x86 = lenient("Windows 7 Kernel Version 7601 (Service Pack 1) MP (2 procs) Free x86 compatible\n" + banner);
        assertEquals(AddressStyle.X86, x86.trace().info().addressStyle());
        KdLogImport x64 = lenient("Windows 7 Kernel Version 7601 (Service Pack 1) MP (2 procs) Free x64\n" + banner);
        assertEquals(AddressStyle.X64, x64.trace().info().addressStyle());
    }

    @Test
    void numberedStacksFromABreakpointCommandListAreOneHitEach() {
        TraceSnapshot t = strict("""
                1: kd> ed nt!PoolHitTag ' aeL'
                1: kd> g
                Break instruction exception - code 80000003 (first chance)
                nt!ExFreePoolWithTag+0x167:
                fffff800`0160f5b7 cc              int     3
                0: kd> bp fffff800`0160f5b7 "kn;g"
                0: kd> g
                 # Child-SP          RetAddr           Call Site
                00 fffff880`04ec1680 fffff880`0496e700 nt!ExFreePoolWithTag+0x167
                01 fffff880`04ec1770 fffff800`017fca97 myfault+0x1700
                 # Child-SP          RetAddr           Call Site
                00 fffff880`04ec2680 fffff880`0496e700 nt!ExFreePoolWithTag+0x167
                01 fffff880`04ec2770 fffff800`017fca97 myfault+0x1700
                """);
        assertEquals(3, t.size(), "the banner without stack, then two breakpoint stacks");
        assertEquals(0, t.depth(0));
        assertEquals(0, t.processor(0));
        for (int h = 1; h < 3; h++) {
            assertEquals(HitKind.FREE, t.kind(h));
            assertEquals(PoolTag.parse("'Lea '"), t.tag(h));
            assertEquals(0xfffff8000160f5b7L, t.siteAddress(h), "learned from the banner of the same site");
            assertEquals(0xfffff8000160f5b7L, t.ip(t.stackId(h), 0));
            assertEquals(Missing.INT, t.processor(h));
        }
        assertEquals(t.stackId(1), t.stackId(2));
        assertEquals(0xfffff88004ec2770L, t.childSp(2, 1));
    }

    @Test
    void kbArgumentsAreSkipped() {
        TraceSnapshot t = strict("""
                Child-SP          RetAddr           : Args to Child                                                           : Call Site
                fffff880`04ec1770 fffff880`0496e634 : 00000000`00000000 00000000`00000001 00000000`3261654c 00000000`00000000 : nt!ExAllocatePoolWithTag+0x82e
                fffff880`04ec1860 fffff880`0496e727 : fffffa80`04a1c000 00000000`00000000 00000000`00000000 00000000`00000000 : myfault+0x1634
                """);
        assertEquals(List.of("fffff880`04ec1770 fffff880`0496e634 nt!ExAllocatePoolWithTag+0x82e",
                "fffff880`04ec1860 fffff880`0496e727 myfault+0x1634"), t.hit(0).frames().stream().map(KdLogVariantsTest::row).toList());
        assertEquals(HitKind.ALLOC, t.kind(0));
    }

    @Test
    void kfMemoryColumnIsSkipped() {
        TraceSnapshot t = strict("""
                 # Memory  Child-SP          RetAddr           Call Site
                00           fffff880`04ec1680 fffff800`0161090e nt! ??::FNODOBFM::`string'+0x24a2a
                01        f0 fffff880`04ec1770 fffff880`0496e634 nt!ExAllocatePoolWithTag+0x82e
                """);
        assertEquals(List.of("fffff880`04ec1680 fffff800`0161090e nt! ??::FNODOBFM::`string'+0x24a2a",
                "fffff880`04ec1770 fffff880`0496e634 nt!ExAllocatePoolWithTag+0x82e"),
                t.hit(0).frames().stream().map(KdLogVariantsTest::row).toList());
    }

    @Test
    void x86StacksUseChildEbp() {
        TraceSnapshot t = strict("""
                kd> kb
                ChildEBP RetAddr  Args to Child
                a8d1fb3c 82a4e3f1 00000000 00000001 6b636145 nt!ExAllocatePoolWithTag+0x4b4
                a8d1fb5c 8d0b1634 00000000 00000010 00000000 myfault+0x634
                a8d1fc00 00000000 00000000 00000000 00000000 0x8d0b1700
                """);
        List<Frame> f = t.hit(0).frames();
        assertEquals(0xa8d1fb3cL, f.get(0).childSp());
        assertEquals(0x82a4e3f1L, f.get(1).ip());
        assertEquals("myfault", f.get(1).module());
        assertEquals(0x8d0b1700L, f.get(2).ip(), "a bare address call site is its own IP");
        assertEquals(Missing.TEXT, f.get(2).module());
    }

    @Test
    void inlineFramesSourceLinesParametersAndTrapFrames() {
        TraceSnapshot t = strict("""
                 # Child-SP          RetAddr               Call Site
                00 ffffd001`b2e3e6c8 fffff803`1c4c0f27     nt!ExAllocateHeapPool+0x1a1
                01 (Inline Function) --------`--------     nt!ExpAllocatePoolWithTagFromNode+0x3c
                02 ffffd001`b2e3e6d0 fffff80a`2b3e1a0c     nt!ExAllocatePoolWithTag+0x67 [d:\\src\\pool.c @ 123]
                03 ffffd001`b2e3e720 fffff803`1c8e3c62     myfault!MyIoctlHandler(void * Irp = 0xffffe000`12345678)+0x2c
                04 ffffd001`b2e3e7a0 00000000`00000000     nt!KiSystemServiceCopyEnd+0x13 (TrapFrame @ ffffd001`b2e3ea80)
                """);
        List<Frame> f = t.hit(0).frames();
        assertEquals(5, f.size());
        assertEquals(Missing.LONG, f.get(1).childSp());
        assertEquals(Missing.LONG, f.get(1).returnAddress());
        assertEquals(Missing.LONG, f.get(2).ip(), "the frame under an inline frame: IP not printed, not guessed");
        assertEquals("nt!ExAllocatePoolWithTag+0x67", f.get(2).callSite());
        assertEquals("MyIoctlHandler", f.get(3).function());
        assertEquals(0x2c, f.get(3).offset());
        assertEquals("nt!KiSystemServiceCopyEnd+0x13", f.get(4).callSite());
        assertEquals(HitKind.ALLOC, t.kind(0));
    }

    @Test
    void windbgNoiseInsideAStackIsSkipped() {
        TraceSnapshot t = strict("""
                Child-SP          RetAddr           Call Site
                WARNING: Stack unwind information not available. Following frames may be wrong.
                fffff880`04ec1860 fffff880`0496e727 myfault+0x1634
                *** ERROR: Module load completed but symbols could not be loaded for myfault.sys
                fffff880`04ec19b0 fffff800`017fca97 myfault+0x1727
                1: kd> g
                """);
        assertEquals(2, t.depth(0));
        assertEquals(HitKind.UNKNOWN, t.kind(0));
    }

    @Test
    void malformedRowDropsTheStackWithItsLineNumber() {
        String log = """
                Child-SP          RetAddr           Call Site
                fffff880`04ec1770 fffff880`0496e634 nt!ExAllocatePoolWithTag+0x82e
                fffff880`04ec1860 zzzzzzzz`0496e727 myfault+0x1634
                fffff880`04ec19b0 fffff800`017fca97 myfault+0x1727

                Child-SP          RetAddr           Call Site
                fffff880`04ec1770 fffff880`0496e634 nt!ExFreePoolWithTag+0x167
                fffff880`04ec1860 fffff880`0496e727 !+0x1
                """;
        KdLogImport imported = lenient(log + "Child-SP RetAddr Call Site\nfffff880`04ec1770 fffff880`0496e634 nt!ExFreePool+0x1\n");
        assertEquals(List.of(
                "line 3: frame row not understood, stack of line 1 dropped: expected Child-SP RetAddr addresses,"
                        + " found 'fffff880`04ec1860 zzzzzzzz`0496e727'",
                "line 8: frame row not understood, stack of line 6 dropped: expected a call site"
                        + " (module!function+0xoffset), found '!+0x1'"), imported.warnings());
        assertEquals(1, imported.trace().size());
        KdLogFormatException e = assertThrows(KdLogFormatException.class, () -> strict(log));
        assertEquals(imported.warnings().get(0), e.getMessage());
    }

    @Test
    void secondStackOfTheSameBreakAndForeignBreaksAreSkipped() {
        KdLogImport imported = lenient("""
                Break instruction exception - code 80000003 (first chance)
                nt!ExFreePoolWithTag+0x167:
                fffff800`0160f5b7 cc              int     3
                0: kd> k
                Child-SP          RetAddr           Call Site
                fffff880`04ec1680 fffff880`0496e700 nt!ExFreePoolWithTag+0x167
                0: kd> k
                Child-SP          RetAddr           Call Site
                fffff880`04ec1680 fffff880`0496e700 nt!ExFreePoolWithTag+0x167
                0: kd> g
                Access violation - code c0000005 (!!! second chance !!!)
                Access violation - code c0000005 (first chance)
                0: kd> k
                Child-SP          RetAddr           Call Site
                fffff880`04ec1680 fffff880`0496e700 myfault+0x99
                """);
        assertEquals(1, imported.trace().size());
        assertEquals(List.of("line 8: second stack for the same break (no g in between), skipped",
                "line 14: stack of a break that is not a PoolHitTag int 3, skipped"), imported.warnings());
    }

    @Test
    void logWithoutBreaksIsRejected() {
        KdLogFormatException e = assertThrows(KdLogFormatException.class, () -> lenient("1: kd> lm\nstart end module name\n"));
        assertEquals("no PoolHitTag breaks found in sample.log (2 lines): expected 'Break instruction exception"
                + " - code 80000003' banners or k output under a 'Child-SP RetAddr Call Site' header", e.getMessage());
    }

    @Test
    void binaryIsNotALog() {
        KdLogFormatException e = assertThrows(KdLogFormatException.class, () -> lenient("kd> k\nab\0cd\n"));
        assertEquals("line 2: NUL character: not a text log (expected WinDbg/kd output; a UTF-16 log needs its"
                + " byte-order mark)", e.getMessage());
    }

    @Test
    void unreadableTagValueIsReported() {
        KdLogImport imported = lenient("kd> ed nt!PoolHitTag xyzw\nChild-SP RetAddr Call Site\n"
                + "fffff880`04ec1770 fffff880`0496e634 nt!ExFreePool+0x1\n");
        assertEquals(List.of("line 1: PoolHitTag value 'xyzw' not understood (not a 32-bit hex value);"
                + " the tag of the following hits is unknown"), imported.warnings());
        assertEquals(null, imported.trace().snapshot().tag(0));
    }

    @Test
    void unicodeLogWithByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("u.log");
        String log = "Child-SP          RetAddr           Call Site\r\nfffff880`04ec1770 fffff880`0496e634 nt!ExAllocatePoolWithTag+0x82e\r\n";
        byte[] body = log.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(file, withBom);
        TraceSnapshot t = KdLogImporter.strict().read(file).trace().snapshot();
        assertEquals("nt!ExAllocatePoolWithTag+0x82e", t.callSite(0, 0));
        assertEquals("kd-log u.log", t.info().source());
    }
}
