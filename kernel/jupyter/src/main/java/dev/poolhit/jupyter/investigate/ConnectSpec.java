package dev.poolhit.jupyter.investigate;

import dev.poolhit.kd.transport.kdnet.KdnetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code %connect} was asked to attach to: {@code sim[:PARAMS]} ({@link SimKnobs}: the
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
 * @param knobs the simulator's parameters ({@link SimKnobs#NONE} for a real target)
 */
record ConnectSpec(String text, String open, boolean sim, boolean net, SimKnobs knobs) {
    static final String FORMS = "expected sim[:PARAMS], tcp:HOST:PORT, tcp-listen:PORT, pipe:NAME,"
            + " serial:DEVICE[,BAUD] or net:port=P,key=K";
    static final long MIN_BAUD = 50;
    static final long MAX_BAUD = 4_000_000;

    @Override
    public String toString() {
        return text;
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    static ConnectSpec parse(String text) {
        if (text.equals("sim")) {
            return new ConnectSpec(text, text, true, false, SimKnobs.NONE);
        }
        if (text.startsWith("sim:")) {
            return simWith(text, text.substring(4));
        }
        if (text.startsWith("net:")) {
            onlyOnce(text.substring(4), "KDNET option");
            String shown = KdnetSpec.redact(text);
            KdnetSpec.parse(text); // checked now (its messages never echo the key): a bad key is a usage error
            return new ConnectSpec(shown, text, false, true, SimKnobs.NONE);
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
        return new ConnectSpec(text, text, false, false, SimKnobs.NONE);
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
        onlyOnce(parameters, "sim parameter");
        SimKnobs knobs = SimKnobs.parse(text, parameters);
        return new ConnectSpec(text, text, true, knobs.net(), knobs);
    }
}
