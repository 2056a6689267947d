package dev.poolhit.jupyter.investigate;

import dev.poolhit.kd.transport.kdnet.KdnetSpec;
import java.util.List;
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
        return new ConnectSpec(text, text, false, false, OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty());
    }

    private static ConnectSpec simWith(String text, String parameters) {
        OptionalLong seed = OptionalLong.empty();
        OptionalDouble rate = OptionalDouble.empty();
        OptionalLong cut = OptionalLong.empty();
        boolean net = false;
        for (String p : parameters.split(",")) {
            if (p.equals("net")) {
                net = true;
                continue;
            }
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq);
            String value = eq < 0 ? "" : p.substring(eq + 1);
            try {
                switch (key) {
                    case "seed" -> seed = OptionalLong.of(Long.parseLong(value));
                    case "rate" -> rate = OptionalDouble.of(nonNegative(Double.parseDouble(value)));
                    case "cut" -> cut = OptionalLong.of(Math.max(1, Long.parseLong(value)));
                    default -> throw new IllegalArgumentException("unknown sim parameter '" + key + "' in " + text
                            + ": expected net, seed=N or rate=EVENTS_PER_SECOND");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sim parameter " + key + ": expected a number, got '" + value + "'");
            }
        }
        return new ConnectSpec(text, text, true, net, seed, rate, cut);
    }

    private static double nonNegative(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("sim parameter rate: expected events per second >= 0, got " + rate);
        }
        return rate;
    }
}
