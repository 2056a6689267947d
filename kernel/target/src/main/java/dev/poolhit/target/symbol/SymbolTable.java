package dev.poolhit.target.symbol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One module's names, sorted by RVA for nearest-at-or-below lookup and hashed for name lookup
 * (exact first, then case-insensitive as WinDbg matches). Immutable.
 */
public final class SymbolTable {
    private final SymbolSource source;
    private final String origin;
    private final List<PublicSymbol> byRva;
    private final Map<String, PublicSymbol> byName = new HashMap<>();
    private final Map<String, PublicSymbol> byLowerName = new HashMap<>();

    /** @param origin where the names came from, for status lines (a PDB path, "exports") */
    public SymbolTable(SymbolSource source, String origin, List<PublicSymbol> symbols) {
        this(source, origin, symbols, List.of());
    }

    /**
     * @param aliases further names that resolve to an address but are never shown (the decorated
     *                form of a name shown undecorated)
     */
    public SymbolTable(SymbolSource source, String origin, List<PublicSymbol> symbols, List<PublicSymbol> aliases) {
        this.source = source;
        this.origin = origin;
        List<PublicSymbol> sorted = new ArrayList<>(symbols);
        sorted.sort(Comparator.comparingLong(PublicSymbol::rva)); // stable: first-listed name wins a tie
        this.byRva = List.copyOf(sorted);
        for (PublicSymbol s : sorted) {
            byName.putIfAbsent(s.name(), s);
            byLowerName.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
        }
        for (PublicSymbol a : aliases) {
            byName.putIfAbsent(a.name(), a);
            byLowerName.putIfAbsent(a.name().toLowerCase(Locale.ROOT), a);
        }
    }

    public static SymbolTable none() {
        return new SymbolTable(SymbolSource.NONE, "none", List.of());
    }

    public SymbolSource source() {
        return source;
    }

    public String origin() {
        return origin;
    }

    public int size() {
        return byRva.size();
    }

    /** The symbol with the greatest RVA at or below {@code rva}. */
    public Optional<PublicSymbol> nearestAtOrBelow(long rva) {
        int lo = 0;
        int hi = byRva.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (byRva.get(mid).rva() <= rva) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        long best = byRva.get(found).rva();
        while (found > 0 && byRva.get(found - 1).rva() == best) {
            found--;
        }
        return Optional.of(byRva.get(found));
    }

    /** All names at exactly {@code rva}. */
    public List<PublicSymbol> at(long rva) {
        Optional<PublicSymbol> first = nearestAtOrBelow(rva).filter(s -> s.rva() == rva);
        if (first.isEmpty()) {
            return List.of();
        }
        int from = byRva.indexOf(first.get());
        int to = from;
        while (to < byRva.size() && byRva.get(to).rva() == rva) {
            to++;
        }
        return byRva.subList(from, to);
    }

    public OptionalLong rvaOf(String name) {
        PublicSymbol s = byName.get(name);
        if (s == null) {
            s = byLowerName.get(name.toLowerCase(Locale.ROOT));
        }
        return s == null ? OptionalLong.empty() : OptionalLong.of(s.rva());
    }
}
