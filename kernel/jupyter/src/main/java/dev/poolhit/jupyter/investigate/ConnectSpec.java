package dev.poolhit.jupyter.investigate;

import dev.poolhit.kd.transport.kdnet.KdnetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What {@code %connect} was asked to attach to: {@code sim[:net,seed=N,rate=EVENTS_PER_S]} (the
 * built-in simulated target, in-process; {@code net} makes it speak KDNET over loopback UDP) or a
 * transport spec handed to the kd layer ({@code tcp:HOST:PORT}, {@code tcp-listen:PORT} (the
 * target connects to us), {@code pipe:NAME}, {@code serial:DEVICE[,BAUD]},
 * {@code net:port=50000,key=a.b.c.d[,host=IP][,target=IP]}).
 *
 * @param text the spec as shown to people: a KDNET key is replaced by {@code ***}, so it never
 *             reaches a notebook, a trace file or a log
 * @param open the spec as the user gave it, for the kd layer only
 * @param sim  true for the simulated target
 * @param net  true for KDNET (a real target, or the simulator with {@code sim:net})
 * @param seed the simulator's workload seed, if given
 * @param rate the simulator's pool events per second, if given (0 = as fast as possible)
 * @param cut  the simulator cuts its link after sending this many packets (a test knob; a reconnect plugs it back in)
 */
record ConnectSpec(String text, String open, boolean sim, boolean net, OptionalLong seed, OptionalDouble rate,
                   OptionalLong cut) {
    static final String FORMS = "expected sim, sim:net,seed=N,rate=R, tcp:HOST:PORT, tcp-listen:PORT, pipe:NAME,"
            + " serial:DEVICE[,BAUD] or net:port=P,key=K";
    static final String SIM_PARAMETERS = "expected net, seed=N or rate=EVENTS_PER_SECOND";
    static final long MIN_BAUD = 50;
    static final long MAX_BAUD = 4_000_000;

    @Override
    public String toString() {
        return text;
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    static ConnectSpec parse(String text) {
        if (text.equals("sim")) {
            return new ConnectSpec(text, text, true, false, OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty());
        }
        if (text.startsWith("sim:")) {
            return simWith(text, text.substring(4));
        }
        if (text.startsWith("net:")) {
            onlyOnce(text.substring(4), "KDNET option");
            String shown = KdnetSpec.redact(text);
            KdnetSpec.parse(text); // checked now (its messages never echo the key): a bad key is a usage error
            return new ConnectSpec(shown, text, false, true, OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty());
        }
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? text : text.substring(0, colon);
        if (!List.of("tcp", "tcp-listen", "pipe", "serial").contains(scheme)) {
            throw new IllegalArgumentException("unknown target '" + text + "': " + FORMS);
        }
        if (colon == text.length() - 1 || colon < 0) {
            throw new IllegalArgumentException("'" + text + "' names no " + scheme + " endpoint: " + FORMS);
        }
        checkNumbers(text, scheme, text.substring(colon + 1));
        return new ConnectSpec(text, text, false, false, OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty());
    }

    /**
     * The kd layer parses these specs again when it opens them; checking the numbers here gives
     * one message naming the rule (a port of 70000 would otherwise surface as Java's "port out of
     * range:70000", a bad baud rate or a missing device as stty's complaint).
     */
    private static void checkNumbers(String text, String scheme, String rest) {
        switch (scheme) {
            case "tcp" -> {
                int last = rest.lastIndexOf(':');
                if (last > 0) {
                    number(scheme + " port", rest.substring(last + 1), 1, 65535, text);
                }
            }
            case "tcp-listen" -> number(scheme + " port", rest, 1, 65535, text);
            case "serial" -> {
                int comma = rest.indexOf(',');
                if (comma >= 0) {
                    number("serial baud rate", rest.substring(comma + 1), MIN_BAUD, MAX_BAUD, text);
                }
                String device = comma < 0 ? rest : rest.substring(0, comma);
                if (!Files.exists(Path.of(device))) { // else stty's own complaint, in the user's locale
                    throw new IllegalArgumentException("no such serial device: '" + device + "' in '" + text + "'");
                }
            }
            default -> { }
        }
    }

    private static void number(String what, String value, long min, long max, String text) {
        boolean digits = !value.isEmpty() && value.length() <= 10 && value.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || Long.parseLong(value) < min || Long.parseLong(value) > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got '" + value + "' in '"
                    + text + "'");
        }
    }

    /** {@code seed=1,seed=2}: the second would silently win. */
    private static void onlyOnce(String parameters, String what) {
        Set<String> seen = new HashSet<>();
        for (String p : parameters.split(",")) {
            String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
            if (!key.isEmpty() && !seen.add(key)) {
                throw new IllegalArgumentException(what + " '" + key + "' given twice");
            }
        }
    }

    private static ConnectSpec simWith(String text, String parameters) {
        OptionalLong seed = OptionalLong.empty();
        OptionalDouble rate = OptionalDouble.empty();
        OptionalLong cut = OptionalLong.empty();
        boolean net = false;
        onlyOnce(parameters, "sim parameter");
        for (String p : parameters.split(",", -1)) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty sim parameter in '" + text + "': " + SIM_PARAMETERS);
            }
            if (p.equals("net")) {
                net = true;
                continue;
            }
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq);
            String value = eq < 0 ? "" : p.substring(eq + 1);
            try {
                switch (key) {
                    case "seed" -> seed = OptionalLong.of(seed(value));
                    case "rate" -> rate = OptionalDouble.of(nonNegative(Double.parseDouble(value)));
                    case "net" -> throw new IllegalArgumentException("sim parameter net takes no value, got '" + p
                            + "' in '" + text + "'");
                    case "cut" -> cut = OptionalLong.of(Math.max(1, seed(value)));
                    default -> throw new IllegalArgumentException("unknown sim parameter '" + key + "' in " + text
                            + ": " + SIM_PARAMETERS);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sim parameter " + key + ": expected a number, got '" + value + "'");
            }
        }
        return new ConnectSpec(text, text, true, net, seed, rate, cut);
    }

    /** ASCII digits only: Long.parseLong would take Unicode digits ("١" = 1). */
    private static long seed(String value) {
        if (!value.matches("-?[0-9]+")) {
            throw new NumberFormatException(value);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sim parameter seed: '" + value + "' does not fit in 64 bits");
        }
    }

    private static double nonNegative(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("sim parameter rate: expected events per second >= 0, got " + rate);
        }
        return rate;
    }
}
