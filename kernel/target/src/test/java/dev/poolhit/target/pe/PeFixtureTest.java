package dev.poolhit.target.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.target.BreakpadSym;
import dev.poolhit.target.MappedImage;
import dev.poolhit.target.TestFixtures;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.pdb.PdbFile;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real MSVC images against their PDB and Breakpad .sym (an independent dump_syms run). */
class PeFixtureTest {
    @ParameterizedTest
    @ValueSource(strings = {TestFixtures.REGTEST, TestFixtures.CRASH})
    void rsdsMatchesPdbInfoStreamAndSymModuleLine(String stem) {
        PeImage pe = PeImage.parse(ImageBytes.ofFile(TestFixtures.bytes(stem + ".exe"), stem));
        PdbFile pdb = PdbFile.open(TestFixtures.require(stem + ".pdb"));
        BreakpadSym sym = BreakpadSym.parse(TestFixtures.sym(stem));

        CodeViewInfo cv = pe.codeView().orElseThrow();
        assertEquals(pdb.info().guid(), cv.guid());
        assertEquals(pdb.info().age(), cv.age());
        assertEquals(sym.moduleId(), cv.symbolKey());
        assertEquals(sym.pdbName(), cv.pdbFileName());
        assertEquals(PeHeaders.MACHINE_AMD64, pe.headers().machine());
        assertTrue(pe.headers().pe32Plus());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestFixtures.REGTEST, TestFixtures.CRASH})
    void everyFuncWithCfiHasPdataEntryAtTheSameBegin(String stem) {
        PeImage pe = PeImage.parse(ImageBytes.ofFile(TestFixtures.bytes(stem + ".exe"), stem));
        BreakpadSym sym = BreakpadSym.parse(TestFixtures.sym(stem));
        Set<Long> pdataBegins = pe.runtimeFunctions().stream().map(RuntimeFunction::beginAddress).collect(Collectors.toSet());
        Set<Long> cfiBegins = sym.cfiInits().stream().map(BreakpadSym.CfiInit::rva).collect(Collectors.toSet());

        long checked = sym.funcs().stream().filter(f -> cfiBegins.contains(f.rva()))
                .peek(f -> assertTrue(pdataBegins.contains(f.rva()), "no .pdata entry for FUNC " + f))
                .count();
        // leaf FUNCs have neither CFI nor .pdata; every CFI range is a .pdata range (dump_syms derives CFI from it)
        assertTrue(checked > 0);
        assertEquals(cfiBegins, sym.cfiInits().stream().map(BreakpadSym.CfiInit::rva)
                .filter(pdataBegins::contains).collect(Collectors.toSet()));
        assertEquals(sym.cfiInits().size(), pe.runtimeFunctions().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestFixtures.REGTEST, TestFixtures.CRASH})
    void mappedImageInTargetMemoryParsesLikeTheFile(String stem) {
        byte[] file = TestFixtures.bytes(stem + ".exe");
        long base = 0xfffff880_04000000L;
        PeImage fromFile = PeImage.parse(ImageBytes.ofFile(file, stem));
        PeImage fromMemory = PeImage.parseMapped(new SparseMemory().map(base, MappedImage.map(file)), base, stem);

        assertEquals(fromFile.headers(), fromMemory.headers());
        assertEquals(fromFile.codeView(), fromMemory.codeView());
        assertEquals(fromFile.runtimeFunctions(), fromMemory.runtimeFunctions());
    }
}
