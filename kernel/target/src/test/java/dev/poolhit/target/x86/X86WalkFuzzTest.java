package dev.poolhit.target.x86;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.poolhit.target.stack.StackTrace;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random dwords written over a real scenario stack (return addresses, saved EBPs, the trap frame):
 * the walk always ends with a StackTrace within the frame limit, never with an exception.
 */
class X86WalkFuzzTest {
    private static final String[] SCENARIOS = {"ioctl-leak-Lea2-small", "worker-MmSt-big-free", "breakin-clock"};
    private static final long[] INTERESTING = {0, 1, 0xffffffffL, 0x80000000L, 0x82801025L, 0x7c901014L,
            0xa8d1fe74L, 0x0012fec4L, 0x1b, 0x08};

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void corruptStacksEndCleanly() {
        fuzz(0x5eed, 300);
    }

    @Test
    @Tag("fuzz-long")
    void longRun() {
        fuzz(1, 20_000);
    }

    private static void fuzz(long seed, int runs) {
        int shortened = 0;
        for (int i = 0; i < runs; i++) {
            Random r = new Random(seed * 1_000_003L + i);
            X86StackBuilder s = X86StackBuilder.build(X86Images.SET, X86Images.SET.scenario(SCENARIOS[i % SCENARIOS.length]));
            X86Registers start = s.initial();
            int words = (int) ((X86StackBuilder.KERNEL_TOP - start.esp()) / 4); // the frames to the stack top
            for (int edit = 0; edit < 1 + r.nextInt(4); edit++) {
                long at = (start.esp() & ~3L) + 4L * r.nextInt(words);
                s.put(at, r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : r.nextInt() & 0xffffffffL);
            }
            try {
                StackTrace t = X86ScenarioWalkTest.walker(s.memory()).trace(start, 64);
                assertTrue(t.frames().size() <= 64);
                shortened += t.frames().size() < 5 ? 1 : 0;
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " run " + i + ": " + e, e);
            }
        }
        assertTrue(shortened > 0, "corruption never shortened a walk: the edits miss the stack");
    }
}
