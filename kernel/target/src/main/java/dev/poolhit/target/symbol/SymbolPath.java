package dev.poolhit.target.symbol;

import dev.poolhit.target.SymbolException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A parsed WinDbg symbol path: {@code srv*CACHE*URL}, {@code srv*URL}, {@code symsrv*symsrv.dll*CACHE*URL},
 * {@code cache*DIR}, plain folders, separated by {@code ;}. The caller supplies the text (e.g. the
 * value of {@code _NT_SYMBOL_PATH}) and the default downstream store for elements that name none.
 */
public record SymbolPath(List<SymbolPathElement> elements) {
    public SymbolPath {
        elements = List.copyOf(elements);
    }

    public static SymbolPath parse(String text, Path defaultCache) {
        List<SymbolPathElement> out = new ArrayList<>();
        Path currentCache = defaultCache;
        String[] tokens = text.split(";", -1);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].strip();
            String lower = token.toLowerCase(Locale.ROOT);
            if (token.isEmpty()) {
                continue;
            }
            if (lower.startsWith("srv*") || lower.startsWith("symsrv*")) {
                out.add(server(token, lower.startsWith("symsrv*") ? 2 : 1, currentCache, i + 1));
            } else if (lower.startsWith("cache*")) {
                String dir = token.substring("cache*".length()).strip();
                currentCache = dir.isEmpty() ? defaultCache : Path.of(dir);
                out.add(new SymbolCacheElement(currentCache));
            } else {
                out.add(new SymbolFolderElement(Path.of(token)));
            }
        }
        return new SymbolPath(out);
    }

    private static SymbolServerElement server(String token, int skip, Path currentCache, int position) {
        String[] parts = token.split("\\*", -1);
        if (parts.length <= skip || parts[parts.length - 1].isBlank()) {
            throw new SymbolException("symbol path element " + position + " '" + token
                    + "': no server or store after the last '*'");
        }
        String server = parts[parts.length - 1].strip();
        List<Path> caches = new ArrayList<>();
        for (String c : Arrays.copyOfRange(parts, skip, parts.length - 1)) {
            caches.add(c.isBlank() ? currentCache : Path.of(c.strip()));
        }
        if (caches.isEmpty()) {
            caches.add(currentCache);
        }
        return new SymbolServerElement(caches, server);
    }
}
