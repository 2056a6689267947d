package dev.poolhit.jupyter.investigate;

import dev.poolhit.pool.live.RestoreReport;

/** {@code %restore}'s answer: the one-line summary, then each thing put back or left behind. */
final class RestoreText {
    private RestoreText() {}

    static String of(RestoreReport report) {
        StringBuilder out = new StringBuilder(report.summary());
        for (String action : report.actions()) {
            out.append("\n  ").append(action);
        }
        for (String left : report.leftBehind()) {
            out.append("\n  left behind: ").append(left);
        }
        return out.toString();
    }
}
