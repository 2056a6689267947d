package dev.poolhit.target;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pdb.PdbFile;
import dev.poolhit.target.pe.DataDirectory;
import dev.poolhit.target.pe.ImageBytes;
import dev.poolhit.target.pe.PeImage;
import dev.poolhit.target.pe.RuntimeFunction;
import dev.poolhit.target.unwind.FunctionEntry;
import dev.poolhit.target.unwind.FunctionTables;
import dev.poolhit.target.unwind.Registers;
import dev.poolhit.target.unwind.X64Unwinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded mutations of the fixture PEs and PDBs: parsing, directory walks, unwinding every function
 * and resolving chains may fail only with this layer's typed exceptions. The timeout is a hang
 * guard, not a speed assertion.
 */
class FormatFuzzTest {
    private static final int QUICK = 250;
    private static final int LONG = 20_000;
    private static final long BASE = 0xfffff800_03000000L;
    private static final int MAX_MAPPED = 16 << 20;

    @ParameterizedTest
    @ValueSource(strings = {TestFixtures.REGTEST + ".exe", TestFixtures.CRASH + ".exe", TestFixtures.CHAIN_LOOP})
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void mutatedImagesGiveOnlyTypedErrors(String fixture) {
        fuzzPe(fixture, 0x5eed, QUICK);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestFixtures.REGTEST + ".pdb", TestFixtures.CRASH + ".pdb"})
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void mutatedPdbsGiveOnlyTypedErrors(String fixture) {
        fuzzPdb(fixture, 0x5eed, QUICK);
    }

    @Test
    @Tag("fuzz-long")
    void longRun() {
        for (String pe : List.of(TestFixtures.REGTEST + ".exe", TestFixtures.CRASH + ".exe", TestFixtures.CHAIN_LOOP)) {
            fuzzPe(pe, 1, LONG);
        }
        fuzzPdb(TestFixtures.REGTEST + ".pdb", 1, LONG / 4);
        fuzzPdb(TestFixtures.CRASH + ".pdb", 1, LONG / 4);
    }

    private static void fuzzPe(String fixture, long seed, int runs) {
        byte[] original = TestFixtures.bytes(fixture);
        Mutator mutator = new Mutator(original, peHotRegions(original));
        int typed = 0;
        for (int i = 0; i < runs; i++) {
            byte[] input = mutator.mutate(new Random(seed * 1_000_003L + i));
            try {
                exercisePe(input);
            } catch (TargetException expected) {
                typed++;
            } catch (RuntimeException | Error e) {
                fail(fixture + " seed " + seed + " run " + i + ": " + e, e);
            }
        }
        assertTrue(typed > 0, "mutations never produced an error: the mutator is not reaching the parser");
    }

    private static void exercisePe(byte[] input) {
        PeImage pe = PeImage.parse(ImageBytes.ofFile(input, "fuzz.exe"));
        pe.exports();
        pe.codeView();
        List<RuntimeFunction> functions = pe.runtimeFunctions();
        long size = pe.headers().sizeOfImage();
        byte[] image = size <= MAX_MAPPED ? MappedImage.map(input) : input;
        SparseMemory memory = new SparseMemory().map(BASE, image).map(0xfffff880_00000000L, new byte[0x4000]);
        ModuleList modules = new ModuleList(List.of(Module.of("fuzz", "fuzz.exe", BASE, Math.max(size, 0x1000))));
        X64Unwinder unwinder = new X64Unwinder(memory, new FunctionTables(modules, m -> functions));
        for (RuntimeFunction f : functions.subList(0, Math.min(64, functions.size()))) {
            try {
                unwinder.unwind(Registers.of(BASE + f.beginAddress() + 2, 0xfffff880_00002000L));
                unwinder.chainRoot(new FunctionEntry(BASE, f));
            } catch (TargetException perFunction) {
                // one corrupt function must not hide the others: keep unwinding the rest
                assertTrue(perFunction.getMessage() != null && !perFunction.getMessage().isEmpty());
            }
        }
    }

    private static void fuzzPdb(String fixture, long seed, int runs) {
        byte[] original = TestFixtures.bytes(fixture);
        Mutator mutator = new Mutator(original, pdbHotRegions(original));
        int typed = 0;
        for (int i = 0; i < runs; i++) {
            byte[] input = mutator.mutate(new Random(seed * 1_000_003L + i));
            try {
                PdbFile pdb = PdbFile.parse(input, "fuzz.pdb");
                pdb.info();
                pdb.sections();
                pdb.publics();
            } catch (TargetException expected) {
                typed++;
            } catch (RuntimeException | Error e) {
                fail(fixture + " seed " + seed + " run " + i + ": " + e, e);
            }
        }
        assertTrue(typed > 0, "mutations never produced an error: the mutator is not reaching the parser");
    }

    private static List<int[]> peHotRegions(byte[] file) {
        List<int[]> hot = new ArrayList<>();
        hot.add(new int[] {0, Math.min(0x400, file.length)});
        PeImage pe = PeImage.parse(ImageBytes.ofFile(file, "original"));
        for (int d : new int[] {DataDirectory.EXPORT, DataDirectory.EXCEPTION, DataDirectory.DEBUG}) {
            DataDirectory dir = pe.headers().directory(d);
            pe.headers().sections().stream()
                    .filter(s -> dir.rva() >= s.virtualAddress() && dir.rva() < s.virtualAddress() + s.mappedSize())
                    .forEach(s -> hot.add(new int[] {(int) (s.pointerToRawData() + dir.rva() - s.virtualAddress()),
                            (int) Math.max(dir.size(), 16)}));
        }
        return hot;
    }

    /** Superblock, block map and directory blocks, found by reading the original's superblock. */
    private static List<int[]> pdbHotRegions(byte[] file) {
        int blockSize = (int) LittleEndian.u32(file, 32);
        int map = (int) LittleEndian.u32(file, 52);
        int dirBytes = (int) LittleEndian.u32(file, 44);
        List<int[]> hot = new ArrayList<>();
        hot.add(new int[] {0, 56});
        hot.add(new int[] {map * blockSize, 16});
        for (int i = 0; i < (dirBytes + blockSize - 1) / blockSize; i++) {
            hot.add(new int[] {(int) LittleEndian.u32(file, map * blockSize + 4 * i) * blockSize, blockSize});
        }
        return hot;
    }
}
