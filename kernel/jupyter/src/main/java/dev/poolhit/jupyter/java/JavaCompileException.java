package dev.poolhit.jupyter.java;

import dev.poolhit.jupyter.CellException;
import java.util.List;

/** A Java cell that JShell rejected, with each diagnostic placed at its cell line and column. */
public final class JavaCompileException extends CellException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> details;

    JavaCompileException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    @Override
    public String errorName() {
        return "CompileError";
    }

    @Override
    public List<String> detailLines() {
        return details;
    }
}
