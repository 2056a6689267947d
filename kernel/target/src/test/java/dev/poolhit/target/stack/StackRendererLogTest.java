package dev.poolhit.target.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.Hex;
import dev.poolhit.target.TestFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The k block of a real Windows 7 kd session, split into frame fields and rendered back byte for byte. */
class StackRendererLogTest {
    @Test
    void rendersTheRealKOutputExactly() throws IOException {
        List<String> log = Files.readAllLines(TestFixtures.require("kd-logs/poolhittag-x64-win7.log"));
        int start = log.indexOf("1: kd> k") + 1;
        List<String> block = new ArrayList<>();
        for (int i = start; !log.get(i).startsWith("1: kd>"); i++) {
            block.add(log.get(i));
        }
        List<StackFrame> frames = new ArrayList<>();
        for (int i = 1; i < block.size(); i++) {
            frames.add(parse(i - 1, block.get(i)));
        }
        assertEquals(11, frames.size());
        assertEquals(String.join("\n", block) + "\n", StackRenderer.k(frames));
        assertEquals(Optional.of("ExAllocatePoolWithTag"), frames.get(1).function());
        assertEquals(OptionalLong.of(0x1634), frames.get(2).offset());
    }

    /** Splits {@code child-sp ret module[!function]+0xoff} into the record's fields (IP is not in k output). */
    private static StackFrame parse(int n, String line) {
        long sp = Hex.parseAddress(line.substring(0, 17));
        long ret = Hex.parseAddress(line.substring(18, 35));
        String site = line.substring(36);
        int plus = site.lastIndexOf("+0x");
        long off = plus < 0 ? 0 : Long.parseLong(site.substring(plus + 3), 16);
        String symbol = plus < 0 ? site : site.substring(0, plus);
        int bang = symbol.indexOf('!');
        Optional<String> module = Optional.of(bang < 0 ? symbol : symbol.substring(0, bang));
        Optional<String> function = bang < 0 ? Optional.empty() : Optional.of(symbol.substring(bang + 1));
        return new StackFrame(n, sp, OptionalLong.of(ret), 0, module, function, OptionalLong.of(off));
    }
}
