/**
 * Tables and analyses built from a trace snapshot: {@link dev.poolhit.pool.analysis.TraceTables}
 * (hits, frames, stacks, outstanding, chart series), {@link dev.poolhit.pool.analysis.Pairing}
 * and the {@code %leaks} {@link dev.poolhit.pool.analysis.LeakReport}.
 */
package dev.poolhit.pool.analysis;
