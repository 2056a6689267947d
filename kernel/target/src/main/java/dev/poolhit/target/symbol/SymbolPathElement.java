package dev.poolhit.target.symbol;

/** One {@code ;}-separated element of a WinDbg symbol path. */
public sealed interface SymbolPathElement permits SymbolServerElement, SymbolCacheElement, SymbolFolderElement {}
