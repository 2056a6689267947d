package dev.poolhit.jupyter.investigate;

/**
 * The kernel states the bad-argument rows run in, in the order one leads to the next: a fresh
 * kernel, connected to the simulator, the target resumed, a trace recorded.
 */
enum KernelState {
    NONE, SIM, RUNNING, TRACED;

    String spelling() {
        return name().toLowerCase();
    }

    static KernelState of(String spelling) {
        return valueOf(spelling.toUpperCase());
    }
}
