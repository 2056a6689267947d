package dev.poolhit.jupyter.kernel;

import dev.poolhit.jupyter.display.Display;
import dev.poolhit.jupyter.display.DisplayHandle;
import dev.poolhit.jupyter.display.DisplaySink;
import dev.poolhit.jupyter.display.KernelRenderers;
import dev.poolhit.jupyter.java.JavaEvaluator;
import dev.poolhit.jupyter.magic.BuiltinMagics;
import dev.poolhit.jupyter.magic.MagicAssist;
import dev.poolhit.jupyter.magic.MagicProvider;
import dev.poolhit.jupyter.magic.MagicRegistry;
import dev.poolhit.jupyter.magic.MagicRunner;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The PoolHit Jupyter kernel: cells are Java (JShell in this JVM) plus magics. {@link #eval}
 * is the pipeline parse, dispatch, evaluate, render. Magics come from {@link BuiltinMagics} and
 * every {@link MagicProvider} on the class path. Also repairs basekernel 2.3.0's protocol gaps ({@link ProtocolFixes}).
 */
public final class PoolHitKernel extends BaseKernel implements DisplaySink {
    static final String IMPLEMENTATION = "poolhit";
    static final String VERSION = "0.1.0";
    private static final System.Logger LOG = System.getLogger(PoolHitKernel.class.getName());

    private final JavaEvaluator java;
    private final MagicRegistry magics = new MagicRegistry();
    private final MagicAssist assist = new MagicAssist(magics);
    private final InMemoryHistory history = new InMemoryHistory();
    private final StdStreams streams = new StdStreams();
    private final CellRunner runner;
    private final List<MagicProvider> providers;
    private final LanguageInfo languageInfo = new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".java")
            .pygments("java")
            .codemirror("text/x-java")
            .build();

    public PoolHitKernel() {
        setShouldReplaceStdStreams(false);
        BuiltinMagics.registerInto(magics);
        providers = ServiceLoader.load(MagicProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        providers.forEach(p -> p.register(magics));
        java = new JavaEvaluator(providers.stream().flatMap(p -> p.cellImports().stream()).toList());
        KernelRenderers.registerAll(getRenderer());
        runner = new CellRunner(java, new MagicRunner(magics, java::bind), value -> display(value, null));
    }

    /** Redirects System.out/err through the batching streams and makes {@link Display} use this kernel. */
    public void start() {
        streams.install();
        Display.setSink(this);
    }

    /** Where other modules register their magics. */
    public MagicRegistry magics() {
        return magics;
    }

    /** The JShell session, for binding live objects from outside a cell. */
    public JavaEvaluator java() {
        return java;
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        int cell = executionCount.get() - 1;
        String output = "";
        streams.attach(getIO());
        try {
            Optional<Object> value = runner.run(code);
            if (value.isEmpty() || value.get() instanceof DisplayHandle) {
                return null;
            }
            DisplayData data = KernelRenderers.render(getRenderer(), value.get());
            output = String.valueOf(data.getData(MIMEType.TEXT_PLAIN));
            return data;
        } catch (Exception e) {
            throw e;
        } catch (Throwable t) { // an Error from a magic must not kill basekernel's shell thread
            throw new KernelError(t);
        } finally {
            streams.detach();
            history.add(cell, code, output);
        }
    }

    @Override
    public List<String> formatError(Exception e) {
        Throwable shown = e instanceof KernelError ? e.getCause() : e;
        ErrorNames.remember(shown);
        return ErrorLines.of(shown);
    }

    @Override
    public void display(Object value, String id) {
        requireCell();
        streams.drain();
        DisplayData data = KernelRenderers.render(getRenderer(), value);
        if (id != null) {
            data.setDisplayId(id);
        }
        getIO().display.display(data);
    }

    @Override
    public void update(String id, Object value) {
        requireCell();
        streams.drain();
        getIO().display.updateDisplay(id, KernelRenderers.render(getRenderer(), value));
    }

    private void requireCell() {
        if (!getIO().display.isAttached()) {
            throw new IllegalStateException("display() works only while a cell runs");
        }
    }

    @Override
    public ReplacementOptions complete(String code, int cursor) throws KernelError {
        try {
            MagicAssist.Completion magic = assist.complete(code, cursor);
            if (magic != null) {
                return new ReplacementOptions(magic.matches(), magic.start(), magic.end());
            }
            int[] anchor = {cursor};
            List<String> matches = java.complete(javaOnly(code), cursor, anchor);
            return new ReplacementOptions(matches, anchor[0], cursor);
        } catch (Error e) { // basekernel's loop survives only Exceptions
            throw new KernelError(e);
        }
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean extraDetail) throws KernelError {
        try {
            String help = assist.inspect(code, cursor);
            if (help == null) {
                List<String> docs = java.documentation(javaOnly(code), cursor);
                help = docs.isEmpty() ? null : String.join("\n\n", docs);
            }
            return help == null ? null : new DisplayData(help);
        } catch (Error e) {
            throw new KernelError(e);
        }
    }

    /** The cell with magic lines blanked out (same length, so cursor offsets stay valid). */
    private static String javaOnly(String code) {
        StringBuilder masked = new StringBuilder(code.length());
        for (String line : code.split("\n", -1)) {
            masked.append(line.startsWith("%") ? " ".repeat(line.length()) : line).append('\n');
        }
        return masked.substring(0, code.length());
    }

    @Override
    public String isComplete(String code) {
        if (code.stripLeading().startsWith("%%")) {
            return IS_COMPLETE_YES;
        }
        try {
            return switch (java.completeness(javaOnly(code))) {
                case "incomplete" -> "    ";
                case "invalid" -> IS_COMPLETE_BAD;
                default -> IS_COMPLETE_YES;
            };
        } catch (Error e) { // cannot throw here; an Error must not end basekernel's shell loop
            LOG.log(System.Logger.Level.WARNING, "is_complete failed; answering 'unknown'", e);
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "PoolHit " + VERSION + " - Java " + Runtime.version().feature()
                + " cells (JShell) and magics; %help explains";
    }

    @Override
    public void interrupt() {
        runner.interruptMagic();
    }

    @Override
    public void onShutdown(boolean restart) {
        for (MagicProvider p : providers) {
            try {
                p.onShutdown();
            } catch (RuntimeException e) { // one failing provider must not keep the others from cleaning up
                LOG.log(System.Logger.Level.WARNING, p.getClass().getName() + ".onShutdown failed", e);
            }
        }
        java.close();
        streams.close();
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        new ProtocolFixes(this, history).install(connection);
    }
}
