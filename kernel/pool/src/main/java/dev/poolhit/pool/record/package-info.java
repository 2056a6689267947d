/** The sink the live {@code %trace} loop feeds: memory plus a trace file flushed every second. */
package dev.poolhit.pool.record;
