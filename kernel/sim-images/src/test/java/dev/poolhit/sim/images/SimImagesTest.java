package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.common.LittleEndian;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimImagesTest {
    private static final List<String> PE_FILES = List.of("ntoskrnl.exe", "myfault.sys", "ntdll.dll", "leakyapp.exe");

    @Test
    void listsImagesPdbsAndManifest() {
        assertEquals(List.of("ntoskrnl.exe", "ntkrnlmp.pdb", "myfault.sys", "myfault.pdb", "ntdll.dll", "ntdll.pdb",
                "leakyapp.exe", "leakyapp.pdb", "manifest.json", "groundtruth.json"), SimImages.x64().fileNames());
    }

    @Test
    void imagesArePe32PlusForAmd64() {
        for (String name : PE_FILES) {
            byte[] image = SimImages.x64().bytes(name);
            assertEquals(0x5a4d, LittleEndian.u16(image, 0), name + " MZ");
            int pe = LittleEndian.i32(image, 0x3c);
            assertEquals(0x00004550, LittleEndian.i32(image, pe), name + " PE signature");
            assertEquals(0x8664, LittleEndian.u16(image, pe + 4), name + " machine");
            assertEquals(0x20b, LittleEndian.u16(image, pe + 24), name + " PE32+ magic");
        }
    }

    @Test
    void kernelModeImagesCarryAValidPeChecksum() {
        for (String name : List.of("ntoskrnl.exe", "myfault.sys")) {
            byte[] image = SimImages.x64().bytes(name);
            assertEquals(PeChecksum.compute(image), LittleEndian.u32(image, PeChecksum.field(image)), name);
        }
    }

    @Test
    void pdbsAreMsf70() {
        for (String name : List.of("ntkrnlmp.pdb", "myfault.pdb", "ntdll.pdb", "leakyapp.pdb")) {
            String magic = new String(SimImages.x64().bytes(name), 0, 24, java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals("Microsoft C/C++ MSF 7.00", magic, name);
        }
    }

    @Test
    void manifestIsTheJsonText() {
        String manifest = SimImages.x64().manifestJson();
        assertTrue(manifest.startsWith("{") && manifest.contains("\"schemaVersion\": 1"), manifest.substring(0, 40));
    }

    @Test
    void unknownFileNamesTheKnownOnes() {
        SimImagesException e = assertThrows(SimImagesException.class, () -> SimImages.x64().bytes("hal.dll"));
        assertEquals("sim image not found: expected one of [ntoskrnl.exe, ntkrnlmp.pdb, myfault.sys, myfault.pdb, "
                + "ntdll.dll, ntdll.pdb, leakyapp.exe, leakyapp.pdb, manifest.json, groundtruth.json], actual hal.dll "
                + "(classpath /dev/poolhit/sim/images/x64/)", e.getMessage());
    }
}
