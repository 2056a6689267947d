/**
 * The live PoolHitTag investigation over a {@link dev.poolhit.target.kd.KdTarget}: arm
 * {@code nt!PoolHitTag} ({@link dev.poolhit.pool.live.PoolHitTagSession}), record hits into a
 * {@code TraceRecorder} ({@link dev.poolhit.pool.live.TraceRun}), and put the target back
 * ({@link dev.poolhit.pool.live.Restorer}).
 *
 * <pre>{@code
 * KdTarget target = KdTarget.open("tcp:127.0.0.1:5555", KdTargetOptions.defaults().withSymbolPath(path));
 * PoolHitTagSession s = PoolHitTagSession.locate(target);        // or .at(target, address)
 * s.arm(PoolTag.parse("Lea2"));                                    // saves the old value for restore
 * TraceResult r = s.trace(TraceRequest.of(500)).progress(bar).run(recorder);
 * RestoreReport done = s.restorer().restore();
 * }</pre>
 *
 * <p>A lost link: {@link dev.poolhit.pool.live.Relinker} (given to {@code TraceRun.relink}, or called
 * by {@code %restore}) reopens the same spec through a {@link dev.poolhit.pool.live.TargetReopener},
 * checks that the target still runs the same boot, adopts the old link's breakpoints, patches and
 * saved PoolHitTag, restores and resumes; the {@link dev.poolhit.pool.live.RelinkResult} carries the
 * session on the new link, or the {@link dev.poolhit.pool.live.OwedRestore} still on the target.
 *
 * <p>Global exceptions: every target access may throw an unchecked
 * {@link dev.poolhit.target.TargetException} ({@code TargetDisconnectedException} when the link is
 * gone, {@code TargetRunningException} when the target must be broken in,
 * {@code MemoryAccessException}, {@code SymbolException} when PoolHitTag cannot be located).
 * A trace never throws for the ways it ends; those are in {@link dev.poolhit.pool.live.TraceResult}.
 *
 * <p>x86 targets need nothing else: a check site that calls {@code nt!DbgBreakPoint} is recorded
 * at its caller (the return address at [ESP], {@code BreakSites}), a cold stub at its own
 * {@code int 3}; step-over moves EIP past either {@code int 3}, {@code --patch} nops
 * DbgBreakPoint's (once) or the stub's, {@code --pair} takes the block from EAX at the
 * allocation's return; sizes and freed blocks come from the stdcall arguments above the proven
 * return-address slot ({@code StackArgs}) instead of x64 home slots.
 */
package dev.poolhit.pool.live;
