package dev.poolhit.jupyter.java;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * The fast way to run a snippet that is an expression. JShell compiles a bare expression with
 * five javac runs (parse, two to infer the type of a temporary variable {@code $N}, check,
 * generate) and keeps {@code $N}, which every later snippet re-imports and re-checks, so each
 * cell is slower than the one before. As a declaration with an explicit type,
 * {@code Object $poolhitValue1 = (<expression>);}, the same value takes three runs (no type to
 * infer), and dropping the holder right after leaves nothing behind. Each holder gets a fresh
 * name: re-declaring one name was measured twice as slow once that name had been declared and
 * dropped before other snippets (JShell re-checks more than the new declaration then).
 *
 * <p>JShell still decides what compiles: a snippet that is not an expression (a parse error as
 * an initializer) or is void (rejected as one) is reported not handled, and the caller evaluates
 * it the ordinary way, so results and error messages stay JShell's own. Snippets that clearly
 * start a statement or declaration skip the attempt. Only snippets JShell's completeness analysis
 * calls complete reach here, so the parentheses cannot pair with the user's own.
 */
final class ExpressionHolder {
    /** Holder variables are this plus a number: declared, read and dropped within one snippet. */
    static final String NAME_PREFIX = "$poolhitValue";

    /** Keywords that may start an expression; every other keyword starts a statement or declaration. */
    private static final Set<String> EXPRESSION_KEYWORDS = Set.of("new", "this", "super", "true", "false", "null");
    /** Words that start declarations or statements without being keywords to {@code SourceVersion}. */
    private static final Set<String> DECLARATION_WORDS = Set.of("var", "record", "sealed", "yield");
    /** Calls that are void in practice: trying them would only add a rejected compile. */
    private static final List<String> VOID_CALL_PREFIXES = List.of("System.out.print", "System.err.print");

    private final CellExecutionControl control;
    private long holders;

    ExpressionHolder(CellExecutionControl control) {
        this.control = control;
    }

    /** A value computed by the fast path (null is a value: the expression was null). */
    record Evaluated(Object value) {
    }

    /**
     * Runs {@code source} as the holder's initializer. Empty when JShell did not accept it as
     * one (nothing ran then); otherwise the expression ran once, and its value or exception is
     * the snippet's.
     */
    Optional<Evaluated> tryEval(JShell shell, String source) {
        Optional<String> declaration = declaration(source, NAME_PREFIX + ++holders);
        if (declaration.isEmpty()) {
            return Optional.empty();
        }
        for (SnippetEvent event : shell.eval(declaration.get())) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet being re-validated, not the holder
            }
            Object live = control.takeValue(event.value());
            if (event.status().isActive()) {
                shell.drop(event.snippet()); // a kept holder would be re-imported by every later snippet
            }
            if (event.status() != Snippet.Status.VALID) {
                return Optional.empty();
            }
            if (event.exception() != null) {
                throw SnippetErrors.thrown(event.exception());
            }
            return Optional.of(new Evaluated(live));
        }
        return Optional.empty();
    }

    /** The holder declaration for {@code source}, or empty when it cannot be an expression worth trying. */
    static Optional<String> declaration(String source, String holder) {
        int start = skipBlanksAndComments(source, 0);
        if (start >= source.length() || !mayStartExpression(source, start)) {
            return Optional.empty();
        }
        String expression = source.stripTrailing();
        if (expression.endsWith(";")) {
            expression = expression.substring(0, expression.length() - 1);
        }
        // the newline ends a trailing // comment; keeping the first line keeps JShell's line numbers
        return Optional.of("Object " + holder + " = (" + expression + "\n);");
    }

    private static boolean mayStartExpression(String source, int start) {
        char first = source.charAt(start);
        if (first == '{' || first == '@' || first == ';' || first == '<') {
            return false; // a block, an annotated declaration, an empty statement, a generic method
        }
        if (!Character.isJavaIdentifierStart(first)) {
            return true; // a literal, a cast or parenthesized expression, a unary operator
        }
        int end = identifierEnd(source, start);
        String word = source.substring(start, end);
        if (EXPRESSION_KEYWORDS.contains(word)) {
            return true; // `new int[3]` is no declaration of `int`
        }
        if (DECLARATION_WORDS.contains(word) || SourceVersion.isKeyword(word)) {
            return false;
        }
        for (String prefix : VOID_CALL_PREFIXES) {
            if (source.startsWith(prefix, start)) {
                return false;
            }
        }
        return !looksLikeDeclaration(source, start);
    }

    /** {@code Type name}, {@code a.b.Type<X, Y>[] name}: a type followed by an identifier. */
    private static boolean looksLikeDeclaration(String s, int start) {
        int i = identifierEnd(s, start);
        while (i + 1 < s.length() && s.charAt(i) == '.' && Character.isJavaIdentifierStart(s.charAt(i + 1))) {
            i = identifierEnd(s, i + 1);
        }
        i = skipBlanks(s, i);
        if (i < s.length() && s.charAt(i) == '<') {
            i = skipBlanks(s, closingAngle(s, i));
        }
        while (i < s.length() && s.charAt(i) == '[') {
            int close = skipBlanks(s, i + 1);
            if (close >= s.length() || s.charAt(close) != ']') {
                return false; // an array access: an expression
            }
            i = skipBlanks(s, close + 1);
        }
        if (i >= s.length() || !Character.isJavaIdentifierStart(s.charAt(i))) {
            return false;
        }
        return !s.substring(i, identifierEnd(s, i)).equals("instanceof");
    }

    private static int closingAngle(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>' && --depth == 0) {
                return i + 1;
            } else if (c == ';' || c == '(' || c == '=') {
                return s.length(); // not type arguments
            }
        }
        return s.length();
    }

    private static int identifierEnd(String s, int i) {
        int end = i;
        while (end < s.length() && Character.isJavaIdentifierPart(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipBlanksAndComments(String s, int i) {
        while (true) {
            i = skipBlanks(s, i);
            if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? s.length() : close + 2;
            } else {
                return i;
            }
        }
    }
}
