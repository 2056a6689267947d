package dev.poolhit.jupyter.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Expression snippets through the typed holder: same values and errors as JShell's own path, nothing kept. */
public class ExpressionHolderTest {
    /** Counted down by cell code, so the test knows the cell is running without sleeping. */
    public static final CountDownLatch CELL_STARTED = new CountDownLatch(1);
    private static final JavaEvaluator JAVA = new JavaEvaluator();

    @AfterAll
    static void close() {
        JAVA.close();
    }

    @Test
    void expressionsBecomeOneHolderDeclaration() {
        assertEquals(Optional.of("Object $h = (1+1\n);"), ExpressionHolder.declaration("1+1", "$h"));
        assertEquals(Optional.of("Object $h = (1+1\n);"), ExpressionHolder.declaration("1+1;", "$h"));
        assertEquals(Optional.of("Object $h = (x // why\n);"), ExpressionHolder.declaration("x // why\n", "$h"));
        for (String expression : List.of("x", "x instanceof String s", "a[0]", "a [ i ] = 2", "new int[3]",
                "(int) 2.5", "-x", "\"s\".length()", "Math.max(1, 2)", "x = 5", "t.rowCount() * 2", "a < b",
                "List.<String>of()", "/* note */ 1", "this.hashCode()", "null", "'c'")) {
            assertTrue(ExpressionHolder.declaration(expression, "$h").isPresent(), expression);
        }
    }

    @Test
    void statementsAndDeclarationsAreNotTried() {
        for (String other : List.of("int x = 1;", "var t = 3;", "String s = \"a\";", "List<String> l = List.of();",
                "java.util.Map<String, List<Integer>> m = null;", "int[] a = {1};", "String [] a = {};",
                "for (;;) {}", "switch (x) { default -> 1; }", "class A {}", "record R(int x) {}",
                "@Deprecated void f() {}", "{ }", "<T> T id(T t) { return t; }", "String name() { return \"\"; }",
                "System.out.println(1)", "// note\nint x = 1;", "import java.io.*;", "return;", "  ")) {
            assertEquals(Optional.empty(), ExpressionHolder.declaration(other, "$h"), other);
        }
    }

    @Test
    void valuesAreLiveAndNoVariableIsLeftBehind() {
        assertEquals(Optional.of(42), JAVA.eval("6 * 7"));
        Snippet holder = JAVA.shell().snippets().reduce((first, second) -> second).orElseThrow();
        assertTrue(holder.source().matches("Object \\$poolhitValue[0-9]+ = \\(6 \\* 7\n\\);"),
                "the fast path ran it: " + holder.source());
        assertEquals(Snippet.Status.DROPPED, JAVA.shell().status(holder));
        assertEquals(Optional.of(2), JAVA.eval("1+1"));
        assertEquals(Optional.of(42), JAVA.eval("int half = 21;\nhalf * 2;"));
        assertEquals(Optional.of("b"), JAVA.eval("String pick(int n) { return n == 1 ? \"a\" : \"b\"; }\npick(2)"));
        assertEquals(Optional.of(List.of(1, 2)), JAVA.eval("List.of(1, 2)"));
        assertEquals(Optional.empty(), JAVA.eval("(Object) null"));
        assertEquals(Optional.of(7), JAVA.eval("half = 7"), "an assignment's value, as JShell shows it");
        assertEquals(Optional.of(7), JAVA.eval("half"));
        assertEquals(Optional.of(true), JAVA.eval("(Object) \"s\" instanceof String str && str.length() == 1"));
        List<String> generated = JAVA.shell().variables().filter(v -> JAVA.shell().status(v).isActive())
                .map(v -> v.name()).filter(name -> name.startsWith("$")).toList();
        assertEquals(List.of(), generated, "no holder and no $N temporaries: each would slow every later cell");
    }

    @Test
    void nullValuedDeclarationsWork() {
        assertEquals(Optional.empty(), JAVA.eval("String none = null;"));
        assertEquals(Optional.of(true), JAVA.eval("none == null"));
    }

    @Test
    void voidCallsAndStatementsStillRunOnce() {
        JAVA.eval("int[] calls = {0};\nvoid touch() { calls[0]++; }");
        assertEquals(Optional.empty(), JAVA.eval("touch()"), "a void call has no value");
        assertEquals(Optional.empty(), JAVA.eval("for (int i = 0; i < 2; i++) touch();"));
        assertEquals(Optional.of(3), JAVA.eval("calls[0]"));
        assertEquals(Optional.of(3), JAVA.eval("calls[0]++"), "a post-increment's value is the old one");
        assertEquals(Optional.of(4), JAVA.eval("calls[0]"));
        Optional<Object> keyword = JAVA.eval("switch (calls[0]) { case 4 -> \"four\"; default -> \"other\"; }");
        assertEquals(Optional.of("four"), keyword, "JShell's own path gives a switch expression's value too");
    }

    @Test
    void failuresAreJShellsOwnAndRunNothingTwice() {
        JAVA.eval("int[] runs = {0};");
        JavaEvalException thrown = assertThrows(JavaEvalException.class, () -> JAVA.eval("runs[0]++ / 0"));
        assertEquals("java.lang.ArithmeticException: / by zero", thrown.title());
        assertEquals(Optional.of(1), JAVA.eval("runs[0]"), "a failing expression ran exactly once");
        JavaCompileException rejected = assertThrows(JavaCompileException.class, () -> JAVA.eval("1 + nowhere"));
        assertEquals("line 1: cannot find symbol", rejected.getMessage());
        assertEquals(List.of("  symbol:   variable nowhere", "  location: class", "    1 + nowhere", "        ^"),
                rejected.detailLines());
        JavaEvalException io = assertThrows(JavaEvalException.class,
                () -> JAVA.eval("java.nio.file.Files.readString(java.nio.file.Path.of(\"/no/such/file\"))"));
        assertEquals("java.nio.file.NoSuchFileException", io.exceptionClass());
        assertTrue(JAVA.shell().snippets().noneMatch(s -> s.kind() == Snippet.Kind.VAR
                && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && JAVA.shell().status(s).isActive()));
    }

    @Test
    void anInterruptStopsABlockedExpression() throws Exception {
        CompletableFuture<Optional<Object>> cell = CompletableFuture.supplyAsync(() -> {
            try {
                JAVA.beginCell();
                return JAVA.eval("dev.poolhit.jupyter.java.ExpressionHolderTest.CELL_STARTED.countDown();\n"
                        + "new java.util.concurrent.LinkedBlockingQueue<Object>().take()");
            } catch (RuntimeException e) {
                throw new CompletionException(e);
            } finally {
                JAVA.endCell();
            }
        });
        assertTrue(CELL_STARTED.await(60, TimeUnit.SECONDS));
        JAVA.stop();
        Throwable failure = assertThrows(ExecutionException.class, () -> cell.get(60, TimeUnit.SECONDS)).getCause();
        assertInstanceOf(CellInterruptedException.class, failure);
        JAVA.beginCell();
        assertEquals(Optional.of(3), JAVA.eval("1 + 2"));
        JAVA.endCell();
    }
}
