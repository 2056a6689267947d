package dev.poolhit.jupyter.magic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One invocation of a magic, with its tokens already split into positionals and the magic's
 * declared options. Accessors that validate throw {@link MagicUsageException} with exact
 * messages, e.g. {@code --timeout: expected an integer, got 'soon'}.
 */
public final class MagicCall {
    private final Magic magic;
    private final List<String> positionals;
    private final Map<String, String> options;
    private final String body;

    private MagicCall(Magic magic, List<String> positionals, Map<String, String> options, String body) {
        this.magic = magic;
        this.positionals = List.copyOf(positionals);
        this.options = Map.copyOf(options);
        this.body = body;
    }

    /** Splits {@code tokens} against {@code magic}'s options; {@code body} is null for line magics. */
    public static MagicCall parse(Magic magic, List<String> tokens, String body) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--")) {
                positionals.addAll(tokens.subList(i + 1, tokens.size()));
                break;
            }
            if (isSingleDashOption(token)) {
                throw new MagicUsageException("unknown option " + token + " for " + magic.prefix() + magic.name()
                        + ": options are spelled --name (put -- before an argument that starts with -)", magic.usage());
            }
            if (!token.startsWith("--") || token.length() == 2) {
                positionals.add(token);
                continue;
            }
            int eq = token.indexOf('=');
            String name = eq < 0 ? token : token.substring(0, eq);
            MagicOption option = magic.option(name);
            if (option == null) {
                throw new MagicUsageException("unknown option " + name + " for " + magic.prefix() + magic.name()
                        + Suggest.didYouMean(name, magic.options().stream().map(MagicOption::name).toList()),
                        magic.usage());
            }
            if (options.containsKey(name)) {
                throw new MagicUsageException("option " + name + " given twice", magic.usage());
            }
            options.put(name, optionValue(magic, option, token, eq, tokens, i));
            if (option.takesValue() && eq < 0) {
                i++;
            }
        }
        return new MagicCall(magic, positionals, options, body);
    }

    /** {@code -t} or {@code -timeout}: a mistyped option, not an argument (negative numbers stay arguments). */
    private static boolean isSingleDashOption(String token) {
        return token.length() > 1 && token.charAt(0) == '-' && Character.isLetter(token.charAt(1));
    }

    private static String optionValue(Magic magic, MagicOption option, String token, int eq,
                                      List<String> tokens, int i) {
        if (!option.takesValue()) {
            if (eq >= 0) {
                throw new MagicUsageException("option " + option.name() + " takes no value", magic.usage());
            }
            return "";
        }
        if (eq >= 0) {
            return token.substring(eq + 1);
        }
        if (i + 1 >= tokens.size()) {
            throw new MagicUsageException("option " + option.name() + " needs a value ("
                    + option.argument() + ")", magic.usage());
        }
        return tokens.get(i + 1);
    }

    public Magic magic() {
        return magic;
    }

    /** Arguments that are not options, in order. */
    public List<String> positionals() {
        return positionals;
    }

    /** Throws unless there are between {@code min} and {@code max} positionals. */
    public MagicCall expectPositionals(int min, int max) {
        String who = magic.prefix() + magic.name();
        if (positionals.size() < min) {
            throw usageError(who + " needs " + (min == max ? "" : "at least ") + min + " argument"
                    + (min == 1 ? "" : "s") + ", got " + positionals.size());
        }
        if (positionals.size() > max) {
            throw usageError(who + " takes at most " + max + " argument" + (max == 1 ? "" : "s")
                    + ", got " + positionals.size());
        }
        return this;
    }

    /** The {@code index}th positional, or {@code fallback} when absent. */
    public String positional(int index, String fallback) {
        return index < positionals.size() ? positionals.get(index) : fallback;
    }

    /** The value of a declared option, if given. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** True when flag {@code name} was given. */
    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** An integer option, or {@code fallback} when absent. */
    public long longOption(String name, long fallback) {
        return option(name).map(v -> parseLong(name, v)).orElse(fallback);
    }

    /** An integer option within {@code [min, max]}, or {@code fallback} when absent. */
    public long longOption(String name, long fallback, long min, long max) {
        return option(name).map(v -> longInRange(name, v, min, max)).orElse(fallback);
    }

    /**
     * Parses a positional or option value as a decimal or 0x-hex integer (ASCII digits only: a
     * Unicode digit such as {@code ٣} is not a number here, as it is not in WinDbg).
     */
    public long parseLong(String what, String value) {
        BigInteger n = IntegerText.parse(value).orElseThrow(() -> notAnInteger(what, value));
        if (!IntegerText.fits64(n)) {
            throw usageError(what + ": " + value + " does not fit in 64 bits");
        }
        return n.longValue();
    }

    /**
     * Parses an integer that must lie in {@code [min, max]}; a value too large for 64 bits is out
     * of range like any other: {@code N must be 1..10000000, got 99999999999999999999}.
     */
    public long longInRange(String what, String value, long min, long max) {
        BigInteger n = IntegerText.parse(value).orElseThrow(() -> notAnInteger(what, value));
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw usageError(what + " must be " + min + ".." + max + ", got " + value);
        }
        return n.longValueExact();
    }

    private MagicUsageException notAnInteger(String what, String value) {
        return usageError(what + ": expected an integer, got '" + value + "'");
    }

    /** The cell body of a cell magic ("" when the cell has only the magic line); null for line magics. */
    public String body() {
        return body;
    }

    /** A usage error carrying this magic's usage line; throw it. */
    public MagicUsageException usageError(String message) {
        return new MagicUsageException(message, magic.usage());
    }
}
