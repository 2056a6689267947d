package dev.poolhit.jupyter.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/** Turns JShell's diagnostics and exceptions into the kernel's short cell errors. */
final class SnippetErrors {
    private static final int MAX_FRAMES = 8;

    private SnippetErrors() {
    }

    static JavaCompileException incomplete(String cell, int start) {
        int line = lineOf(cell, start);
        return new JavaCompileException("incomplete Java: the cell ends inside a statement"
                + " (line " + line + "); missing ';', ')' or '}'?", excerpt(cell, start));
    }

    static JavaCompileException rejected(List<Diag> diags, String source, String cell, int start) {
        List<String> details = new ArrayList<>();
        String first = diags.isEmpty() ? "the snippet was rejected" : null;
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            int at = start + (int) Math.max(0, d.getPosition());
            String message = d.getMessage(Locale.ROOT);
            if (first == null) {
                first = "line " + lineOf(cell, at) + ": " + firstLine(message);
            } else {
                details.add("line " + lineOf(cell, at) + ": " + firstLine(message));
            }
            message.lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> details.add("  " + l.strip()));
            details.addAll(excerpt(cell.isEmpty() ? source : cell, cell.isEmpty() ? at - start : at));
        }
        return new JavaCompileException(first == null ? "the snippet was rejected" : first, details);
    }

    static RuntimeException thrown(JShellException e) {
        if (e instanceof EvalException eval) {
            if (CellExecutionControl.STOPPED_CLASS.equals(eval.getExceptionClassName())) {
                return new CellInterruptedException();
            }
            return new JavaEvalException(eval.getExceptionClassName(), eval.getMessage(), frames(eval));
        }
        if (e instanceof UnresolvedReferenceException unresolved) {
            return new JavaEvalException("UnresolvedReference",
                    "'" + firstLine(unresolved.getSnippet().source()) + "' uses a declaration that"
                            + " is not defined yet", List.of());
        }
        return new JavaEvalException(e.getClass().getName(), e.getMessage(), List.of());
    }

    private static List<String> frames(EvalException e) {
        List<String> lines = new ArrayList<>();
        Throwable t = e;
        while (t != null) {
            if (t != e) {
                String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
                lines.add("Caused by: " + name + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            }
            int shown = 0;
            for (StackTraceElement f : t.getStackTrace()) {
                if (isCellFrame(f) || shown < 2) {
                    lines.add("    at " + describe(f));
                    if (++shown >= MAX_FRAMES) {
                        lines.add("    ...");
                        break;
                    }
                }
            }
            t = t.getCause();
        }
        return lines;
    }

    /** JShell reports frames of cell code with an empty class name (or REPL.$JShell$N). */
    private static boolean isCellFrame(StackTraceElement f) {
        return f.getClassName().isEmpty() || f.getClassName().startsWith("REPL.");
    }

    private static String describe(StackTraceElement f) {
        if (isCellFrame(f)) {
            String method = f.getMethodName().isEmpty() ? "cell" : f.getMethodName();
            return method + " (snippet " + f.getFileName() + ", line " + f.getLineNumber() + ")";
        }
        return f.toString();
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<String> excerpt(String text, int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = text.indexOf('\n', at);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        return List.of("    " + line, "    " + " ".repeat(at - lineStart) + "^");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
