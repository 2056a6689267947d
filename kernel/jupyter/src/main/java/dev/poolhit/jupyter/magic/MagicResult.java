package dev.poolhit.jupyter.magic;

/**
 * What a magic produced.
 *
 * @param value   the domain object to render, or null for no output
 * @param boundTo the JShell variable the value was bound to, or null
 */
public record MagicResult(Object value, String boundTo) {
}
