package dev.poolhit.jupyter.investigate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code bad-arguments.table} from the test class path (blank lines and {@code #} comments skipped). */
final class BadArgumentTable {
    static final String RESOURCE = "/bad-arguments.table";

    private BadArgumentTable() {
    }

    static List<BadArgumentRow> rows() {
        try (InputStream in = BadArgumentTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<BadArgumentRow> rows = new ArrayList<>();
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(BadArgumentRow.parse(number, line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
