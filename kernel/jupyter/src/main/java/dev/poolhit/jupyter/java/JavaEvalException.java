package dev.poolhit.jupyter.java;

import dev.poolhit.jupyter.CellException;
import java.util.List;

/** A Java cell that threw: the user's exception class, message and the cell frames only. */
public final class JavaEvalException extends CellException {
    private static final long serialVersionUID = 1L;
    private final String exceptionClass;
    private final transient List<String> frames;

    JavaEvalException(String exceptionClass, String message, List<String> frames) {
        super(message == null ? exceptionClass : exceptionClass + ": " + message);
        this.exceptionClass = exceptionClass;
        this.frames = List.copyOf(frames);
    }

    /** Fully qualified name of the exception the cell threw, e.g. {@code java.lang.StackOverflowError}. */
    public String exceptionClass() {
        return exceptionClass;
    }

    /** {@code java.lang.IllegalStateException: message}, as Java prints it. */
    @Override
    public String title() {
        return getMessage();
    }

    @Override
    public String errorName() {
        return exceptionClass.substring(exceptionClass.lastIndexOf('.') + 1);
    }

    @Override
    public List<String> detailLines() {
        return frames;
    }
}
