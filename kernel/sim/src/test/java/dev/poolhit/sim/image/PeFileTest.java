package dev.poolhit.sim.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.sim.ManifestView;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PeFileTest {
    private final byte[] nt = ManifestView.file(ManifestView.image("nt"));

    @Test
    void readsHeadersExportsAndPdata() {
        PeFile pe = PeFile.parse("ntoskrnl.exe", nt);
        assertEquals(0xfffff80002a00000L, pe.imageBase());
        assertEquals(ManifestView.image("nt").path("sizeOfImage").asLong(), pe.sizeOfImage());
        assertEquals(ManifestView.image("nt").path("exports").path("PsLoadedModuleList").asLong(),
                pe.exports().get("PsLoadedModuleList"));
        UnwindTable table = UnwindTable.read(pe);
        assertEquals(ManifestView.image("nt").path("functions").size(), table.functions().size());
        UnwindInfo syscall = table.lookup(ManifestView.image("nt").path("publics").path("KiSystemCall64").asLong() + 5)
                .orElseThrow();
        assertTrue(syscall.machineFrame());
    }

    @Test
    void chainedStubReplaysItsParentsProlog() {
        UnwindTable table = UnwindTable.read(PeFile.parse("ntoskrnl.exe", nt));
        UnwindInfo stub = table.lookup(8736).orElseThrow();
        UnwindInfo parent = table.lookup(ManifestView.image("nt").path("publics").path("ExpAllocateSmallPool").asLong())
                .orElseThrow();
        assertEquals(parent.prolog(), stub.prolog());
        assertEquals(UnwindOp.Kind.SAVE_NONVOL, stub.prolog().get(0).kind());
    }

    @Test
    void hostileInputGivesTypedErrors() {
        assertEquals("bad DOS signature: expected 0x5a4d 'MZ', actual 0x0 (x)",
                assertThrows(ImageFormatException.class, () -> PeFile.parse("x", new byte[64])).getMessage());
        assertEquals("truncated image: need 0x2 bytes at file offset 0x0, file size 0x1 (x)",
                assertThrows(ImageFormatException.class, () -> PeFile.parse("x", new byte[1])).getMessage());
        byte[] cut = Arrays.copyOf(nt, 0x100);
        assertThrows(ImageFormatException.class, () -> PeFile.parse("cut", cut).exports());
        byte[] wrongMagic = nt.clone();
        int opt = (nt[0x3c] & 0xff) + 24;
        wrongMagic[opt] = 0x07;
        wrongMagic[opt + 1] = 0x01;
        assertEquals("not PE32+ or PE32: optional header magic expected 0x20b or 0x10b, actual 0x107 (w)",
                assertThrows(ImageFormatException.class, () -> PeFile.parse("w", wrongMagic)).getMessage());
    }
}
