package dev.poolhit.target.symbol;

import java.nio.file.Path;

/** A plain folder: {@code DIR/name.pdb}, or a store layout {@code DIR/name.pdb/KEY/name.pdb}. */
public record SymbolFolderElement(Path dir) implements SymbolPathElement {}
