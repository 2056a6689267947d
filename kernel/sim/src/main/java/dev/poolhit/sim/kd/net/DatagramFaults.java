package dev.poolhit.sim.kd.net;

/**
 * Seeded faults on a simulated KDNET target's datagrams, both directions (each its own dice):
 * lose one, swap it with the next one, or deliver it twice. Rates are per datagram, in [0, 1].
 */
public record DatagramFaults(double lossRate, double reorderRate, double duplicateRate, long seed) {
    public static final DatagramFaults NONE = new DatagramFaults(0, 0, 0, 1);

    public DatagramFaults {
        for (double r : new double[] {lossRate, reorderRate, duplicateRate}) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("fault rate must be within [0, 1], actual " + r);
            }
        }
    }

    public boolean isNone() {
        return lossRate == 0 && reorderRate == 0 && duplicateRate == 0;
    }
}
