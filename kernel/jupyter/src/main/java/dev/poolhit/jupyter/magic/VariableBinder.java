package dev.poolhit.jupyter.magic;

/** Declares a JShell variable holding a live object (implemented by the Java evaluator). */
@FunctionalInterface
public interface VariableBinder {
    void bind(String name, Object value);
}
