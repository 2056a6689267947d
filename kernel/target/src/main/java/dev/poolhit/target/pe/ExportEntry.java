package dev.poolhit.target.pe;

import java.util.Optional;

/**
 * One exported function: its ordinal (biased by the directory's Base), its name if exported by
 * name, and either its RVA or, for a forwarder ({@code NTDLL.RtlAllocateHeap}), the forwarder text.
 */
public record ExportEntry(long ordinal, Optional<String> name, long rva, Optional<String> forwarder) {
    public boolean isForwarder() {
        return forwarder.isPresent();
    }
}
