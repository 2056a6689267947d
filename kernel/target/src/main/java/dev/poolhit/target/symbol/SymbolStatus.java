package dev.poolhit.target.symbol;

/** What symbols one module got, said once per module (e.g. "no matching PDB; using exports"). */
public record SymbolStatus(String module, SymbolSource source, String detail) {
    @Override
    public String toString() {
        return module + ": " + source + " (" + detail + ")";
    }
}
