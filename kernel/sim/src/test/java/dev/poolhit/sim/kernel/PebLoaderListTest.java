package dev.poolhit.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.sim.FakeTicker;
import dev.poolhit.sim.ManifestView;
import dev.poolhit.sim.TestImages;
import dev.poolhit.sim.TestReader;
import dev.poolhit.sim.machine.Machine;
import dev.poolhit.sim.machine.MachineConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the user process's loader list the way a debugger does, with offsets written here from the
 * Win7 SP1 x64 ntdll headers (PEB.Ldr 0x18; PEB_LDR_DATA lists at 0x10/0x20/0x30; entry DllBase
 * 0x30, SizeOfImage 0x40, FullDllName 0x48, BaseDllName 0x58), not from {@link Win7Offsets}.
 */
class PebLoaderListTest {
    private final Machine machine = Machine.boot(MachineConfig.DEFAULT, TestImages.load(), new FakeTicker());
    private final TestReader read = new TestReader(machine);

    @Test
    void leakyappsPebListsTheExecutableThenNtdllInLoadOrder() {
        SimProcess app = machine.kernel().appThread().process();
        long peb = read.u64(app.eprocess() + 0x338);
        assertEquals(app.peb(), peb);
        assertEquals(ManifestView.base(ManifestView.image("leakyapp")), read.u64(peb + 0x10), "PEB.ImageBaseAddress");
        long ldr = read.u64(peb + 0x18);
        assertEquals(0x58, read.u32(ldr), "PEB_LDR_DATA.Length");
        List<String> loadOrder = new ArrayList<>();
        long head = ldr + 0x10;
        for (long entry = read.u64(head); entry != head; entry = read.u64(entry)) {
            assertEquals(entry, read.u64(read.u64(entry + 8)), "Blink->Flink");
            loadOrder.add(read.utf16(read.u64(entry + 0x60), read.u16(entry + 0x58)) + " "
                    + Long.toHexString(read.u64(entry + 0x30)) + " " + read.u32(entry + 0x40));
        }
        assertEquals(List.of(line("leakyapp"), line("ntdll")), loadOrder);
        long firstEntry = read.u64(head);
        assertEquals("C:\\Windows\\System32\\leakyapp.exe", read.utf16(read.u64(firstEntry + 0x50),
                read.u16(firstEntry + 0x48)));
    }

    @Test
    void memoryOrderMatchesLoadOrderAndInitializationOrderHasOnlyTheDll() {
        long ldr = read.u64(machine.kernel().appPeb().orElseThrow().peb() + 0x18);
        long memoryLink = read.u64(ldr + 0x20);
        assertEquals(read.u64(ldr + 0x10) + 0x10, memoryLink, "first InMemoryOrderLinks is the first entry's");
        long initLink = read.u64(ldr + 0x30);
        long initEntry = initLink - 0x20;
        assertEquals("ntdll.dll", read.utf16(read.u64(initEntry + 0x60), read.u16(initEntry + 0x58)));
        assertEquals(ldr + 0x30, read.u64(initLink), "only one entry in initialization order");
    }

    @Test
    void systemProcessHasNoPeb() {
        SimProcess system = machine.kernel().processes().get(0);
        assertEquals("System", system.imageFileName());
        assertEquals(0, read.u64(system.eprocess() + 0x338));
    }

    private static String line(String image) {
        var node = ManifestView.image(image);
        return node.path("file").asText() + " " + Long.toHexString(ManifestView.base(node)) + " "
                + node.path("sizeOfImage").asLong();
    }
}
