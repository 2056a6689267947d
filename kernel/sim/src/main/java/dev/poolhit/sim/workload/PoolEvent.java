package dev.poolhit.sim.workload;

import dev.poolhit.sim.image.Scenario;
import dev.poolhit.sim.kernel.PoolBlock;

/**
 * One allocation or free the workload decided on and already performed in the pool.
 *
 * @param scenario    the manifest call path it runs through
 * @param kind        alloc or free
 * @param block       the block allocated or freed (tag as passed by the caller, size requested)
 * @param role        thread kind; {@code worker} picks the worker thread for WORKER events
 * @param worker      index of the worker thread (WORKER events only)
 * @param processor   processor it runs on
 */
public record PoolEvent(Scenario scenario, PoolEventKind kind, PoolBlock block, ThreadRole role, int worker,
                        int processor) {}
