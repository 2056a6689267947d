/** Target memory: the per-break-epoch page cache and the table of our own code patches hidden from readers. */
package dev.poolhit.target.memory;
