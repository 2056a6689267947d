package dev.poolhit.target.x86;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolhit.sim.images.SimImages;
import dev.poolhit.target.MappedImage;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.module.Module;
import dev.poolhit.target.module.ModuleList;
import dev.poolhit.target.pdb.FrameDataTable;
import dev.poolhit.target.pdb.PdbFile;
import dev.poolhit.target.symbol.Location;
import dev.poolhit.target.symbol.SymbolLoader;
import dev.poolhit.target.symbol.SymbolTable;
import dev.poolhit.target.symbol.Symbolizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The real x86 image set (SimImages.x86()) as a debugger sees it: each image mapped at its base
 * (kernel bases sign-extended as on the wire), module lists, FRAMEDATA and PDB publics, and the
 * manifest. Kernel walks know nt and myfault; user walks know all four modules.
 */
final class X86Images {
    static final X86Images SET = new X86Images();

    final JsonNode manifest;
    private final Map<Long, byte[]> mappedImages = new HashMap<>();
    final Map<String, Long> bases = new HashMap<>();
    final Map<String, PdbFile> pdbs = new HashMap<>();
    final ModuleList all;
    final ModuleList kernel;

    private X86Images() {
        try {
            manifest = new ObjectMapper().readTree(SimImages.x86().manifestJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Module> modules = new ArrayList<>();
        for (JsonNode image : manifest.get("images")) {
            String name = image.get("name").asText();
            long base = X86Registers.canonical(Long.decode(image.get("base").asText()));
            byte[] mapped = MappedImage.map(SimImages.x86().bytes(image.get("file").asText()));
            mappedImages.put(base, mapped);
            bases.put(name, base);
            pdbs.put(name, PdbFile.parse(SimImages.x86().bytes(image.get("pdb").asText()), image.get("pdb").asText()));
            modules.add(Module.of(name, image.get("file").asText(), base, mapped.length));
        }
        all = new ModuleList(modules);
        kernel = new ModuleList(modules.stream().filter(m -> X86Registers.isKernel(m.base())).toList());
    }

    /** A fresh memory holding the four mapped images (stacks are added per test). */
    SparseMemory memory() {
        SparseMemory m = new SparseMemory();
        mappedImages.forEach(m::map);
        return m;
    }

    JsonNode image(String name) {
        for (JsonNode image : manifest.get("images")) {
            if (image.get("name").asText().equals(name)) {
                return image;
            }
        }
        throw new IllegalArgumentException("no image " + name);
    }

    JsonNode scenario(String name) {
        for (JsonNode s : manifest.get("scenarios")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no scenario " + name);
    }

    long address(String image, long rva) {
        return X86Registers.canonical(bases.get(image) + rva);
    }

    ModuleFrameData frames(ModuleList modules) {
        return new ModuleFrameData(modules,
                m -> pdbs.containsKey(m.name()) ? pdbs.get(m.name()).frameData() : FrameDataTable.empty());
    }

    /** Symbolizer over all four PDBs' publics with the x86 naming rules, as production would build it. */
    LongFunction<Location> describer() {
        Map<String, SymbolTable> tables = new HashMap<>();
        pdbs.forEach((name, pdb) -> tables.put(name, SymbolLoader.fromPdb(pdb, name + ".pdb")));
        Symbolizer symbolizer = new Symbolizer(all, m -> tables.get(m.name()), Optional.empty());
        return X86Names.describer(symbolizer::describe, frames(all));
    }
}
