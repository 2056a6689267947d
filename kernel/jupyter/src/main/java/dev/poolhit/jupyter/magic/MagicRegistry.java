package dev.poolhit.jupyter.magic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All magics of a kernel, keyed by {@code %name} / {@code %%name}. Other modules add theirs with
 * {@link #register(Magic)}; the kernel parses, dispatches, completes and documents from here.
 */
public final class MagicRegistry {
    private final Map<String, Magic> byKey = new TreeMap<>();

    /** Adds {@code magic}; a second magic with the same prefix and name is a programming error. */
    public synchronized MagicRegistry register(Magic magic) {
        String key = magic.prefix() + magic.name();
        if (byKey.putIfAbsent(key, magic) != null) {
            throw new IllegalArgumentException("magic " + key + " is already registered");
        }
        return this;
    }

    /** The magic for {@code prefixedName} ({@code %help}, {@code %%sql}), or null. */
    public synchronized Magic find(String prefixedName) {
        return byKey.get(prefixedName);
    }

    /** The line or cell magic called {@code name} (line preferred), or null. */
    public synchronized Magic findAny(String name) {
        Magic line = byKey.get("%" + name);
        return line != null ? line : byKey.get("%%" + name);
    }

    /** Every magic, sorted by name. */
    public synchronized List<Magic> all() {
        List<Magic> magics = new ArrayList<>(byKey.values());
        magics.sort((a, b) -> a.name().equals(b.name()) ? Boolean.compare(a.cell(), b.cell())
                : a.name().compareTo(b.name()));
        return magics;
    }

    /** Prefixed names, sorted. */
    public synchronized Collection<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    /** The registered prefixed name closest to {@code prefixedName}, or null. */
    public String nearest(String prefixedName) {
        return Suggest.nearest(prefixedName, keys());
    }

    /** The exception for an unregistered {@code prefixedName}, with a suggestion. */
    public UnknownMagicException unknown(String prefixedName) {
        return new UnknownMagicException(prefixedName, nearest(prefixedName));
    }
}
