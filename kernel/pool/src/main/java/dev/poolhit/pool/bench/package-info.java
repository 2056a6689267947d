/** A seeded generator of realistic large traces, and the benchmark that prints issue 11's figures. */
package dev.poolhit.pool.bench;
