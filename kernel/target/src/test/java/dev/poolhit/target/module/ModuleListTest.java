package dev.poolhit.target.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleListTest {
    private final Module nt = Module.of("nt", "ntoskrnl.exe", 0xfffff800_01400000L, 0x5e7000);
    private final Module myfault = Module.of("myfault", "myfault.sys", 0xfffff880_04960000L, 0x10000);
    private final Module exe = Module.of("NotMyfault", "NotMyfault.exe", 0x00000000_ff220000L, 0x10000);
    private final ModuleList list = new ModuleList(List.of(myfault, nt, exe));

    @Test
    void lookupIsUnsignedSoKernelModulesSortAboveUserOnes() {
        assertEquals(List.of(exe, nt, myfault), list.all());
        assertEquals(Optional.of(myfault), list.find(0xfffff880_0496e634L));
        assertEquals(Optional.of(nt), list.find(0xfffff800_01400000L));
        assertEquals(Optional.empty(), list.find(0xfffff800_019e7000L)); // end is exclusive
        assertEquals(Optional.of(exe), list.find(0x00000000_ff222384L));
        assertEquals(Optional.empty(), list.find(0));
        assertEquals(Optional.empty(), list.find(-1L));
    }

    @Test
    void namesAreCaseInsensitive() {
        assertEquals(Optional.of(exe), list.byName("notmyfault"));
        assertEquals(Optional.of(nt), list.byName("NT"));
        assertEquals(Optional.empty(), list.byName("ntdll"));
    }

    @Test
    void overlappingModulesAreRefused() {
        Module clash = Module.of("clash", "clash.sys", 0xfffff800_019e6000L, 0x2000);
        assertEquals("modules overlap: nt ends at fffff800`019e7000, clash starts at fffff800`019e6000",
                assertThrows(IllegalArgumentException.class, () -> list.with(clash)).getMessage());
    }
}
