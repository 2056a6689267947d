package dev.poolhit.jupyter.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryHistoryTest {
    private final InMemoryHistory history = new InMemoryHistory();

    InMemoryHistoryTest() {
        history.add(1, "6 * 7", "42");
        history.add(2, "%help", "");
        history.add(3, "6 * 7", "42");
        history.add(4, "6 * 8", "48");
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    @Test
    void tailReturnsTheLastNOldestFirst() {
        assertEquals(List.of("6 * 7", "6 * 8"), inputs(history.lookupTail(2, Set.of())));
        assertEquals(4, history.lookupTail(100, Set.of()).size());
        HistoryEntry withOutput = history.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0);
        assertEquals("48", withOutput.getOutput());
        assertEquals(false, history.lookupTail(1, Set.of()).get(0).hasOutput());
    }

    @Test
    void rangeIsHalfOpenAndSessionScoped() {
        List<HistoryEntry> range = history.lookupRange(InMemoryHistory.SESSION, 2, 4, Set.of());
        assertEquals(List.of(2, 3), range.stream().map(HistoryEntry::getCellNumber).toList());
        assertEquals(2, history.lookupRange(0, 3, 0, Set.of()).size(), "session 0 means this one, stop 0 the end");
        assertEquals(0, history.lookupRange(7, 1, 5, Set.of()).size());
    }

    @Test
    void searchMatchesGlobsNewestLastAndCanBeUnique() {
        assertEquals(List.of("6 * 7", "6 * 7", "6 * 8"), inputs(history.search("6 *", 0, Set.of())));
        assertEquals(List.of("6 * 7", "6 * 8"), inputs(history.search("6*", 0, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of("6 * 8"), inputs(history.search("6 * ?", 1, Set.of())));
        assertEquals(List.of("%help"), inputs(history.search("%*", 5, Set.of())));
    }
}
