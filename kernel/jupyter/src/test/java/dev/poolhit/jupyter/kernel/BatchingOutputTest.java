package dev.poolhit.jupyter.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchingOutputTest {
    /** Records each flush as one "message", like basekernel's Jupyter stream. */
    private static final class Messages extends OutputStream {
        final List<String> sent = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void flush() {
            if (pending.size() > 0) {
                sent.add(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
        }
    }

    private final Messages cell = new Messages();
    private final ByteArrayOutputStream process = new ByteArrayOutputStream();
    private final BatchingOutput batching = new BatchingOutput(new PrintStream(process, true, StandardCharsets.UTF_8));
    private final PrintStream out = new PrintStream(batching, false, StandardCharsets.UTF_8);

    @Test
    void tenThousandLinesBecomeAFewMessagesWithNothingLost() {
        batching.attach(new PrintStream(cell, true, StandardCharsets.UTF_8));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            out.println("line " + i);
            expected.append("line ").append(i).append('\n');
        }
        out.flush();
        batching.detach();
        assertEquals(expected.toString(), String.join("", cell.sent));
        assertTrue(cell.sent.size() <= 1 + expected.length() / BatchingOutput.BATCH_BYTES, "sent " + cell.sent.size());
    }

    @Test
    void nothingIsSentBeforeADrainAndOutsideCellsGoesToTheProcess() {
        batching.attach(new PrintStream(cell, true, StandardCharsets.UTF_8));
        out.print("partial");
        out.flush();
        assertEquals(List.of(), cell.sent);
        batching.drain();
        assertEquals(List.of("partial"), cell.sent);
        batching.detach();
        out.print("after");
        out.flush();
        assertEquals("after", process.toString(StandardCharsets.UTF_8));
    }

    @Test
    void batchesNeverSplitACharacter() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, Utf8.completePrefix(new byte[] {euro[0]}));
        assertEquals(1, Utf8.completePrefix(new byte[] {'a', euro[0], euro[1]}));
        assertEquals(4, Utf8.completePrefix(new byte[] {'a', euro[0], euro[1], euro[2]}));
        assertEquals(2, Utf8.completePrefix("ab".getBytes(StandardCharsets.UTF_8)));
        batching.attach(new PrintStream(cell, true, StandardCharsets.UTF_8));
        batching.write(euro, 0, 2);
        batching.drain();
        batching.write(euro, 2, 1);
        batching.drain();
        assertEquals(List.of("€"), cell.sent);
    }

    @Test
    void outputPastTheCellLimitIsCutWithANote() {
        batching.attach(new PrintStream(cell, true, StandardCharsets.UTF_8));
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 10; i++) {
            batching.write(chunk, 0, chunk.length);
        }
        batching.detach();
        String all = String.join("", cell.sent);
        assertTrue(all.endsWith("\n… output truncated (more than 8 MB in one cell)\n"));
        assertEquals(BatchingOutput.CELL_LIMIT_BYTES, all.chars().filter(c -> c == 'x').count());
    }
}
