package dev.poolhit.jupyter.investigate;

import dev.poolhit.pool.live.RelinkResult;
import dev.poolhit.pool.live.RestoreReport;

/** {@code %restore}'s answer: one line saying the outcome, then each thing put back or left behind. */
final class RestoreText {
    private RestoreText() {}

    /** Over the session's own link: the report; over a new link: what reconnecting did, then the report. */
    static String of(RelinkResult r) {
        if (!r.newLink() && r.restore().isPresent()) {
            return of(r.restore().get());
        }
        String head = (r.outcome() == RelinkResult.Outcome.NOT_RECONNECTED ? "NOT restored: link lost; " : "link lost; ")
                + r.message();
        return head + r.restore().filter(rep -> !rep.actions().isEmpty() || !rep.leftBehind().isEmpty())
                .map(rep -> "\n" + of(rep)).orElse("");
    }

    static String of(RestoreReport report) {
        String state = report.resumed() ? "target running" : "target left broken in";
        if (report.restored() && report.actions().isEmpty()) {
            return "nothing to restore; " + state;
        }
        StringBuilder out = new StringBuilder(report.restored() ? "restored; " + state + ":" : "NOT restored; " + state + ":");
        for (String action : report.actions()) {
            out.append("\n  ").append(action);
        }
        for (String left : report.leftBehind()) {
            out.append("\n  left behind: ").append(left);
        }
        return out.toString();
    }
}
