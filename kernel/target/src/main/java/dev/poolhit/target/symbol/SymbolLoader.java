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
    /** DBI Machine of an x86 PDB: its C names carry calling-convention marks. */
    private static final int IMAGE_FILE_MACHINE_I386 = 0x14c;

    public SymbolLoader(Optional<PdbLocator> locator, Optional<VirtualMemory> memory, Consumer<SymbolStatus> status) {
        this.locator = locator;
        this.memory = memory;
        this.status = status;
    }

    /**
     * The table of a PDB's S_PUB32 records with a known RVA, shown undecorated where the name is
     * simple (as WinDbg does); the decorated names still resolve.
     */
    public static SymbolTable fromPdb(PdbFile pdb, String origin) {
        List<PublicSymbol> symbols = new ArrayList<>();
        List<PublicSymbol> decorated = new ArrayList<>();
        boolean x86 = pdb.dbi().machine() == IMAGE_FILE_MACHINE_I386;
        for (PdbPublic p : pdb.publics()) {
            if (p.rva() >= 0) {
                Optional<String> shown = MsvcNames.undecorate(p.name());
                if (shown.isEmpty() && x86) {
                    shown = MsvcNames.undecorateX86(p.name());
                }
                symbols.add(new PublicSymbol(shown.orElse(p.name()), p.rva()));
                shown.ifPresent(s -> decorated.add(new PublicSymbol(p.name(), p.rva())));
            }
        }
        return new SymbolTable(SymbolSource.PDB, origin, symbols, decorated);
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
