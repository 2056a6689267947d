package dev.poolhit.target.x86;

import dev.poolhit.target.module.Module;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.symbol.SymbolLoader;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Call-site names for x86 code as WinDbg shows them: {@code _Name@8}, {@code @Name@8} (fastcall)
 * and {@code _name} (cdecl) undecorated to {@code Name}; and the x64 cold-stub rule with FRAMEDATA
 * extents in place of .pdata: a name is kept only when the address lies in that function's
 * extent (when the function has one) and the name is not an MSVC string literal
 * ({@code ??_C@...}, which never names code); otherwise the call site is {@code module+0xrva}, as
 * for the {@code int 3; jmp} stubs at the end of .text.
 */
public final class X86Names {
    private static final String STRING_LITERAL = "??_C@";

    private X86Names() {}

    /** Wraps a describer (e.g. {@code Symbolizer::describe} over PDB publics) with the x86 rules. */
    public static LongFunction<Location> describer(LongFunction<Location> names, ModuleFrameData frames) {
        return address -> {
            Location l = names.apply(address);
            if (l.function().isEmpty() || l.module().isEmpty()) {
                return l;
            }
            long symbol = address - l.offset().orElse(0);
            boolean outside = frames.functionExtent(symbol).filter(f -> !f.contains(address)).isPresent();
            Optional<Module> module = frames.module(address);
            if ((outside || l.function().get().startsWith(STRING_LITERAL)) && module.isPresent()) {
                return new Location(address, l.module(), Optional.empty(),
                        OptionalLong.of(X86Registers.u32(address - module.get().base())));
            }
            return new Location(address, l.module(), l.function().map(X86Names::undecorate), l.offset());
        };
    }

    /** {@code _KiTrap0E}, {@code _Name@8} and {@code @Name@8} as the plain name; others unchanged. */
    public static String undecorate(String name) {
        return SymbolLoader.undecorateX86(name);
    }
}
