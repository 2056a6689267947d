/**
 * The trace file of {@code %save}/{@code %load} and of streaming recordings; the format is
 * documented in {@code kernel/pool/TRACE-FORMAT.md}.
 */
package dev.poolhit.pool.file;
