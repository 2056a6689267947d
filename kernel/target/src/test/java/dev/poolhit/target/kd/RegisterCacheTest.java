package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.target.unwind.Registers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generic cache over an in-memory target that records its GetContext/SetContext calls; its
 * CONTEXT is only an instruction pointer, as the cache never looks inside one.
 */
class RegisterCacheTest {
    private final RecordingTarget target = new RecordingTarget();
    private final RegisterCache<Long> cache = new RegisterCache<>(target);

    @Test
    void readsEachProcessorsContextOncePerBreakEpoch() throws Exception {
        target.contexts.put(0, 0xfffff80002a8d490L);
        target.contexts.put(1, 0x00401000L);

        assertEquals(0xfffff80002a8d490L, cache.registers(0).rip());
        assertEquals(0xfffff80002a8d490L, cache.registers(0).rip());
        assertEquals(0x00401000L, cache.registers(1).rip());
        assertEquals(List.of("get 0", "get 1"), target.calls);

        cache.clear();
        cache.registers(0);
        assertEquals(List.of("get 0", "get 1", "get 0"), target.calls);
    }

    @Test
    void aMovedInstructionPointerIsWrittenAtOnceAndServedFromTheCache() throws Exception {
        target.contexts.put(0, 0xfffff80002a8d490L);

        cache.setInstructionPointer(0, 0xfffff80002a8d4d0L);

        assertEquals(0xfffff80002a8d4d0L, cache.registers(0).rip());
        assertEquals(0xfffff80002a8d4d0L, target.contexts.get(0), "written through");
        assertEquals(List.of("get 0", "set 0"), target.calls);
    }

    /** Holds each processor's context, here just its instruction pointer. */
    private static final class RecordingTarget implements ContextAccess<Long> {
        final Map<Integer, Long> contexts = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Long fetch(int processor) {
            calls.add("get " + processor);
            return contexts.get(processor);
        }

        @Override
        public void store(int processor, Long context) {
            calls.add("set " + processor);
            contexts.put(processor, context);
        }

        @Override
        public Long withInstructionPointer(Long context, long address) {
            return address;
        }

        @Override
        public Registers registers(Long context) {
            return Registers.of(context, 0);
        }
    }
}
