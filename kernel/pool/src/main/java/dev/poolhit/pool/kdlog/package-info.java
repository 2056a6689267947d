/** {@code %import-kd-log}: WinDbg/kd logs of {@code k} output into a trace. */
package dev.poolhit.pool.kdlog;
