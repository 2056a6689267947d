package dev.poolhit.sim.kd.net;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One direction of {@link DatagramFaults}: given the next datagram, what actually crosses now
 * (nothing, it, it twice, or a held-back earlier one after it). Synchronized: senders vary.
 */
final class FaultDice {
    private final DatagramFaults faults;
    private final SplittableRandom dice;
    private byte[] held;
    private long lost;

    FaultDice(DatagramFaults faults, long salt) {
        this.faults = faults;
        this.dice = new SplittableRandom(faults.seed() * 31 + salt);
    }

    synchronized List<byte[]> pass(byte[] datagram) {
        List<byte[]> out = new ArrayList<>(3);
        if (faults.isNone()) {
            out.add(datagram);
            return out;
        }
        if (dice.nextDouble() < faults.lossRate()) {
            lost++;
        } else if (held == null && dice.nextDouble() < faults.reorderRate()) {
            held = datagram;
            return out;
        } else {
            out.add(datagram);
            if (dice.nextDouble() < faults.duplicateRate()) {
                out.add(datagram);
            }
        }
        if (held != null) {
            out.add(held);
            held = null;
        }
        return out;
    }

    synchronized long lost() {
        return lost;
    }
}
