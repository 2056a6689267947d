package dev.poolhit.sim.image;

import java.util.Map;

/**
 * One image of the images manifest: what the loader needs beyond the PE itself.
 *
 * @param name     short module name ({@code nt})
 * @param file     file name ({@code ntoskrnl.exe}), also the loader's BaseDllName
 * @param kind     {@code kernel}, {@code driver} or {@code user}
 * @param base     preferred (and load) base
 * @param publics  PDB public symbols, name to RVA (x86: undecorated, {@code _Name@N} -> {@code Name})
 * @param x86      x86 frame facts (functions, call-site depths, FrameData); null for x64 images
 */
public record ManifestImage(String name, String file, String kind, long base, Map<String, Long> publics,
                            X86Code x86) {
    public ManifestImage {
        publics = Map.copyOf(publics);
    }

    public ManifestImage(String name, String file, String kind, long base, Map<String, Long> publics) {
        this(name, file, kind, base, publics, null);
    }

    public boolean kernelMode() {
        return !"user".equals(kind);
    }
}
