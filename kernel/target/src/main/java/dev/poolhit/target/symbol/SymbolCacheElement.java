package dev.poolhit.target.symbol;

import java.nio.file.Path;

/** {@code cache*DIR}: a store searched in place, and the downstream store for later {@code srv*URL} elements. */
public record SymbolCacheElement(Path dir) implements SymbolPathElement {}
