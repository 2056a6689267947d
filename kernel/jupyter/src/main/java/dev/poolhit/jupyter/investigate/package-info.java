/**
 * The investigation magics (product.md §4), thin over {@code dev.poolhit.pool} and
 * {@code dev.poolhit.target}: {@code %connect}/{@code %disconnect}/{@code %status}/{@code %symbols}
 * ({@code ConnectMagics}), {@code %poolhittag}/{@code %trace}/{@code %restore}
 * ({@code TraceMagics}), {@code %k %r %db %dd %dq %lm %g %break} ({@code DebugMagics}) and
 * {@code %leaks %save %load %import-kd-log} ({@code FileMagics}), registered by
 * {@link dev.poolhit.jupyter.investigate.InvestigationMagics}.
 *
 * <p>State lives in one {@link dev.poolhit.jupyter.investigate.Investigation} per kernel, which Java
 * cells reach through {@link dev.poolhit.jupyter.investigate.PoolHit}:
 * <pre>{@code
 * %connect sim
 * %poolhittag Lea2
 * %trace 500 --pair                       // binds hits
 * PoolHit.trace().frames()                // the whole trace's tables
 * PoolHit.session().machine()             // the simulator's ground truth (sim only)
 * }</pre>
 *
 * <p>Errors: every target or pool exception is translated once, in {@code Guard}, into an
 * {@link dev.poolhit.jupyter.investigate.InvestigationException} (one line: what, why, what to do).
 * Kernel shutdown interrupts a running trace, restores the target and detaches.
 */
package dev.poolhit.jupyter.investigate;
