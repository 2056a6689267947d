package dev.poolhit.target.symbol;

/** A name at an RVA inside one module (a PDB public or an export). */
public record PublicSymbol(String name, long rva) {}
