package dev.poolhit.jupyter.kernel;

import dev.poolhit.jupyter.display.Display;
import dev.poolhit.jupyter.display.DisplaySink;
import dev.poolhit.jupyter.java.JavaEvaluator;
import dev.poolhit.jupyter.magic.BuiltinMagics;
import dev.poolhit.jupyter.magic.MagicProvider;
import dev.poolhit.jupyter.magic.MagicRegistry;
import dev.poolhit.jupyter.magic.MagicRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs cells in-process exactly as the kernel does (same parser, magics, JShell), without
 * ZeroMQ or Jupyter: for JUnit tests of magics, e.g.
 * {@code assertEquals(3, ((Table) harness.exec("%trace 3").orElseThrow()).rowCount())}.
 * Displays (from {@code display(...)} and non-final magic results) are collected in
 * {@link #displayed()}. Close it to stop JShell.
 */
public final class CellHarness implements AutoCloseable {
    private final JavaEvaluator java;
    private final MagicRegistry magics = new MagicRegistry();
    private final List<Object> displayed = new ArrayList<>();
    private final CellRunner runner;

    /** Built-in magics plus every {@link MagicProvider} on the class path, as in the kernel. */
    public CellHarness() {
        BuiltinMagics.registerInto(magics);
        List<MagicProvider> providers = ServiceLoader.load(MagicProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        providers.forEach(p -> p.register(magics));
        java = new JavaEvaluator(providers.stream().flatMap(p -> p.cellImports().stream()).toList());
        runner = new CellRunner(java, new MagicRunner(magics, java::bind), displayed::add);
        Display.setSink(new DisplaySink() {
            @Override
            public void display(Object value, String id) {
                displayed.add(value);
            }

            @Override
            public void update(String id, Object value) {
                displayed.add(value);
            }
        });
    }

    /** The registry, to add magics under test. */
    public MagicRegistry magics() {
        return magics;
    }

    /** Runs one cell and returns what the kernel would display as its result (empty: nothing). */
    public Optional<Object> exec(String cell) throws Exception {
        return runner.run(cell);
    }

    /** Everything displayed so far, oldest first. */
    public List<Object> displayed() {
        return List.copyOf(displayed);
    }

    @Override
    public void close() {
        Display.setSink(null);
        java.close();
    }
}
