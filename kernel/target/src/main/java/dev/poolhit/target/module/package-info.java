/** Loaded modules and their unsigned address lookup. */
package dev.poolhit.target.module;
