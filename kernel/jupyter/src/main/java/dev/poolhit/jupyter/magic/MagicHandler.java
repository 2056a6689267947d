package dev.poolhit.jupyter.magic;

/**
 * The body of a magic: turns a parsed call into a domain object (a Tablesaw table, a chart, a
 * record, a String) that the kernel's renderer displays, or null for no output. Throw
 * {@link MagicUsageException} (via {@link MagicCall#usageError}) for bad arguments; any other
 * exception is shown as an error from this magic.
 */
@FunctionalInterface
public interface MagicHandler {
    Object run(MagicCall call) throws Exception;
}
