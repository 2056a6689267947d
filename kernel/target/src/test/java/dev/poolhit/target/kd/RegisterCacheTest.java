package dev.poolhit.target.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.kd.protocol.X86Context;
import dev.poolhit.kd.protocol.X86Register;
import dev.poolhit.target.unwind.Registers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic cache over an in-memory target that records its GetContext/SetContext calls. */
class RegisterCacheTest {
    private final RecordingTarget target = new RecordingTarget();
    private final RegisterCache<X86Context> cache = new RegisterCache<>(target);

    @Test
    void readsEachProcessorsContextOncePerBreakEpoch() throws Exception {
        target.contexts.put(0, X86Context.empty(X86Context.CONTEXT_FULL).with(X86Register.EIP, 0x82801234L));
        target.contexts.put(1, X86Context.empty(X86Context.CONTEXT_FULL).with(X86Register.EIP, 0x00401000L));

        assertEquals(0xffffffff82801234L, cache.registers(0).rip());
        assertEquals(0xffffffff82801234L, cache.registers(0).rip());
        assertEquals(0x00401000L, cache.registers(1).rip());
        assertEquals(List.of("get 0", "get 1"), target.calls);

        cache.clear();
        cache.registers(0);
        assertEquals(List.of("get 0", "get 1", "get 0"), target.calls);
    }

    @Test
    void aMovedInstructionPointerIsWrittenAtOnceAndServedFromTheCache() throws Exception {
        target.contexts.put(0, X86Context.empty(X86Context.CONTEXT_FULL).with(X86Register.EIP, 0x82801234L));

        cache.setInstructionPointer(0, 0xffffffff82805678L);
        Registers after = cache.registers(0);

        assertEquals(0xffffffff82805678L, after.rip());
        assertEquals(0x82805678L, target.contexts.get(0).eip() & 0xffffffffL, "written through");
        assertEquals(List.of("get 0", "set 0"), target.calls);
    }

    /** Holds each processor's x86 CONTEXT as a target would. */
    private static final class RecordingTarget implements ContextAccess<X86Context> {
        final Map<Integer, X86Context> contexts = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public X86Context fetch(int processor) {
            calls.add("get " + processor);
            return contexts.get(processor);
        }

        @Override
        public void store(int processor, X86Context context) {
            calls.add("set " + processor);
            contexts.put(processor, context);
        }

        @Override
        public X86Context withInstructionPointer(X86Context context, long address) {
            return context.with(X86Register.EIP, address & 0xffffffffL);
        }

        @Override
        public Registers registers(X86Context context) {
            return X86ContextAccess.registersOf(context);
        }
    }
}
