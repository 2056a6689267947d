package dev.poolhit.target.symbol;

import dev.poolhit.target.TargetException;
import dev.poolhit.target.memory.VirtualMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.pdb.PdbFile;
import dev.poolhit.target.pdb.PdbPublic;
import dev.poolhit.target.pe.ExportEntry;
import dev.poolhit.target.pe.PeImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds one module's {@link SymbolTable}: the PDB's publics when the symbol path has a matching
 * PDB, else the PE exports read from target memory, else nothing. Each outcome is reported once
 * through the status sink, so frames never repeat "no symbols" lines.
 */
public final class SymbolLoader implements Function<Module, SymbolTable> {
    private final Optional<PdbLocator> locator;
    private final Optional<VirtualMemory> memory;
    private final Consumer<SymbolStatus> status;

    public SymbolLoader(Optional<PdbLocator> locator, Optional<VirtualMemory> memory, Consumer<SymbolStatus> status) {
        this.locator = locator;
        this.memory = memory;
        this.status = status;
    }

    /** IMAGE_FILE_MACHINE_I386 in the DBI header: C names carry x86 decorations. */
    static final int MACHINE_I386 = 0x14c;

    /**
     * The table of a PDB's S_PUB32 records with a known RVA, shown undecorated where the name is
     * simple (as WinDbg does: on x86 also {@code _Name@8}, {@code @Name@8}, {@code _name}); the
     * decorated names still resolve.
     */
    public static SymbolTable fromPdb(PdbFile pdb, String origin) {
        boolean x86 = pdb.dbi().machine() == MACHINE_I386;
        List<PublicSymbol> symbols = new ArrayList<>();
        List<PublicSymbol> decorated = new ArrayList<>();
        for (PdbPublic p : pdb.publics()) {
            if (p.rva() >= 0) {
                Optional<String> shown = x86 && !p.name().startsWith("?")
                        ? Optional.of(undecorateX86(p.name())).filter(n -> !n.equals(p.name()))
                        : MsvcNames.undecorate(p.name());
                symbols.add(new PublicSymbol(shown.orElse(p.name()), p.rva()));
                shown.ifPresent(s -> decorated.add(new PublicSymbol(p.name(), p.rva())));
            }
        }
        return new SymbolTable(SymbolSource.PDB, origin, symbols, decorated);
    }

    /**
     * An x86 C name as WinDbg shows it: {@code _Name@8} (stdcall), {@code @Name@8} (fastcall) and
     * {@code _name} (cdecl) are {@code Name}; anything else is returned unchanged.
     */
    public static String undecorateX86(String name) {
        if (name.startsWith("?")) {
            return name;
        }
        String plain = name.startsWith("_") || name.startsWith("@") ? name.substring(1) : name;
        int at = plain.lastIndexOf('@');
        if (at > 0 && plain.substring(at + 1).matches("\\d+")) {
            plain = plain.substring(0, at);
        }
        return plain.isEmpty() ? name : plain;
    }

    /** The table of an image's exports (forwarders have no code here and are left out). */
    public static SymbolTable fromExports(PeImage image) {
        List<PublicSymbol> symbols = new ArrayList<>();
        for (ExportEntry e : image.exports()) {
            if (!e.isForwarder() && e.name().isPresent()) {
                symbols.add(new PublicSymbol(e.name().get(), e.rva()));
            }
        }
        return new SymbolTable(SymbolSource.EXPORTS, "exports of " + image.label(), symbols);
    }

    @Override
    public SymbolTable apply(Module module) {
        List<String> notes = new ArrayList<>();
        if (module.codeView().isPresent() && locator.isPresent()) {
            PdbLookup lookup = locator.get().find(module.codeView().get());
            notes.addAll(lookup.notes());
            if (lookup.path().isPresent()) {
                Path pdb = lookup.path().get();
                SymbolTable table = fromPdb(PdbFile.open(pdb), pdb.toString());
                status.accept(new SymbolStatus(module.name(), SymbolSource.PDB, pdb + ", " + table.size() + " publics"));
                return table;
            }
        }
        String why = module.codeView().isEmpty() ? "image names no PDB"
                : "no matching PDB for " + module.codeView().get().pdbFileName() + " " + module.codeView().get().symbolKey();
        if (memory.isPresent()) {
            try {
                SymbolTable table = fromExports(PeImage.parseMapped(memory.get(), module.base(), module.imageName()));
                status.accept(new SymbolStatus(module.name(), SymbolSource.EXPORTS, why + "; using "
                        + table.size() + " exports" + notesText(notes)));
                return table;
            } catch (TargetException e) {
                notes.add("exports unreadable: " + e.getMessage());
            }
        }
        status.accept(new SymbolStatus(module.name(), SymbolSource.NONE, why + notesText(notes)));
        return SymbolTable.none();
    }

    private static String notesText(List<String> notes) {
        return notes.isEmpty() ? "" : "; " + String.join("; ", notes);
    }
}
