package dev.poolhit.pool.kdlog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.pool.KdLogFormatException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of a kd log (lines shuffled, cut, duplicated, characters replaced): the
 * importer, lenient or strict, returns a trace or throws {@link KdLogFormatException}, nothing else.
 */
class KdLogFuzzTest {
    private static final String BASE = """
            Windows 7 Kernel Version 7601 (Service Pack 1) MP (2 procs) Free x64
            Kernel base = 0xfffff800`01610000 PsLoadedModuleList = 0xfffff800`01855e90
            1: kd> ed nt!PoolHitTag 3261654c
            1: kd> g
            Break instruction exception - code 80000003 (first chance)
            nt! ?? ::FNODOBFM::`string'+0x24a2a:
            fffff800`014798f6 cc              int     3
            1: kd> k
            Child-SP          RetAddr           Call Site
            fffff880`04ec1680 fffff800`0161090e nt! ??::FNODOBFM::`string'+0x24a2a
            fffff880`04ec1770 fffff880`0496e634 nt!ExAllocatePoolWithTag+0x82e
            fffff880`04ec1860 fffff880`0496e727 myfault+0x1634
            00000000`000df590 00000000`00000000 NotMyfault+0x2384
            1: kd> bp fffff800`014798f6 "kb;g"
            1: kd> g
            Child-SP          RetAddr           : Args to Child                                                           : Call Site
            fffff880`04ec1770 fffff880`0496e634 : 00000000`00000000 00000000`00000001 00000000`3261654c 00000000`00000000 : nt!ExAllocatePoolWithTag+0x82e
             # Memory  Child-SP          RetAddr           Call Site
            00           fffff880`04ec1680 fffff800`0161090e nt! ??::FNODOBFM::`string'+0x24a2a
            01        f0 fffff880`04ec1770 fffff880`0496e634 nt!ExAllocatePoolWithTag+0x82e
            02 (Inline Function) --------`--------     nt!ExpAllocatePoolWithTagFromNode+0x3c
            ChildEBP RetAddr  Args to Child
            a8d1fb3c 82a4e3f1 00000000 00000001 6b636145 nt!ExAllocatePoolWithTag+0x4b4
            WARNING: Stack unwind information not available. Following frames may be wrong.
            1: kd> ed nt!PoolHitTag ' aeL'
            1: kd> g
            """;
    private static final String JUNK = "`!+:# ()-0123456789abcdefx\t'\"\u00e9\u2028";

    @Test
    void mutatedLogsFailOnlyTyped() {
        fuzz(500, 42L);
    }

    @Test
    @Tag("fuzz-long")
    void mutatedLogsFailOnlyTypedLong() {
        fuzz(50_000, 7L);
    }

    private static void fuzz(int rounds, long seed) {
        Random r = new Random(seed);
        int imported = 0;
        for (int round = 0; round < rounds; round++) {
            String log = mutate(r);
            for (KdLogImporter importer : List.of(KdLogImporter.lenient(), KdLogImporter.strict())) {
                try {
                    importer.read("fuzz.log", new StringReader(log));
                    imported++;
                } catch (KdLogFormatException expected) {
                    assertTrue(expected.getMessage().startsWith("line ") || expected.getMessage().startsWith("no PoolHitTag"),
                            expected.getMessage());
                }
            }
        }
        assertTrue(imported > 0);
    }

    private static String mutate(Random r) {
        List<String> lines = new ArrayList<>(List.of(BASE.split("\n")));
        for (int i = 0; i < 1 + r.nextInt(6); i++) {
            int at = r.nextInt(lines.size());
            switch (r.nextInt(5)) {
                case 0 -> Collections.swap(lines, at, r.nextInt(lines.size()));
                case 1 -> lines.remove(at);
                case 2 -> lines.add(at, lines.get(r.nextInt(lines.size())));
                case 3 -> lines.set(at, lines.get(at).substring(0, r.nextInt(lines.get(at).length() + 1)));
                default -> {
                    StringBuilder b = new StringBuilder(lines.get(at));
                    if (b.length() > 0) {
                        b.setCharAt(r.nextInt(b.length()), JUNK.charAt(r.nextInt(JUNK.length())));
                    }
                    lines.set(at, b.toString());
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join(r.nextBoolean() ? "\n" : "\r\n", lines);
    }
}
