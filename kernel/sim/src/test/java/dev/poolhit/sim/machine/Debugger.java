package dev.poolhit.sim.machine;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.sim.ManifestView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test driver that does what a KD client does to the machine: break in, write memory, step past int 3. */
final class Debugger {
    static final int LEA2 = 0x3261654c;

    final Machine machine;
    final List<StopEvent> stops = new ArrayList<>();

    Debugger(Machine machine) {
        this.machine = machine;
    }

    /** Break in from a running machine and step past the break-in's int 3. */
    StopEvent breakIn() {
        machine.requestBreakIn();
        StopEvent stop = machine.run(1).orElseThrow();
        return stop;
    }

    void setPoolHitTag(int tag) {
        byte[] b = new byte[4];
        LittleEndian.put32(b, 0, tag & 0xffffffffL);
        machine.writeVirtual(ManifestView.ntPublic("PoolHitTag"), b, 0, 4);
    }

    /** RIP + 1 on the stopped processor, then continue. */
    void skipAndGo() {
        StopEvent last = machine.lastStop().orElseThrow();
        machine.setContext(last.processor(), machine.context(last.processor()).withRip(last.programCounter() + 1));
        machine.resume(false, 0x400);
    }

    /** Runs until the ground truth holds {@code events} entries, stepping past every int 3 stop. */
    void runUntil(int events) {
        while (machine.groundTruth().size() < events) {
            Optional<StopEvent> stop = machine.run(events - machine.groundTruth().size());
            if (stop.isPresent()) {
                stops.add(stop.get());
                skipAndGo();
            }
        }
    }
}
