package dev.poolhit.target.symbol;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code srv*CACHE*...*SERVER}: downstream stores searched first (the first also receives
 * downloads), then the server: an {@code http(s)} URL or a local/UNC store in the same layout.
 */
public record SymbolServerElement(List<Path> caches, String server) implements SymbolPathElement {
    public SymbolServerElement {
        caches = List.copyOf(caches);
    }

    public boolean isHttp() {
        String s = server.toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }
}
