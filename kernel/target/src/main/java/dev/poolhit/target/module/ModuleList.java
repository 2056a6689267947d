package dev.poolhit.target.module;

import dev.poolhit.common.Hex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An immutable set of loaded modules, sorted by base, with unsigned address lookup and
 * case-insensitive name lookup ({@code NT!...} finds {@code nt}). Overlapping modules are refused.
 */
public final class ModuleList {
    private final List<Module> modules;

    public ModuleList(List<Module> modules) {
        List<Module> sorted = new ArrayList<>(modules);
        sorted.sort(Comparator.comparing(Module::base, Long::compareUnsigned));
        for (int i = 1; i < sorted.size(); i++) {
            Module prev = sorted.get(i - 1);
            Module next = sorted.get(i);
            if (Long.compareUnsigned(prev.base() + prev.size(), next.base()) > 0) {
                throw new IllegalArgumentException("modules overlap: " + prev.name() + " ends at "
                        + Hex.u64(prev.base() + prev.size()) + ", " + next.name() + " starts at " + Hex.u64(next.base()));
            }
        }
        this.modules = List.copyOf(sorted);
    }

    public static ModuleList empty() {
        return new ModuleList(List.of());
    }

    public List<Module> all() {
        return modules;
    }

    /** The module whose [base, base+size) holds {@code address}. */
    public Optional<Module> find(long address) {
        int lo = 0;
        int hi = modules.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Module m = modules.get(mid);
            if (Long.compareUnsigned(address, m.base()) < 0) {
                hi = mid - 1;
            } else if (m.contains(address)) {
                return Optional.of(m);
            } else {
                lo = mid + 1;
            }
        }
        return Optional.empty();
    }

    public Optional<Module> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return modules.stream().filter(m -> m.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public ModuleList with(Module module) {
        List<Module> more = new ArrayList<>(modules);
        more.add(module);
        return new ModuleList(more);
    }
}
