package dev.poolhit.target.symbol;

import java.util.Optional;

/**
 * The short form WinDbg shows for simple MSVC-decorated names (it undecorates publics by default):
 * {@code ?crashing_function@@YAXXZ} is {@code crashing_function}, {@code ?foo@X@@QEAAXXZ} is
 * {@code X::foo}, {@code ??1bad_alloc@std@@UEAA@XZ} is {@code std::bad_alloc::~bad_alloc}.
 * Anything with templates, back-references or special names stays decorated (empty result).
 */
final class MsvcNames {
    private MsvcNames() {}

    static Optional<String> undecorate(String name) {
        if (name.startsWith("??0") || name.startsWith("??1")) {
            Optional<String[]> scope = scope(name.substring(3));
            return scope.map(parts -> {
                String type = parts[0];
                return join(parts) + "::" + (name.charAt(2) == '1' ? "~" : "") + type;
            });
        }
        if (!name.startsWith("?") || name.startsWith("??")) {
            return Optional.empty();
        }
        return scope(name.substring(1)).map(MsvcNames::join);
    }

    /** The {@code @}-separated name parts before {@code @@}, innermost first; empty if any part is not a plain identifier. */
    private static Optional<String[]> scope(String body) {
        int end = body.indexOf("@@");
        if (end <= 0) {
            return Optional.empty();
        }
        String[] parts = body.substring(0, end).split("@", -1);
        for (String p : parts) {
            if (p.isEmpty() || !Character.isJavaIdentifierStart(p.charAt(0)) || p.chars().anyMatch(c -> c == '?' || c == '$')) {
                return Optional.empty();
            }
        }
        return Optional.of(parts);
    }

    private static String join(String[] innermostFirst) {
        StringBuilder s = new StringBuilder();
        for (int i = innermostFirst.length - 1; i >= 0; i--) {
            s.append(innermostFirst[i]).append(i > 0 ? "::" : "");
        }
        return s.toString();
    }
}
