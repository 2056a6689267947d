package dev.poolhit.sim.kd;

import dev.poolhit.kd.protocol.ManipulateState;

/** What the target does after one manipulate request (kd-protocol.md 2, 4.2). */
sealed interface Outcome {
    /** Send this response and stay in the debugger. */
    record Respond(ManipulateState response) implements Outcome {}

    /** Continue / Continue2: no response; leave the debugger. */
    record Resume(boolean trace, long dr7) implements Outcome {}

    /** ClearAllInternalBreakpoints: ACK only, stay in the debugger. */
    record Silent() implements Outcome {}

    /** SwitchProcessor: no response; the (same) processor reports its stop again. */
    record Reannounce() implements Outcome {}

    /** Reboot / CauseBugCheck: no response; the machine restarts. */
    record Reboot() implements Outcome {}
}
