package dev.poolhit.target.symbol;

/** Where a module's names came from. */
public enum SymbolSource {
    /** Public symbols (S_PUB32) of a matching PDB. */
    PDB,
    /** The PE export directory only: names of exported functions, nothing else. */
    EXPORTS,
    /** Nothing: call sites print as {@code module+0xoff}. */
    NONE
}
