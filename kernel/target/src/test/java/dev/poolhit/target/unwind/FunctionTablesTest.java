package dev.poolhit.target.unwind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.target.MappedImage;
import dev.poolhit.target.TestFixtures;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pe.DataDirectory;
import dev.poolhit.target.pe.ImageBytes;
import dev.poolhit.target.pe.PeImage;
import dev.poolhit.target.pe.RuntimeFunction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionTablesTest {
    @Test
    void loaderRecordedExceptionTableAndPeDirectoryGiveTheSameEntries() {
        byte[] file = TestFixtures.bytes(TestFixtures.REGTEST + ".exe");
        PeImage pe = PeImage.parse(ImageBytes.ofFile(file, "regtest"));
        long base = 0xfffff880_04960000L;
        byte[] image = MappedImage.map(file);
        SparseMemory memory = new SparseMemory().map(base, image);
        DataDirectory pdata = pe.headers().directory(DataDirectory.EXCEPTION);
        Module fromHeaders = Module.of("r", "regtest.exe", base, image.length);
        Module fromLoader = new Module("r", "regtest.exe", base, image.length, base + pdata.rva(), pdata.size(), 0, Optional.empty());

        FunctionTables a = FunctionTables.fromMemory(new ModuleList(List.of(fromHeaders)), memory);
        FunctionTables b = FunctionTables.fromMemory(new ModuleList(List.of(fromLoader)), memory);
        RuntimeFunction first = pe.runtimeFunctions().get(0);
        RuntimeFunction last = pe.runtimeFunctions().get(pe.runtimeFunctions().size() - 1);
        for (RuntimeFunction f : List.of(first, last)) {
            for (long at : new long[] {f.beginAddress(), f.endAddress() - 1}) {
                assertEquals(Optional.of(new FunctionEntry(base, f)), a.lookup(base + at));
                assertEquals(Optional.of(new FunctionEntry(base, f)), b.lookup(base + at));
            }
        }
        assertEquals(Optional.empty(), a.lookup(base + first.beginAddress() - 1));
        assertEquals(Optional.empty(), a.lookup(base + image.length));
    }
}
