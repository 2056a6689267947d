package dev.poolhit.jupyter.investigate;

import dev.poolhit.pool.live.PoolHitTagSession;
import dev.poolhit.target.TargetException;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.TargetState;

/** {@code %status}: what we are attached to and what we changed on it. */
final class StatusText {
    private StatusText() {}

    static String of(Investigation investigation) {
        StringBuilder out = new StringBuilder();
        if (!investigation.connected()) {
            out.append("not connected (%connect sim, or tcp:HOST:PORT, pipe:NAME, serial:DEVICE)\n");
        } else {
            Connection c = investigation.connection();
            KdTarget target = c.target();
            out.append("connected: ").append(c.spec().text()).append(", ").append(target.state().name().toLowerCase())
                    .append(target.reboots() > 0 ? ", " + target.reboots() + " reboots seen" : "").append('\n');
            investigation.existingTagSession().ifPresentOrElse(s -> out.append(tagLine(s, target)).append('\n'),
                    () -> out.append("PoolHitTag: not located\n"));
            out.append("ours on the target: ").append(target.breakpoints().size()).append(" breakpoints, ")
                    .append(target.patches().size()).append(" code patches\n");
            out.append("wire: ").append(target.wireCounters().summary()).append('\n');
            c.wirePackets().ifPresent(n -> out.append("wire log: ").append(n).append(" packets\n"));
        }
        investigation.owed().ifPresent(o -> out.append("left on the target by a lost link: ").append(o.summary())
                .append(" (%restore or %connect to the same target puts it back)\n"));
        investigation.lastTrace().ifPresent(t -> out.append("last trace: ").append(t.size()).append(" hits, ")
                .append(t.info().source()));
        investigation.lastResult().ifPresent(r -> out.append(" (").append(r.end().name().toLowerCase()).append(": ")
                .append(r.message()).append(')'));
        return out.toString().strip();
    }

    private static String tagLine(PoolHitTagSession s, KdTarget target) {
        String armed = s.armed() == null ? "nothing armed by us" : "armed " + s.armed();
        String now;
        try {
            now = target.state() == TargetState.BROKEN ? "holds " + s.current() : "value unknown while running";
        } catch (TargetException e) {
            now = "unreadable (" + e.getMessage() + ")";
        }
        String at = target.addressStyle().text(s.address());
        return "PoolHitTag: " + s.locatedBy() + " at " + at + ", " + armed + ", " + now;
    }
}
