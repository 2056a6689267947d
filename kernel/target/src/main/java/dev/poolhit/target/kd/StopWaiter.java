package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdInterruptedException;
import dev.poolhit.kd.protocol.KdTimeoutException;
import dev.poolhit.kd.protocol.NewState;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.kd.session.ReportedStop;
import dev.poolhit.kd.transport.KdClock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits for the next exception state change, continuing load-symbols changes (as WinDbg does
 * during boot) after handing each to {@code onLoad}, and the echo of a continue the target never
 * took ({@link ContinuedStop}) without reporting it. Empty at the deadline or on interruption
 * (the interrupt flag is left set for the caller).
 */
final class StopWaiter {
    private final KdClient client;
    private final ContinuedStop continues;
    private final KdClock clock;
    private final Consumer<StateChange64> onLoad;
    private final int continueStatus;

    StopWaiter(KdClient client, ContinuedStop continues, KdClock clock, Consumer<StateChange64> onLoad,
               int continueStatus) {
        this.client = client;
        this.continues = continues;
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
            ReportedStop stop;
            try {
                stop = client.awaitStop(Duration.ofNanos(left));
            } catch (KdTimeoutException e) {
                return Optional.empty();
            } catch (KdInterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            StateChange64 change = stop.change();
            if (continues.isEcho(stop)) {
                continues.resendContinue();
            } else if (!change.is(NewState.LOAD_SYMBOLS)) {
                return Optional.of(change);
            } else {
                onLoad.accept(change);
                continues.resume(continueStatus, false);
            }
        }
    }
}
