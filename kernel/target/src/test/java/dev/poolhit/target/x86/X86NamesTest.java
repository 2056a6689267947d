package dev.poolhit.target.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.symbol.SymbolLoader;
import dev.poolhit.target.symbol.SymbolTable;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class X86NamesTest {
    @ParameterizedTest
    @CsvSource({"_ExAllocatePoolWithTag@12,ExAllocatePoolWithTag", "@IofCallDriver@8,IofCallDriver", "_memset,memset",
            "_KiFastCallEntry,KiFastCallEntry", "DriverEntry,DriverEntry", "?foo@@YAXXZ,?foo@@YAXXZ", "_,_",
            "__security_cookie,_security_cookie"})
    void undecoratesStdcallFastcallAndCdecl(String decorated, String shown) {
        assertEquals(shown, X86Names.undecorate(decorated));
    }

    @Test
    void x86PdbPublicsShowUndecoratedAndResolveBothWays() {
        SymbolTable nt = SymbolLoader.fromPdb(X86Images.SET.pdbs.get("nt"), "ntkrnlpa.pdb");
        assertEquals(OptionalLong.of(0x3158), nt.rvaOf("PoolHitTag"));
        assertEquals(OptionalLong.of(0x3158), nt.rvaOf("_PoolHitTag"));
        assertEquals(OptionalLong.of(0x1340), nt.rvaOf("IofCallDriver"));
        assertEquals("ExAllocatePoolWithTag", nt.nearestAtOrBelow(0x1025).orElseThrow().name());
        assertEquals("??_C@_0CG@FNODOBFM@Pool?5corruption?5in?5pool?5block?5?$CFp?6?$AA@",
                nt.nearestAtOrBelow(0x1940).orElseThrow().name());
    }

    @Test
    void realSymbolsWithFrameDataExtents() {
        LongFunction<Location> names = X86Images.SET.describer();
        long nt = X86Images.SET.bases.get("nt");
        assertEquals("nt!ExAllocatePoolWithTag+0x25", names.apply(nt + 0x1025).text());
        assertEquals("nt!DbgBreakPoint", names.apply(nt + 0x1300).text()); // a leaf without FRAMEDATA keeps its name
        assertEquals("nt+0x1940", names.apply(nt + 0x1940).text()); // cold stub behind the string literal
        assertEquals("nt!ExpAllocateBigPool+0x3b", names.apply(nt + 0x10fb).text());
        assertEquals("myfault!MyfaultLeakPool+0x15", names.apply(X86Images.SET.bases.get("myfault") + 0x1015).text());
    }

    @Test
    void aNameOutsideItsFunctionExtentIsDropped() {
        long nt = X86Images.SET.bases.get("nt");
        // ExpAllocateSmallPool is 0x1050..0x10be (FRAMEDATA CodeSize 110): 0x10be is alignment padding after it
        LongFunction<Location> fake = a -> new Location(a, Optional.of("nt"), Optional.of("_ExpAllocateSmallPool@12"),
                OptionalLong.of(a - (nt + 0x1050)));
        LongFunction<Location> names = X86Names.describer(fake, X86Images.SET.frames(X86Images.SET.all));
        assertEquals("nt!ExpAllocateSmallPool+0x6d", names.apply(nt + 0x10bd).text());
        assertEquals("nt+0x10be", names.apply(nt + 0x10be).text());
    }
}
