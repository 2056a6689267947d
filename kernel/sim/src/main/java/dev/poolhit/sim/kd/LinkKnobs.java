package dev.poolhit.sim.kd;

/**
 * The link between host and simulated target, for tests and benchmarks.
 *
 * @param baud              line speed; bytes pass no faster than {@code baud / 10} per second
 *                          (8N1 framing) in each direction; 0 = unlimited
 * @param toHost            faults on bytes the target sends
 * @param toTarget          faults on bytes the host sends
 * @param cutAfterPackets   the target closes the link after sending this many packets; 0 = never
 * @param seed              seed of the fault dice (same seed, same fault decisions per direction)
 */
public record LinkKnobs(long baud, ByteFaults toHost, ByteFaults toTarget, long cutAfterPackets, long seed) {
    public static final LinkKnobs PERFECT = new LinkKnobs(0, ByteFaults.NONE, ByteFaults.NONE, 0, 1);

    public LinkKnobs {
        if (baud < 0 || cutAfterPackets < 0) {
            throw new IllegalArgumentException("baud and cutAfterPackets must be >= 0, actual " + baud + ", "
                    + cutAfterPackets);
        }
        if (toHost == null || toTarget == null) {
            throw new IllegalArgumentException("faults must not be null (use ByteFaults.NONE)");
        }
    }

    public LinkKnobs withBaud(long value) {
        return new LinkKnobs(value, toHost, toTarget, cutAfterPackets, seed);
    }

    /** The same faults both ways. */
    public LinkKnobs withFaults(ByteFaults both) {
        return new LinkKnobs(baud, both, both, cutAfterPackets, seed);
    }

    public LinkKnobs withCutAfterPackets(long value) {
        return new LinkKnobs(baud, toHost, toTarget, value, seed);
    }

    public LinkKnobs withSeed(long value) {
        return new LinkKnobs(baud, toHost, toTarget, cutAfterPackets, value);
    }

    public boolean isPerfect() {
        return baud == 0 && toHost.isNone() && toTarget.isNone() && cutAfterPackets == 0;
    }
}
