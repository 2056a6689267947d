package dev.poolhit.pool.trace;

/** A break site: the {@code int 3} address and its symbol, interned per trace. */
record Site(long address, String symbol) {}
