package dev.poolhit.jupyter.java;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps javac and JShell on the JIT's first tier (C1). Every cell is three javac runs over a
 * large, flat profile, and C2 needs thousands of snippets and most of a core to compile javac,
 * so a fresh kernel's cells used to queue behind C2 for the first minutes (a {@code 1+1} cell at
 * 36-39 ms median over its first 200 runs; 26 ms with javac on C1), while the settled cost is the
 * same either way (17-18 ms). Only javac and JShell are excluded from C2: the analysis code (the
 * million-hit tables, {@code %save}/{@code %load}) runs twice as slow on C1 alone. Added at run
 * time through the DiagnosticCommand MBean ({@code jcmd Compiler.directives_add}), so it holds
 * however the kernel is launched, once per JVM.
 */
final class JitDirectives {
    private static final System.Logger LOG = System.getLogger(JitDirectives.class.getName());
    static final String RESOURCE = "jit-directives.json";
    private static final AtomicBoolean APPLIED = new AtomicBoolean();

    private JitDirectives() {
    }

    /** Adds the directives unless already added; true when the JVM took them (now or before). */
    static boolean apply() {
        if (APPLIED.getAndSet(true)) {
            return true;
        }
        try {
            Path file = Files.createTempFile("poolhit-jit-", ".json");
            try {
                copyResource(file);
                String reply = diagnosticCommand("compilerDirectivesAdd", file.toString());
                LOG.log(System.Logger.Level.DEBUG, "JIT directives: " + reply.strip());
                return reply.contains("added");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | JMException | RuntimeException e) {
            // another JVM, or management disabled: cells are then only slower while the JIT warms up
            LOG.log(System.Logger.Level.DEBUG, "JIT directives not applied: " + e);
            return false;
        }
    }

    /** The JVM's answer to a DiagnosticCommand operation (as jcmd prints it). */
    static String diagnosticCommand(String operation, String... args) throws JMException {
        Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {args}, new String[] {String[].class.getName()});
        return String.valueOf(reply);
    }

    private static void copyResource(Path file) throws IOException {
        try (InputStream in = Objects.requireNonNull(JitDirectives.class.getResourceAsStream(RESOURCE),
                RESOURCE + " missing from the kernel jar")) {
            Files.write(file, in.readAllBytes());
        }
    }
}
