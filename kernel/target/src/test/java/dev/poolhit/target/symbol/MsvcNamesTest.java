package dev.poolhit.target.symbol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MsvcNamesTest {
    @Test
    void simpleNamesUndecorateOthersStay() {
        assertEquals(Optional.of("crashing_function"), MsvcNames.undecorate("?crashing_function@@YAXXZ"));
        assertEquals(Optional.of("X::foo"), MsvcNames.undecorate("?foo@X@@QEAAXXZ"));
        assertEquals(Optional.of("std::bad_alloc::~bad_alloc"), MsvcNames.undecorate("??1bad_alloc@std@@UEAA@XZ"));
        assertEquals(Optional.of("std::exception::exception"), MsvcNames.undecorate("??0exception@std@@QEAA@XZ"));
        assertEquals(Optional.empty(), MsvcNames.undecorate("??_7exception@std@@6B@"));   // vftable
        assertEquals(Optional.empty(), MsvcNames.undecorate("?f@?$vector@H@std@@QEAAXXZ")); // template
        assertEquals(Optional.empty(), MsvcNames.undecorate("ExAllocatePoolWithTag"));
        assertEquals(Optional.empty(), MsvcNames.undecorate("?broken"));
    }

    @Test
    void decoratedNamesStillResolveButTheShortOneIsShown() {
        SymbolTable t = new SymbolTable(SymbolSource.PDB, "t", java.util.List.of(new PublicSymbol("X::foo", 0x100)),
                java.util.List.of(new PublicSymbol("?foo@X@@QEAAXXZ", 0x100)));
        assertEquals(java.util.OptionalLong.of(0x100), t.rvaOf("?foo@X@@QEAAXXZ"));
        assertEquals(java.util.OptionalLong.of(0x100), t.rvaOf("x::FOO"));
        assertEquals("X::foo", t.nearestAtOrBelow(0x180).orElseThrow().name());
        assertEquals(1, t.at(0x100).size());
    }
}
