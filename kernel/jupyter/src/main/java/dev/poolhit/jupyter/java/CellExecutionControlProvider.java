package dev.poolhit.jupyter.java;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one in-process {@link CellExecutionControl} this kernel owns. */
final class CellExecutionControlProvider implements ExecutionControlProvider {
    private final CellExecutionControl control;

    CellExecutionControlProvider(CellExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "poolhit-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
