package dev.poolhit.target.symbol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.target.TestFixtures;
import dev.poolhit.target.pe.CodeViewInfo;
import dev.poolhit.target.pe.PeImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local search: plain folders and WinDbg-layout caches, wrong and corrupt candidates skipped with notes. */
class PdbLocatorTest {
    @TempDir Path dir;

    private CodeViewInfo regtest() {
        return PeImage.parseFile(TestFixtures.require(TestFixtures.REGTEST + ".exe")).codeView().orElseThrow();
    }

    @Test
    void folderThenCacheWithRejectedCandidatesNoted() throws IOException {
        CodeViewInfo id = regtest();
        Path wrongFolder = Files.createDirectories(dir.resolve("wrong"));
        Files.copy(TestFixtures.require(TestFixtures.CRASH + ".pdb"), wrongFolder.resolve("dump_syms_regtest64.pdb"));
        Path corruptFolder = Files.createDirectories(dir.resolve("corrupt"));
        Files.write(corruptFolder.resolve("dump_syms_regtest64.pdb"), new byte[100]);
        Path cache = dir.resolve("cache");
        Path good = cache.resolve("dump_syms_regtest64.pdb/72E103A85CB249078B76B2E7C06257B13/dump_syms_regtest64.pdb");
        Files.createDirectories(good.getParent());
        Files.copy(TestFixtures.require(TestFixtures.REGTEST + ".pdb"), good);

        PdbLocator locator = new PdbLocator(SymbolPath.parse(wrongFolder + ";" + corruptFolder + ";cache*" + cache, dir),
                Optional.empty());
        PdbLookup lookup = locator.find(id);
        assertEquals(Optional.of(good), lookup.path());
        assertEquals(List.of(
                wrongFolder.resolve("dump_syms_regtest64.pdb") + ": GUID {F535C5FB-2AE8-4BB8-AA20-6C30BE566C5A} age 1,"
                        + " expected GUID {72E103A8-5CB2-4907-8B76-B2E7C06257B1} age 3",
                corruptFolder.resolve("dump_syms_regtest64.pdb") + ": unusable: superblock: magic is not"
                        + " \"Microsoft C/C++ MSF 7.00\\r\\n\\x1aDS\" (dump_syms_regtest64.pdb)"), lookup.notes());
    }

    @Test
    void offlineServerIsANoteNotAnError() {
        PdbLocator locator = new PdbLocator(SymbolPath.parse("srv*" + dir + "*https://msdl.microsoft.com/download/symbols", dir),
                Optional.empty());
        assertEquals(List.of("https://msdl.microsoft.com/download/symbols/dump_syms_regtest64.pdb/"
                + "72E103A85CB249078B76B2E7C06257B13/dump_syms_regtest64.pdb: not downloaded (offline)"),
                locator.find(regtest()).notes());
    }
}
