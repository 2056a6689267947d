package dev.poolhit.jupyter.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolhit.jupyter.java.CellInterruptedException;
import dev.poolhit.jupyter.java.JavaCompileException;
import dev.poolhit.jupyter.java.JavaEvalException;
import dev.poolhit.jupyter.java.JavaEvaluator;
import dev.poolhit.jupyter.magic.BuiltinMagics;
import dev.poolhit.jupyter.magic.Magic;
import dev.poolhit.jupyter.magic.MagicRegistry;
import dev.poolhit.jupyter.magic.MagicRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Cells run in-process through real JShell and the real magic framework, without ZeroMQ. */
public class CellRunnerTest {
    /** Counted down by cell code, so the test knows the cell is running without sleeping. */
    public static final CountDownLatch CELL_STARTED = new CountDownLatch(1);
    private static final CountDownLatch MAGIC_STARTED = new CountDownLatch(1);

    private static final JavaEvaluator JAVA = new JavaEvaluator();
    private final List<Object> displayed = new ArrayList<>();
    private final CellRunner runner;

    CellRunnerTest() {
        MagicRegistry registry = new MagicRegistry();
        BuiltinMagics.registerInto(registry);
        registry.register(Magic.line("hits").usage("%hits N [--into VAR]").bindsResultTo("hits")
                .handler(call -> Table.create("hits", IntColumn.create("n",
                        new int[(int) call.parseLong("N", call.positional(0, "3"))])))
                .build());
        registry.register(Magic.line("block").handler(call -> {
            MAGIC_STARTED.countDown();
            new CountDownLatch(1).await(); // only an interrupt ends this
            return null;
        }).build());
        runner = new CellRunner(JAVA, new MagicRunner(registry, JAVA::bind), displayed::add);
    }

    @AfterAll
    static void close() {
        JAVA.close();
    }

    @Test
    void lastExpressionIsTheLiveValue() throws Exception {
        assertEquals(Optional.of(42), runner.run("int half = 21;\nhalf * 2"));
        assertEquals(Optional.empty(), runner.run("int nothing = 1;"));
        assertEquals(Optional.empty(), runner.run("// only a comment"));
    }

    @Test
    void magicResultsAreBoundAsLiveObjectsForJava() throws Exception {
        Optional<Object> rows = runner.run("%hits 5 --into five\nfive.rowCount()");
        assertEquals(Optional.of(5), rows);
        Object table = runner.run("five").orElseThrow();
        assertInstanceOf(Table.class, table, "the same Table class on both sides: no copy, no string");
        assertEquals(Optional.of(3), runner.run("%hits\nhits.rowCount()"));
        assertEquals(List.of(), displayed, "bound results are not displayed again");
    }

    @Test
    void unboundMagicResultsBeforeTheEndAreDisplayed() throws Exception {
        assertEquals(Optional.of(2), runner.run("%help\n1 + 1"));
        assertEquals(1, displayed.size());
        assertTrue(((String) displayed.get(0)).startsWith("PoolHit kernel"));
    }

    @Test
    void compileErrorsPointAtTheCellLine() {
        JavaCompileException e = assertThrows(JavaCompileException.class,
                () -> runner.run("%help\nint ok = 1;\nint bad = ;"));
        assertEquals("line 3: illegal start of expression", e.getMessage());
        assertEquals(List.of("    int bad = ;", "              ^"), e.detailLines());
        e = assertThrows(JavaCompileException.class, () -> runner.run("for (int i = 0; i < 3; i++) {"));
        assertEquals("incomplete Java: the cell ends inside a statement (line 1); missing ';', ')' or '}'?",
                e.getMessage());
    }

    @Test
    void exceptionsAndErrorsFromCellsAreCellErrors() throws Exception {
        JavaEvalException e = assertThrows(JavaEvalException.class,
                () -> runner.run("throw new IllegalStateException(\"boom\");"));
        assertEquals("java.lang.IllegalStateException: boom", e.title());
        e = assertThrows(JavaEvalException.class, () -> runner.run("int deep(int n) { return deep(n + 1); }\ndeep(0);"));
        assertEquals("java.lang.StackOverflowError", e.exceptionClass());
        assertEquals(9, e.detailLines().size(), "8 frames and an ellipsis");
        assertEquals(Optional.of("alive"), runner.run("\"alive\""));
    }

    @Test
    void interruptStopsABusyLoop() throws Exception {
        CompletableFuture<Optional<Object>> cell = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run("dev.poolhit.jupyter.kernel.CellRunnerTest.CELL_STARTED.countDown();\n"
                        + "long spins = 0; while (true) { spins++; }");
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        assertTrue(CELL_STARTED.await(60, TimeUnit.SECONDS));
        runner.interruptMagic();
        Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> cell.get(60, TimeUnit.SECONDS)).getCause();
        assertInstanceOf(CellInterruptedException.class, failure);
        assertEquals(Optional.of(2), runner.run("1 + 1"));
    }

    @Test
    void interruptStopsABlockedMagic() throws Exception {
        CompletableFuture<Optional<Object>> cell = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run("%block");
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        assertTrue(MAGIC_STARTED.await(60, TimeUnit.SECONDS));
        runner.interruptMagic();
        Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> cell.get(60, TimeUnit.SECONDS)).getCause();
        assertInstanceOf(CellInterruptedException.class, failure);
        assertEquals(Optional.of(3), runner.run("1 + 2"));
    }
}
