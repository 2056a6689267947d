package dev.poolhit.sim.image;

import dev.poolhit.common.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Address to function lookups over every mapped image, from each image's own {@code .pdata}
 * ({@link UnwindTable}) and the names the images manifest gives (publics, else exports).
 */
public final class CodeMap {
    private record Entry(String module, LoadedImage image, UnwindTable table, Map<Long, String> names) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Adds an image under its debugger module name ({@code nt}); {@code namesByRva} maps RVAs to public names. */
    public void add(String module, LoadedImage image, Map<Long, String> namesByRva) {
        entries.add(new Entry(module, image, UnwindTable.read(image.pe()), Map.copyOf(namesByRva)));
    }

    /** The function whose RUNTIME_FUNCTION covers {@code address}; empty for leaf code or unmapped addresses. */
    public Optional<CodeFunction> functionAt(long address) {
        for (Entry e : entries) {
            if (e.image().range().contains(address)) {
                long rva = address - e.image().base();
                return e.table().lookup(rva).map(u -> new CodeFunction(e.image(), u, nameOf(e, u.beginRva())));
            }
        }
        return Optional.empty();
    }

    /** A WinDbg-style name for {@code address}: {@code module!symbol+0xoff} from the nearest preceding public. */
    public String describe(long address) {
        for (Entry e : entries) {
            if (e.image().range().contains(address)) {
                long rva = address - e.image().base();
                String module = e.module();
                return e.names().entrySet().stream()
                        .filter(n -> n.getKey() <= rva)
                        .max(Map.Entry.comparingByKey())
                        .map(n -> module + "!" + n.getValue()
                                + (rva == n.getKey() ? "" : "+0x" + Long.toHexString(rva - n.getKey())))
                        .orElse(module + "+0x" + Long.toHexString(rva));
            }
        }
        return Hex.u64(address);
    }

    private static String nameOf(Entry e, long beginRva) {
        String name = e.names().get(beginRva);
        return name != null ? name : e.image().name() + "+0x" + Long.toHexString(beginRva);
    }
}
