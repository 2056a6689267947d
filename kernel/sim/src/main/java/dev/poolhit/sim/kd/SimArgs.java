package dev.poolhit.sim.kd;

import dev.poolhit.sim.Architecture;
import java.time.Duration;
import java.util.Locale;

/**
 * Command line of {@link SimMain}:
 * {@code --port 0 --seed 1 [--baud 115200] [--drop R] [--corrupt R] [--duplicate R] [--delay R]
 * [--delay-ms N] [--cut-after N] [--events-per-second N] [--processors N] [--initial-break]
 * [--load-symbols] [--no-boot-print] [--accept-timeout-seconds N] [--arch x64|x86] [--extra-drivers N]
 * [--late-driver-after N]}. Rates are per packet, both ways.
 */
record SimArgs(int port, SimConfig config, Duration acceptTimeout) {
    static final String USAGE = "usage: SimMain --port 0 --seed 1 [--baud 115200] [--drop R] [--corrupt R]"
            + " [--duplicate R] [--delay R] [--delay-ms N] [--cut-after N] [--events-per-second N]"
            + " [--processors N] [--initial-break] [--load-symbols] [--no-boot-print] [--accept-timeout-seconds N]"
            + " [--arch x64|x86] [--extra-drivers N] [--late-driver-after N]";

    /** @throws IllegalArgumentException naming the bad option */
    static SimArgs parse(String[] args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (b.flag(option)) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            b.value(option, args[++i]);
        }
        return b.build();
    }

    /** Collects option values; defaults are SimConfig.DEFAULT's. */
    private static final class Builder {
        private int port;
        private long seed = SimConfig.DEFAULT.machine().seed();
        private long baud;
        private double drop;
        private double corrupt;
        private double duplicate;
        private double delay;
        private long delayMs = 100;
        private long cutAfter;
        private double eventsPerSecond = SimConfig.DEFAULT.eventsPerSecond();
        private int processors = SimConfig.DEFAULT.machine().processors();
        private boolean initialBreak;
        private boolean loadSymbols;
        private boolean bootPrint = true;
        private long acceptSeconds = 600;
        private Architecture arch = Architecture.X64;
        private int extraDrivers;
        private long lateDriverAfter;

        boolean flag(String option) {
            switch (option) {
                case "--initial-break" -> initialBreak = true;
                case "--load-symbols" -> loadSymbols = true;
                case "--no-boot-print" -> bootPrint = false;
                default -> {
                    return false;
                }
            }
            return true;
        }

        void value(String option, String text) {
            try {
                switch (option) {
                    case "--port" -> port = Integer.parseInt(text);
                    case "--seed" -> seed = Long.parseLong(text);
                    case "--baud" -> baud = Long.parseLong(text);
                    case "--drop" -> drop = Double.parseDouble(text);
                    case "--corrupt" -> corrupt = Double.parseDouble(text);
                    case "--duplicate" -> duplicate = Double.parseDouble(text);
                    case "--delay" -> delay = Double.parseDouble(text);
                    case "--delay-ms" -> delayMs = Long.parseLong(text);
                    case "--cut-after" -> cutAfter = Long.parseLong(text);
                    case "--events-per-second" -> eventsPerSecond = Double.parseDouble(text);
                    case "--processors" -> processors = Integer.parseInt(text);
                    case "--accept-timeout-seconds" -> acceptSeconds = Long.parseLong(text);
                    case "--arch" -> arch = Architecture.parse(text);
                    case "--extra-drivers" -> extraDrivers = Integer.parseInt(text);
                    case "--late-driver-after" -> lateDriverAfter = Long.parseLong(text);
                    default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "bad value for %s: expected a number, actual '%s'", option, text), e);
            }
        }

        SimArgs build() {
            ByteFaults faults = new ByteFaults(drop, corrupt, duplicate, delay, Duration.ofMillis(delayMs));
            LinkKnobs link = new LinkKnobs(baud, faults, faults, cutAfter, seed);
            SimConfig config = SimConfig.DEFAULT
                    .withMachine(SimConfig.DEFAULT.machine().withSeed(seed).withProcessors(processors)
                            .withArchitecture(arch).withExtraDrivers(extraDrivers)
                            .withLateDriverAfterEvents(lateDriverAfter))
                    .withLink(link).withEventsPerSecond(eventsPerSecond).withInitialBreak(initialBreak)
                    .withLoadSymbols(loadSymbols).withBootPrint(bootPrint);
            return new SimArgs(port, config, Duration.ofSeconds(acceptSeconds));
        }
    }
}
