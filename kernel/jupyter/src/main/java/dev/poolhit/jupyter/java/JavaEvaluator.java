package dev.poolhit.jupyter.java;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.lang.model.SourceVersion;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Java cells through JShell running in this JVM, so values are live objects shared with magics.
 * JShell starts on a background thread at construction (it takes a second or two); every call
 * waits for it. Calls other than {@link #stop()} come from the kernel's shell thread only.
 */
public final class JavaEvaluator implements AutoCloseable {
    /** Imports every cell sees; the display and chart helpers are the user-facing API. */
    public static final List<String> STARTUP_IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import tech.tablesaw.api.*;",
            "import static tech.tablesaw.aggregate.AggregateFunctions.*;",
            "import dev.poolhit.jupyter.display.chart.Chart;",
            "import dev.poolhit.jupyter.display.chart.Charts;",
            "import static dev.poolhit.jupyter.display.Display.*;");

    private final CellExecutionControl control = new CellExecutionControl();
    private final CellGate cells = new CellGate();
    private final ExpressionHolder expressions = new ExpressionHolder(control);
    private final List<String> imports;
    private final CompletableFuture<JShell> shell;

    /** Starts JShell with the JVM's own class path, so Tablesaw and the kernel API are visible. */
    public JavaEvaluator() {
        this(List.of());
    }

    /** As {@link #JavaEvaluator()}, with more import lines every cell sees (from magic providers). */
    public JavaEvaluator(List<String> extraImports) {
        this.imports = new ArrayList<>(STARTUP_IMPORTS);
        this.imports.addAll(extraImports);
        this.shell = CompletableFuture.supplyAsync(this::startShell);
    }

    private JShell startShell() {
        JitDirectives.apply(); // before javac runs often enough for C2 to pick it
        // JShell compiles against java.class.path already, and the execution control's loader
        // delegates to the application loader: adding the class path again would only make javac
        // list every class path package twice in each of its runs
        JShell js = JShell.builder()
                .executionEngine(new CellExecutionControlProvider(control), Map.of())
                .build();
        imports.forEach(js::eval);
        // compile and run one Tablesaw snippet now (by the expression path cells take), so the
        // first cell does not pay for it
        expressions.tryEval(js, "Table.create(\"warm-up\").rowCount()");
        CompilerWarmUp.start(imports, cells);
        return js;
    }

    JShell shell() {
        try {
            return shell.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs every snippet of {@code code} in order and returns the value of the last one when it
     * is an expression. Throws {@link JavaCompileException}, {@link JavaEvalException} or
     * {@link CellInterruptedException}; the first failing snippet ends the cell.
     */
    public Optional<Object> eval(String code) {
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        String remaining = code;
        Optional<Object> last = Optional.empty();
        while (!remaining.isBlank()) {
            if (control.stopRequested()) {
                throw new CellInterruptedException();
            }
            int start = code.length() - remaining.length(); // JShell's source keeps leading blanks
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (info.completeness() == Completeness.DEFINITELY_INCOMPLETE
                    || info.completeness() == Completeness.CONSIDERED_INCOMPLETE) {
                throw SnippetErrors.incomplete(code, start + leadingBlanks(remaining));
            }
            last = evalCellSnippet(info, code, start);
            remaining = info.remaining();
        }
        return last;
    }

    private Optional<Object> evalCellSnippet(CompletionInfo info, String cell, int start) {
        if (info.completeness() == Completeness.COMPLETE || info.completeness() == Completeness.COMPLETE_WITH_SEMI) {
            Optional<ExpressionHolder.Evaluated> fast = expressions.tryEval(shell(), info.source());
            if (fast.isPresent()) {
                return Optional.ofNullable(fast.get().value());
            }
        }
        return evalSnippet(info.source(), cell, start);
    }

    private Optional<Object> evalSnippet(String source, String cell, int start) {
        JShell js = shell();
        Optional<Object> value = Optional.empty();
        for (SnippetEvent event : js.eval(source)) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet being re-validated, not this cell's code
            }
            Object live = control.takeValue(event.value());
            if (event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && event.status().isActive()) {
                js.drop(event.snippet()); // every kept $N is re-imported by each later snippet
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw SnippetErrors.rejected(js.diagnostics(event.snippet()).toList(), source, cell, start);
            }
            if (event.exception() != null) {
                throw SnippetErrors.thrown(event.exception());
            }
            value = rendersValue(event.snippet()) ? Optional.ofNullable(live) : Optional.empty();
        }
        return value;
    }

    private static boolean rendersValue(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static int leadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Declares (or redeclares) JShell variable {@code name} holding {@code value} itself, typed
     * as the most specific public class or interface of the value.
     */
    public void bind(String name, Object value) {
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            throw new IllegalArgumentException("not a Java identifier: '" + name + "'");
        }
        String type = value == null ? "Object" : PublicType.of(value.getClass());
        String key = Bindings.put(value);
        evalSnippet(type + " " + name + " = (" + type + ") dev.poolhit.jupyter.java.Bindings.take(\""
                + key + "\");", "", 0);
    }

    /** JShell's completion-status of the whole cell: "complete", "incomplete" or "invalid". */
    public String completeness(String code) {
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE: return "incomplete";
                case UNKNOWN: return "invalid";
                case EMPTY: return "complete";
                default: remaining = info.remaining();
            }
        }
        return "complete";
    }

    /** Completion candidates at {@code cursor}; {@code anchor[0]} receives the replace start. */
    public List<String> complete(String code, int cursor, int[] anchor) {
        Set<String> matches = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s
                : shell().sourceCodeAnalysis().completionSuggestions(code, cursor, anchor)) {
            matches.add(s.continuation());
        }
        return new ArrayList<>(matches);
    }

    /** Signatures (and javadoc when the JDK has it) of the element at {@code cursor}. */
    public List<String> documentation(String code, int cursor) {
        List<String> docs = documentationAt(code, cursor);
        if (docs.isEmpty()) {
            // JShell documents invocations only; "Math.max|" gets the same help as "Math.max(|"
            docs = documentationAt(code.substring(0, cursor) + "(", cursor + 1);
        }
        return docs;
    }

    private List<String> documentationAt(String code, int cursor) {
        List<String> docs = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation d
                : shell().sourceCodeAnalysis().documentation(code, cursor, true)) {
            docs.add(d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc());
        }
        return docs;
    }

    /**
     * Marks the start of a cell: forgets a stop request left over from an earlier one, and holds
     * background warm-up work until {@link #endCell()}.
     */
    public void beginCell() {
        control.clearStop();
        cells.cellStarted();
    }

    /** Marks the end of the cell begun by {@link #beginCell()}. */
    public void endCell() {
        cells.cellEnded();
    }

    /** True when the current cell was asked to stop. */
    public boolean stopRequested() {
        return control.stopRequested();
    }

    /**
     * Stops the current cell from any thread: interrupts the running snippet, and no further
     * snippet of the cell starts (until {@link #beginCell()}).
     */
    public void stop() {
        control.stop();
    }

    @Override
    public void close() {
        shell.thenAccept(JShell::close);
    }
}
