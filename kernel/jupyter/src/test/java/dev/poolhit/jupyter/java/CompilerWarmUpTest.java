package dev.poolhit.jupyter.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CompilerWarmUpTest {
    private static final List<String> IMPORTS = List.of("import java.util.*;");

    @Test
    void waitsWhileACellRunsAndWarmsOnceItEnds() throws Exception {
        CellGate gate = new CellGate(System::nanoTime, Duration.ZERO);
        gate.cellStarted();
        CompilerWarmUp warmUp = new CompilerWarmUp(IMPORTS, gate, 3, System::nanoTime);
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(warmUp::warm);
        while (gate.waiters() == 0) {
            Thread.onSpinWait(); // the warm-up reached its first snippet and is held at the gate
        }
        assertFalse(done.isDone());
        gate.cellEnded();
        assertEquals(3, done.get(120, TimeUnit.SECONDS));
    }

    @Test
    void replacesItsShellAfterEachBatchAndStopsAtTheSnippetCount() {
        int snippets = CompilerWarmUp.SNIPPETS_PER_SHELL + 2;
        assertEquals(snippets, new CompilerWarmUp(IMPORTS, new CellGate(), snippets, System::nanoTime).warm());
    }

    @Test
    void stopsAtTheTimeLimit() {
        AtomicLong now = new AtomicLong();
        // every reading of the clock is a minute later: the limit is reached within a few snippets
        CompilerWarmUp warmUp = new CompilerWarmUp(IMPORTS, new CellGate(), 1_000,
                () -> now.getAndAdd(TimeUnit.MINUTES.toNanos(1)));
        int done = warmUp.warm();
        assertTrue(done < 5, "snippets run after the limit: " + done);
    }

    @Test
    void nestedCellsKeepTheGateClosedUntilTheOuterEnds() throws InterruptedException {
        CellGate gate = new CellGate(System::nanoTime, Duration.ZERO);
        gate.cellStarted();
        gate.cellStarted();
        gate.cellEnded();
        Thread waiter = waitingAt(gate);
        assertTrue(waiter.isAlive());
        gate.cellEnded();
        waiter.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(waiter.isAlive());
    }

    @Test
    void theGateOpensOnlyAfterTheQuietPeriodFollowingACell() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        CellGate gate = new CellGate(now::get, Duration.ofMillis(200));
        gate.cellStarted();
        gate.cellEnded();
        Thread waiter = waitingAt(gate);
        waiter.join(400); // the clock stands still: the quiet period never ends
        assertTrue(waiter.isAlive());
        now.set(Duration.ofMillis(200).toNanos());
        waiter.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(waiter.isAlive());
    }

    @Test
    void aGateNoCellHasPassedIsOpen() throws InterruptedException {
        CellGate gate = new CellGate(() -> 5L, Duration.ofSeconds(1));
        gate.awaitIdle(); // returns at once: nothing ran, nothing to be quiet after
        assertEquals(0, gate.waiters());
    }

    /** A thread blocked in {@code gate.awaitIdle()}, returned once it is there. */
    private static Thread waitingAt(CellGate gate) {
        Thread waiter = new Thread(() -> {
            try {
                gate.awaitIdle();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        while (gate.waiters() == 0) {
            Thread.onSpinWait();
        }
        return waiter;
    }
}
