package dev.poolhit.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The parts of a Breakpad .sym file the tests use as an independent oracle: MODULE id, PUBLIC and
 * FUNC lines, and STACK CFI (INIT ranges and the ".cfa: $rsp N +" rule at each address).
 */
public record BreakpadSym(String moduleId, String pdbName, List<Entry> publics, List<Entry> funcs,
        List<CfiInit> cfiInits, TreeMap<Long, Long> cfaRspOffsets) {
    public record Entry(long rva, long size, String name) {}

    public record CfiInit(long rva, long size) {}

    public static BreakpadSym parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = null;
        String pdb = null;
        List<Entry> publics = new ArrayList<>();
        List<Entry> funcs = new ArrayList<>();
        List<CfiInit> inits = new ArrayList<>();
        TreeMap<Long, Long> cfa = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "MODULE" -> {
                    id = f[3];
                    pdb = f[4];
                }
                case "PUBLIC" -> publics.add(new Entry(hex(f[1]), 0, rest(f, f[1].equals("m") ? 4 : 3)));
                case "FUNC" -> funcs.add(funcEntry(f));
                case "STACK" -> stack(f, inits, cfa);
                default -> { }
            }
        }
        return new BreakpadSym(id, pdb, publics, funcs, inits, cfa);
    }

    private static Entry funcEntry(String[] f) {
        int i = f[1].equals("m") ? 2 : 1;
        return new Entry(hex(f[i]), hex(f[i + 1]), rest(f, i + 3));
    }

    private static void stack(String[] f, List<CfiInit> inits, TreeMap<Long, Long> cfa) {
        if (!f[1].equals("CFI")) {
            return;
        }
        boolean init = f[2].equals("INIT");
        int at = init ? 3 : 2;
        long rva = hex(f[at]);
        if (init) {
            inits.add(new CfiInit(rva, hex(f[at + 1])));
        }
        for (int i = at; i + 3 < f.length; i++) {
            if (f[i].equals(".cfa:") && f[i + 1].equals("$rsp") && f[i + 3].equals("+")) {
                cfa.put(rva, Long.parseLong(f[i + 2]));
            }
        }
    }

    private static long hex(String s) {
        return Long.parseLong(s, 16);
    }

    private static String rest(String[] f, int from) {
        return String.join(" ", java.util.Arrays.copyOfRange(f, from, f.length));
    }
}
