package dev.poolhit.jupyter.investigate;

import dev.poolhit.pool.live.RestoreReport;

/** {@code %restore}'s answer: one line saying the outcome, then each thing put back or left behind. */
final class RestoreText {
    private RestoreText() {}

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
