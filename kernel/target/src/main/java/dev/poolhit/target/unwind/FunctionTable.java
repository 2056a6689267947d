package dev.poolhit.target.unwind;

import java.util.Optional;

/** Finds the RUNTIME_FUNCTION covering a code address (RtlLookupFunctionEntry). */
public interface FunctionTable {
    /** The entry covering {@code address}; empty in a leaf function or unknown code. */
    Optional<FunctionEntry> lookup(long address);

    /** True when {@code address} lies in a known image, whether or not a function entry covers it. */
    boolean isKnownCode(long address);
}
