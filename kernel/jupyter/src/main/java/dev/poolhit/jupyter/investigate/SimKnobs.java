package dev.poolhit.jupyter.investigate;

import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.kd.LinkKnobs;
import dev.poolhit.sim.kd.SimConfig;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The simulator's parameters in {@code %connect sim:PARAMS}: {@code net} (speak KDNET over loopback
 * UDP), {@code x86} (the 32-bit Windows 7 SP1 machine), {@code boot} (attach at boot: a load-symbols
 * stop for every module, then the initial break), {@code drivers=N} (N extra boot drivers),
 * {@code seed=N}, {@code rate=EVENTS_PER_SECOND} (0 = as fast as possible) and {@code cut=N} (a test
 * knob: the link drops after N packets; a reconnect plugs the same machine back in).
 */
record SimKnobs(boolean net, boolean x86, boolean boot, OptionalLong drivers, OptionalLong seed, OptionalDouble rate,
                OptionalLong cut) {
    static final SimKnobs NONE = new Builder().build();
    static final String PARAMETERS = "expected net, x86, boot, drivers=N, seed=N, rate=EVENTS_PER_SECOND or cut=N";
    static final int MAX_DRIVERS = 200;

    /** @throws IllegalArgumentException naming the parameter and the rule */
    static SimKnobs parse(String text, String parameters) {
        Builder k = new Builder();
        for (String p : parameters.split(",", -1)) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty sim parameter in '" + text + "': " + PARAMETERS);
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                k.flag(p, text);
            } else {
                k.value(p.substring(0, eq), p.substring(eq + 1), p, text);
            }
        }
        return k.build();
    }

    /** The simulator configuration these knobs describe. */
    SimConfig apply(SimConfig config) {
        SimConfig c = config;
        if (x86) {
            c = c.withArchitecture(Architecture.X86);
        }
        if (drivers.isPresent()) {
            c = c.withMachine(c.machine().withExtraDrivers((int) drivers.getAsLong()));
        }
        if (boot) {
            c = c.withLoadSymbols(true).withInitialBreak(true);
        }
        if (seed.isPresent()) {
            c = c.withSeed(seed.getAsLong());
        }
        if (rate.isPresent()) {
            c = c.withEventsPerSecond(rate.getAsDouble());
        }
        if (cut.isPresent()) {
            c = c.withLink(LinkKnobs.PERFECT.withCutAfterPackets(cut.getAsLong()));
        }
        return c;
    }

    /** The knobs while {@link #parse} reads them: each parameter sets its own field. */
    private static final class Builder {
        private boolean net;
        private boolean x86;
        private boolean boot;
        private OptionalLong drivers = OptionalLong.empty();
        private OptionalLong seed = OptionalLong.empty();
        private OptionalDouble rate = OptionalDouble.empty();
        private OptionalLong cut = OptionalLong.empty();

        void flag(String key, String text) {
            switch (key) {
                case "net" -> net = true;
                case "x86" -> x86 = true;
                case "boot" -> boot = true;
                case "seed", "rate", "cut", "drivers" -> throw new IllegalArgumentException(
                        "sim parameter " + key + ": expected a number, got ''");
                default -> throw unknown(key, text);
            }
        }

        void value(String key, String value, String p, String text) {
            try {
                switch (key) {
                    case "seed" -> seed = OptionalLong.of(integer(key, value));
                    case "rate" -> rate = OptionalDouble.of(nonNegative(Double.parseDouble(value)));
                    case "cut" -> cut = OptionalLong.of(Math.max(1, integer(key, value)));
                    case "drivers" -> drivers = OptionalLong.of(driverCount(value));
                    case "net", "x86", "boot" -> throw new IllegalArgumentException("sim parameter " + key
                            + " takes no value, got '" + p + "' in '" + text + "'");
                    default -> throw unknown(key, text);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sim parameter " + key + ": expected a number, got '" + value + "'");
            }
        }

        SimKnobs build() {
            return new SimKnobs(net, x86, boot, drivers, seed, rate, cut);
        }
    }

    private static IllegalArgumentException unknown(String key, String text) {
        return new IllegalArgumentException("unknown sim parameter '" + key + "' in " + text + ": " + PARAMETERS);
    }

    /** ASCII digits only: Long.parseLong would take Unicode digits ("١" = 1). */
    private static long integer(String key, String value) {
        if (!value.matches("-?[0-9]+")) {
            throw new NumberFormatException(value);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sim parameter " + key + ": '" + value + "' does not fit in 64 bits");
        }
    }

    private static long driverCount(String value) {
        long n = integer("drivers", value);
        if (n < 0 || n > MAX_DRIVERS) {
            throw new IllegalArgumentException("sim parameter drivers: expected 0.." + MAX_DRIVERS + ", got " + value);
        }
        return n;
    }

    private static double nonNegative(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("sim parameter rate: expected events per second >= 0, got " + rate);
        }
        return rate;
    }
}
