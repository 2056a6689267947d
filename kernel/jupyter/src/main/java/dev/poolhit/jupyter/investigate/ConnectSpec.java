package dev.poolhit.jupyter.investigate;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What {@code %connect} was asked to attach to: {@code sim[:seed=N,rate=EVENTS_PER_S]} (the
 * built-in simulated target, in-process) or a KDCOM transport spec handed to the kd layer
 * ({@code tcp:HOST:PORT}, {@code tcp-listen:PORT} (the target connects to us), {@code pipe:NAME},
 * {@code serial:DEVICE[,BAUD]}).
 *
 * @param text the spec as the user gave it
 * @param sim  true for the simulated target
 * @param seed the simulator's workload seed, if given
 * @param rate the simulator's pool events per second, if given (0 = as fast as possible)
 */
record ConnectSpec(String text, boolean sim, OptionalLong seed, OptionalDouble rate) {
    static final String FORMS = "expected sim, sim:seed=N,rate=R, tcp:HOST:PORT, tcp-listen:PORT, pipe:NAME or serial:DEVICE[,BAUD]";

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    static ConnectSpec parse(String text) {
        if (text.equals("sim")) {
            return new ConnectSpec(text, true, OptionalLong.empty(), OptionalDouble.empty());
        }
        if (text.startsWith("sim:")) {
            return simWith(text, text.substring(4));
        }
        if (text.startsWith("net:")) {
            throw new IllegalArgumentException("KDNET is not supported yet (" + text + "): connect over KDCOM instead,"
                    + " e.g. the VM's serial port as tcp:HOST:PORT");
        }
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? text : text.substring(0, colon);
        if (!List.of("tcp", "tcp-listen", "pipe", "serial").contains(scheme)) {
            throw new IllegalArgumentException("unknown target '" + text + "': " + FORMS);
        }
        if (colon == text.length() - 1 || colon < 0) {
            throw new IllegalArgumentException("'" + text + "' names no " + scheme + " endpoint: " + FORMS);
        }
        return new ConnectSpec(text, false, OptionalLong.empty(), OptionalDouble.empty());
    }

    private static ConnectSpec simWith(String text, String parameters) {
        OptionalLong seed = OptionalLong.empty();
        OptionalDouble rate = OptionalDouble.empty();
        for (String p : parameters.split(",")) {
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq);
            String value = eq < 0 ? "" : p.substring(eq + 1);
            try {
                switch (key) {
                    case "seed" -> seed = OptionalLong.of(Long.parseLong(value));
                    case "rate" -> rate = OptionalDouble.of(nonNegative(Double.parseDouble(value)));
                    default -> throw new IllegalArgumentException("unknown sim parameter '" + key + "' in " + text
                            + ": expected seed=N or rate=EVENTS_PER_SECOND");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sim parameter " + key + ": expected a number, got '" + value + "'");
            }
        }
        return new ConnectSpec(text, true, seed, rate);
    }

    private static double nonNegative(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("sim parameter rate: expected events per second >= 0, got " + rate);
        }
        return rate;
    }
}
