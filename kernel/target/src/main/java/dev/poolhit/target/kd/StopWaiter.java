package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdInterruptedException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.kd.transport.KdClock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits for the next exception state change, continuing load-symbols changes (as WinDbg does
 * during boot) after handing each to {@code onLoad}. Empty at the deadline or on interruption
 * (the interrupt flag is left set for the caller).
 */
final class StopWaiter {
    private final KdClient client;
    private final MachineCalls calls;
    private final KdClock clock;
    private final Consumer<StateChange64> onLoad;
    private final int continueStatus;

    StopWaiter(KdClient client, MachineCalls calls, KdClock clock, Consumer<StateChange64> onLoad, int continueStatus) {
        this.client = client;
        this.calls = calls;
        this.clock = clock;
        this.onLoad = onLoad;
        this.continueStatus = continueStatus;
    }

    Optional<StateChange64> await(Duration timeout) throws KdException {
        long deadline = clock.deadlineAfter(timeout.toNanos());
        while (true) {
            long left = deadline - clock.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            StateChange64 change;
            try {
                change = client.awaitStateChange(Duration.ofNanos(left));
            } catch (KdTimeoutException e) {
                return Optional.empty();
            } catch (KdInterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (!change.is(NewState.LOAD_SYMBOLS)) {
                return Optional.of(change);
            }
            onLoad.accept(change);
            calls.continue2(continueStatus, false);
        }
    }
}
