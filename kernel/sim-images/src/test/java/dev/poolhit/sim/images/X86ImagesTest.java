package dev.poolhit.sim.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolhit.common.LittleEndian;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed x86 set: files, PE32 i386 headers, fixed bases, checksums, PDBs. */
class X86ImagesTest {
    private static final Map<String, Long> BASES = Map.of("ntoskrnl.exe", 0x82800000L, "myfault.sys", 0x8f600000L,
            "ntdll.dll", 0x7c900000L, "leakyapp.exe", 0x00400000L);

    @Test
    void listsImagesPdbsAndManifest() {
        assertEquals(List.of("ntoskrnl.exe", "ntkrnlpa.pdb", "myfault.sys", "myfault.pdb", "ntdll.dll", "ntdll.pdb",
                "leakyapp.exe", "leakyapp.pdb", "manifest.json"), SimImages.x86().fileNames());
    }

    @Test
    void imagesArePe32ForI386AtTheirFixedBases() {
        BASES.forEach((name, base) -> {
            X86Image image = X86Image.of(name);
            assertEquals(0x014c, image.machine(), name + " machine");
            assertEquals(X86Image.PE32, image.magic(), name + " PE32 magic");
            assertEquals(base, image.imageBase(), name + " base");
        });
        assertTrue(BASES.get("ntoskrnl.exe") >= 0x80000000L && BASES.get("leakyapp.exe") < 0x80000000L);
    }

    @Test
    void kernelModeImagesCarryAValidPeChecksum() {
        for (String name : List.of("ntoskrnl.exe", "myfault.sys")) {
            byte[] image = SimImages.x86().bytes(name);
            assertEquals(PeChecksum.compute(image), LittleEndian.u32(image, PeChecksum.field(image)), name);
        }
    }

    @Test
    void pdbsAreMsf70() {
        for (String name : List.of("ntkrnlpa.pdb", "myfault.pdb", "ntdll.pdb", "leakyapp.pdb")) {
            String magic = new String(SimImages.x86().bytes(name), 0, 24, java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals("Microsoft C/C++ MSF 7.00", magic, name);
        }
    }

    @Test
    void manifestNamesTheI386Toolchain() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(SimImages.x86().manifestJson());
        assertEquals("i686-pc-windows-msvc", manifest.at("/toolchain/target").asText());
        for (JsonNode image : manifest.get("images")) {
            assertEquals("0x14c", image.get("machine").asText());
            assertEquals(image.get("pdbGuid"), image.get("pdbFileGuid"));
        }
    }

    @Test
    void x64AndX86SetsAreSeparate() {
        assertTrue(SimImages.x64().fileNames().contains("ntkrnlmp.pdb"));
        assertEquals(0x8664, LittleEndian.u16(SimImages.x64().bytes("ntoskrnl.exe"),
                LittleEndian.i32(SimImages.x64().bytes("ntoskrnl.exe"), 0x3c) + 4));
    }
}
