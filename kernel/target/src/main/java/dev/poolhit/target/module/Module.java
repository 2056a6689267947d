package dev.poolhit.target.module;

import dev.poolhit.common.AddressRange;
import dev.poolhit.common.Hex;
import dev.poolhit.target.pe.CodeViewInfo;
import java.util.Optional;

/**
 * A loaded image as the debugger knows it. {@code name} is the short name used in call sites
 * ({@code nt}, {@code myfault}); {@code imageName} the file ({@code ntoskrnl.exe}). The exception
 * table is an absolute address and byte size, as KLDR_DATA_TABLE_ENTRY records it (0/0 when
 * unknown: then the PE header's exception directory is used). {@code codeView} names the PDB.
 */
public record Module(String name, String imageName, long base, long size, long exceptionTable,
        long exceptionTableSize, long timeDateStamp, Optional<CodeViewInfo> codeView) {
    public Module {
        if (size <= 0) {
            throw new IllegalArgumentException("module " + name + ": size 0x" + Long.toHexString(size) + " not positive");
        }
    }

    /** A module known only by name and extent (e.g. from the loaded-module list before headers are read). */
    public static Module of(String name, String imageName, long base, long size) {
        return new Module(name, imageName, base, size, 0, 0, 0, Optional.empty());
    }

    public AddressRange range() {
        return AddressRange.ofSize(base, size);
    }

    public boolean contains(long address) {
        return range().contains(address);
    }

    public Module withCodeView(CodeViewInfo info, long timestamp) {
        return new Module(name, imageName, base, size, exceptionTable, exceptionTableSize, timestamp, Optional.of(info));
    }

    @Override
    public String toString() {
        return name + " " + Hex.u64(base) + " " + Hex.u64(base + size) + " " + imageName;
    }
}
