/**
 * The recording model: what a hit carries ({@link dev.poolhit.pool.trace.Hit},
 * {@link dev.poolhit.pool.trace.Frame}, missing values in {@link dev.poolhit.pool.trace.Missing})
 * and the compact in-memory {@link dev.poolhit.pool.trace.Trace} with its read-only
 * {@link dev.poolhit.pool.trace.TraceSnapshot}.
 */
package dev.poolhit.pool.trace;
