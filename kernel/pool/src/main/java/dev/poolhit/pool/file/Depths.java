package dev.poolhit.pool.file;

import dev.poolhit.pool.trace.Trace;

/** Stack depths for the hits decoder: committed stacks only (hits follow their stacks). */
record Depths(Trace trace) implements HitsCsv.StackDepths {
    @Override
    public int count() {
        return trace.stackCount();
    }

    @Override
    public int depth(int stackId) {
        return trace.stackDepth(stackId);
    }
}
