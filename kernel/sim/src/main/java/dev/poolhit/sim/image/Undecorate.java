package dev.poolhit.sim.image;

/**
 * x86 symbol names as WinDbg prints them: {@code _Name@N} (stdcall) and {@code @Name@N} (fastcall)
 * lose the prefix and the argument-byte suffix, {@code _name} (cdecl) loses the underscore; C++
 * and compiler-generated names ({@code ??_C@...}) stay as they are.
 */
final class Undecorate {
    private Undecorate() {}

    static String name(String decorated) {
        if (decorated.startsWith("?") || decorated.length() < 2) {
            return decorated;
        }
        char first = decorated.charAt(0);
        if (first != '_' && first != '@') {
            return decorated;
        }
        String body = decorated.substring(1);
        int at = body.lastIndexOf('@');
        if (at > 0 && body.substring(at + 1).chars().allMatch(Character::isDigit) && at + 1 < body.length()) {
            return body.substring(0, at);
        }
        return first == '_' ? body : decorated;
    }
}
