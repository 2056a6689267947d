/**
 * The investigation layer: pool tags ({@code .tag}), the recording of PoolHitTag hits
 * ({@code .trace}, {@code .record}), the tables, pairing and leak ranking built from it
 * ({@code .analysis}), the trace file ({@code .file}), the kd-log importer ({@code .kdlog}) and a
 * seeded generator of large traces for benchmarks ({@code .bench}). It knows no Jupyter and no
 * wire protocol: the debugger layer hands it {@link dev.poolhit.pool.trace.Hit} records.
 */
package dev.poolhit.pool;
