package dev.poolhit.kd.transport.kdnet;

import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code %connect net:} spec: {@code net:port=50000,key=w.x.y.z[,host=IP][,target=IP]}.
 * {@code host=} restricts the local bind address (default: all interfaces, as WinDbg);
 * {@code target=} accepts datagrams from that address only. The key may come from the environment:
 * {@code key=env:NAME}, or no {@code key=} at all to use {@code POOLHIT_KDNET_KEY}, so notebooks
 * need not contain it. {@link #toString()} never shows the key.
 */
public record KdnetSpec(int port, KdnetKey key, Optional<String> host, Optional<String> target) {
    public static final String KEY_VARIABLE = "POOLHIT_KDNET_KEY";
    public static final int DEFAULT_PORT = 50000;

    /** Parses with the process environment. */
    public static KdnetSpec parse(String spec) {
        return parse(spec, System::getenv);
    }

    /**
     * @param env looks up environment variables (tests pass a map)
     * @throws IllegalArgumentException naming the rule broken, never echoing the key
     */
    public static KdnetSpec parse(String spec, Function<String, String> env) {
        if (!spec.startsWith("net:")) {
            throw new IllegalArgumentException("KDNET spec must start with net: (net:port=50000,key=w.x.y.z): '"
                    + redact(spec) + "'");
        }
        int port = DEFAULT_PORT;
        String key = null;
        String host = null;
        String target = null;
        for (String option : spec.substring(4).split(",")) {
            if (option.isBlank()) {
                continue;
            }
            int eq = option.indexOf('=');
            String name = eq < 0 ? option.strip() : option.substring(0, eq).strip();
            String value = eq < 0 ? "" : option.substring(eq + 1).strip();
            switch (name) {
                case "port" -> port = port(value);
                case "key" -> key = value;
                case "host" -> host = value;
                case "target" -> target = value;
                default -> throw new IllegalArgumentException("unknown KDNET option '" + name
                        + "': expected port, key, host or target");
            }
        }
        return new KdnetSpec(port, key(key, env), Optional.ofNullable(host).filter(h -> !h.isEmpty()),
                Optional.ofNullable(target).filter(t -> !t.isEmpty()));
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new IllegalArgumentException("KDNET port must be 0..65535, got '" + value + "'");
    }

    private static KdnetKey key(String given, Function<String, String> env) {
        String text = given;
        String from = "key=";
        if (given == null || given.startsWith("env:")) {
            String variable = given == null ? KEY_VARIABLE : given.substring(4);
            text = env.apply(variable);
            from = "environment variable " + variable;
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("KDNET key missing: " + from + " is not set"
                        + (given == null ? " (or give key=w.x.y.z or key=env:NAME)" : ""));
            }
        }
        try {
            return KdnetKey.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KDNET key from " + from + " is invalid (value not shown): expected"
                    + " 4 dot-separated base-36 parts (0-9, a-z), each 1-13 digits fitting 64 bits");
        }
    }

    /** A spec string with any {@code key=} value replaced by {@code ***}, for messages and logs. */
    public static String redact(String spec) {
        return spec.replaceAll("(key=)(?!env:)[^,]*", "$1***");
    }

    @Override
    public String toString() {
        return "net:port=" + port + ",key=***" + host.map(h -> ",host=" + h).orElse("")
                + target.map(t -> ",target=" + t).orElse("");
    }
}
