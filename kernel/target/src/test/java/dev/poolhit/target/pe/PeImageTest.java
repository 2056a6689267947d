package dev.poolhit.target.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.PeFormatException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PeImageTest {
    @Test
    void exportsWithForwarderAndOrdinalOnly() {
        assertEquals(List.of(
                new ExportEntry(5, Optional.of("Alpha"), 0x1800, Optional.empty()),
                new ExportEntry(6, Optional.of("Beta"), 0x1120, Optional.of("NTOSKRNL.ExFreePool")),
                new ExportEntry(7, Optional.empty(), 0x1900, Optional.empty())), new TestPe(false).parse().exports());
    }

    @Test
    void pe32ParsesTheSameDirectories() {
        PeImage pe = new TestPe(true).parse();
        assertFalse(pe.headers().pe32Plus());
        assertEquals(0x400000L, pe.headers().imageBase());
        assertEquals(PeHeaders.MACHINE_I386, pe.headers().machine());
        assertEquals(3, pe.exports().size());
    }

    @Test
    void codeViewAndSortedExceptionDirectory() {
        PeImage pe = new TestPe(false).parse();
        CodeViewInfo cv = pe.codeView().orElseThrow();
        assertEquals("72E103A85CB249078B76B2E7C06257B13", cv.symbolKey());
        assertEquals("test.pdb", cv.pdbName());
        assertEquals(List.of(new RuntimeFunction(0x1800, 0x1880, 0x1408), new RuntimeFunction(0x1900, 0x1910, 0x1400)),
                pe.runtimeFunctions());
        assertEquals(0x1_40000000L, pe.headers().imageBase());
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                bad("export directory: NumberOfNames 4294967295 exceeds image size 0x2000 (test.sys)",
                        pe -> pe.put32(0x1018, 0xffffffffL)),
                bad("export directory: NumberOfFunctions 2049 exceeds image size 0x2000 (test.sys)",
                        pe -> pe.put32(0x1014, 0x801)),
                bad("export address table: RVA range 0x1ffe+0xc outside image size 0x2000 (test.sys)",
                        pe -> pe.put32(0x101c, 0x1ffe)),
                bad("export ordinal table: entry 1 index 9 >= NumberOfFunctions 3 (test.sys)",
                        pe -> pe.put16(0x1072, 9)),
                bad("export name: RVA 0x2000 outside image size 0x2000 (test.sys)", pe -> {
                    pe.put32(0x1060, 0x1f00);
                    Arrays.fill(pe.file, TestPe.at(0x1f00), TestPe.at(0x2000), (byte) 'A');
                }),
                bad("export name: RVA 0x500 is in no section (test.sys)", pe -> pe.put32(0x1060, 0x500)),
                bad("DOS header: signature 0x5a4e, expected 0x5a4d (\"MZ\") (test.sys)", pe -> pe.file[0] = 'N'),
                bad("NT headers: signature 0x00004551 at 0x40, expected 0x00004550 (\"PE\\0\\0\") (test.sys)",
                        pe -> pe.file[0x40] = 'Q'),
                bad("DOS header: e_lfanew 0xfffffff0 outside 0x4..0x10000000 (test.sys)",
                        pe -> LittleEndian.put32(pe.file, 0x3c, 0xfffffff0L)),
                bad("truncated: need 0x18 bytes at file offset 0x13f0, file size 0x1400 (test.sys)",
                        pe -> LittleEndian.put32(pe.file, 0x3c, 0x13f0)),
                bad("file header: NumberOfSections 200 exceeds 96 (test.sys)", pe -> LittleEndian.put16(pe.file, 0x46, 200)),
                bad("optional header: magic 0x30b, expected 0x20b (PE32+) or 0x10b (PE32) (test.sys)",
                        pe -> LittleEndian.put16(pe.file, 0x58, 0x30b)),
                bad("optional header: SizeOfOptionalHeader 100, expected at least 112 for magic 0x20b (test.sys)",
                        pe -> LittleEndian.put16(pe.file, 0x54, 100)),
                bad("optional header: NumberOfRvaAndSizes 17 does not fit SizeOfOptionalHeader 240 (max 16) (test.sys)",
                        pe -> LittleEndian.put32(pe.file, 0x58 + 108, 17)),
                bad("debug directory: CodeView SizeOfData 0x7fffffff outside 0x18..0x1000 (test.sys)",
                        pe -> pe.put32(0x1210, 0x7fffffff)),
                bad("exception directory: RVA range 0x1300+0xfffffffc outside image size 0x2000 (test.sys)",
                        pe -> pe.directory(DataDirectory.EXCEPTION, 0x1300, 0xffffffffL)));
    }

    private static Arguments bad(String message, Consumer<TestPe> mutation) {
        return Arguments.of(message, mutation);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileImagesGiveTheRuleThatBroke(String message, Consumer<TestPe> mutation) {
        TestPe pe = new TestPe(false);
        mutation.accept(pe);
        PeFormatException e = assertThrows(PeFormatException.class, () -> {
            PeImage image = pe.parse();
            image.exports();
            image.codeView();
            image.runtimeFunctions();
        });
        assertEquals(message, e.getMessage());
    }

    @Test
    void truncatedFileNamesTheMissingRange() {
        byte[] cut = Arrays.copyOf(new TestPe(false).file, 0x100);
        assertEquals("truncated: need 0xf0 bytes at file offset 0x58, file size 0x100 (test.sys)",
                assertThrows(PeFormatException.class, () -> PeImage.parse(ImageBytes.ofFile(cut, "test.sys"))).getMessage());
    }

    @Test
    void structSizesAndOneFieldOffsetEach() {
        assertEquals(SectionHeader.BYTES, new SectionHeader(".text", 1, 2, 3, 4, 5).encode().length);
        assertEquals(0x1000, LittleEndian.u32(new SectionHeader(".text", 0, 0x1000, 0, 0, 0).encode(), 12));
        assertEquals(RuntimeFunction.BYTES, new RuntimeFunction(1, 2, 3).encode().length);
        assertEquals(0x3000, LittleEndian.u32(new RuntimeFunction(1, 2, 0x3000).encode(), 8));
    }
}
