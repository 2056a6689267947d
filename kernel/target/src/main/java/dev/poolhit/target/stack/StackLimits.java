package dev.poolhit.target.stack;

import dev.poolhit.common.AddressRange;
import java.util.List;

/**
 * The stacks a kernel walk may use (thread kernel stack, DPC stack, ISR stack: from the KPRCB and
 * KTHREAD). Empty means unknown, and then only alignment and monotonicity are checked.
 */
public record StackLimits(List<AddressRange> ranges) {
    public StackLimits {
        ranges = List.copyOf(ranges);
    }

    public static StackLimits unknown() {
        return new StackLimits(List.of());
    }

    public boolean allows(long rsp) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(rsp));
    }
}
