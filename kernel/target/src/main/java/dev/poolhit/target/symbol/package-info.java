/** Symbol path, symbol server download and cache, symbol tables (PDB publics or exports) and the symbolizer. */
package dev.poolhit.target.symbol;
