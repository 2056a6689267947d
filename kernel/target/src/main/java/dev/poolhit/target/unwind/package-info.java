/** The x64 unwinder: RUNTIME_FUNCTION lookup, UNWIND_INFO v1/v2 codes, chains and epilog simulation. */
package dev.poolhit.target.unwind;
