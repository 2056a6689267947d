/** {@link dev.poolhit.pool.tag.PoolTag}: parsing, validating and printing pool tags. */
package dev.poolhit.pool.tag;
