package dev.poolhit.target.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.target.BreakpadSym;
import dev.poolhit.target.TestFixtures;
import dev.poolhit.target.symbol.PublicSymbol;
import dev.poolhit.target.symbol.SymbolLoader;
import dev.poolhit.target.symbol.SymbolTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PDB publics against Breakpad's .sym PUBLIC lines. Breakpad prints names undecorated: for these
 * C-linkage import thunks that means one leading underscore fewer ({@code __CxxFrameHandler3} is
 * printed {@code _CxxFrameHandler3}, {@code _exit} is {@code exit}), while names without one are
 * printed as they are ({@code memset}). The test accepts exactly those two forms, nothing looser.
 */
class PdbFixtureTest {
    @Test
    void regtestHeaderFactsMatchTheFixtureNotes() {
        PdbFile pdb = PdbFile.open(TestFixtures.require(TestFixtures.REGTEST + ".pdb"));
        assertEquals(1024, pdb.blockSize());
        assertEquals(3, pdb.info().age());
        assertEquals("{72E103A8-5CB2-4907-8B76-B2E7C06257B1}", pdb.info().guid().toString());
        assertEquals(1058, pdb.publics().size());
    }

    @Test
    void crashWithExceptionUses4KiBBlocks() {
        PdbFile pdb = PdbFile.open(TestFixtures.require(TestFixtures.CRASH + ".pdb"));
        assertEquals(4096, pdb.blockSize());
        assertEquals(258, pdb.publics().size());
        assertEquals(".text", pdb.sections().get(0).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestFixtures.REGTEST, TestFixtures.CRASH})
    void everySymPublicResolvesToTheSameRvaAndBack(String stem) {
        SymbolTable table = SymbolLoader.fromPdb(PdbFile.open(TestFixtures.require(stem + ".pdb")), stem);
        BreakpadSym sym = BreakpadSym.parse(TestFixtures.sym(stem));
        List<String> problems = new ArrayList<>();
        for (BreakpadSym.Entry pub : sym.publics()) {
            List<PublicSymbol> here = table.at(pub.rva());
            PublicSymbol match = here.stream().filter(p -> sameName(p.name(), pub.name())).findFirst().orElse(null);
            if (match == null) {
                problems.add(pub + " vs PDB names " + here);
                continue;
            }
            assertEquals(pub.rva(), table.rvaOf(match.name()).orElseThrow(), "name->rva " + match.name());
            PublicSymbol back = table.nearestAtOrBelow(pub.rva()).orElseThrow();
            assertEquals(pub.rva(), back.rva(), "rva->name " + pub);
            assertTrue(here.contains(back));
        }
        assertEquals(List.of(), problems);
        assertTrue(sym.publics().size() >= 2);
    }

    private static boolean sameName(String pdbName, String symName) {
        return pdbName.equals(symName) || (pdbName.startsWith("_") && pdbName.substring(1).equals(symName));
    }
}
