package dev.poolhit.target.symbol;

import java.util.Optional;

/**
 * The short form WinDbg shows for simple MSVC-decorated names (it undecorates publics by default):
 * {@code ?crashing_function@@YAXXZ} is {@code crashing_function}, {@code ?foo@X@@QEAAXXZ} is
 * {@code X::foo}, {@code ??1bad_alloc@std@@UEAA@XZ} is {@code std::bad_alloc::~bad_alloc}.
 * Anything with templates, back-references or special names stays decorated (empty result).
 * x86 C names lose their calling-convention marks as WinDbg shows them: {@code _PoolHitTag} and
 * {@code _memset} (cdecl), {@code _ExFreePoolWithTag@8} (stdcall) and {@code @IofCallDriver@8}
 * (fastcall) are {@code PoolHitTag}, {@code memset}, {@code ExFreePoolWithTag}, {@code IofCallDriver}.
 * x64 has no such marks, so an x64 name starting with '_' is stripped only if {@code x86}.
 */
final class MsvcNames {
    private MsvcNames() {}

    /** The x86 C name without its {@code _}/{@code @} prefix and {@code @N} suffix; empty when not such a name. */
    static Optional<String> undecorateX86(String name) {
        if (name.length() < 2 || (name.charAt(0) != '_' && name.charAt(0) != '@')) {
            return Optional.empty();
        }
        String body = name.substring(1);
        int at = body.lastIndexOf('@');
        if (at >= 0) {
            String bytes = body.substring(at + 1);
            if (bytes.isEmpty() || !bytes.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            body = body.substring(0, at);
        } else if (name.charAt(0) == '@') {
            return Optional.empty();
        }
        boolean plain = !body.isEmpty() && Character.isJavaIdentifierStart(body.charAt(0))
                && body.chars().allMatch(c -> Character.isJavaIdentifierPart(c) && c != '$');
        return plain ? Optional.of(body) : Optional.empty();
    }

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
