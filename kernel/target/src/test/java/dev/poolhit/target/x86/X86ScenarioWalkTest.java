package dev.poolhit.target.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolhit.common.Hex;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.stack.StackEnd;
import dev.poolhit.target.stack.StackFrame;
import dev.poolhit.target.stack.StackLimits;
import dev.poolhit.target.stack.StackTrace;
import dev.poolhit.target.stack.X86StackWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every scenario of the x86 image set, laid out from the manifest, walks to exactly its frames. */
class X86ScenarioWalkTest {
    static final X86Images IMAGES = X86Images.SET;

    static X86StackWalker walker(SparseMemory memory) {
        ModuleFrameData kernelFrames = IMAGES.frames(IMAGES.kernel);
        var names = IMAGES.describer();
        X86StackWalker user = new X86StackWalker(X86Unwinder.of(memory, IMAGES.frames(IMAGES.all), names),
                names, StackLimits.unknown());
        return new X86StackWalker(X86Unwinder.of(memory, kernelFrames, names), names,
                StackLimits.unknown(), eip -> Optional.of(user));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ioctl-leak-Lea2-small", "ioctl-leak-Lea2-big", "ioctl-alloc-Lea1", "ioctl-free-Lea1",
            "worker-CM31-small", "worker-MmSt-big-free", "breakin-clock"})
    void walkGivesEveryFrameOfTheScenario(String name) {
        JsonNode scenario = IMAGES.scenario(name);
        X86StackBuilder stack = X86StackBuilder.build(IMAGES, scenario);
        StackTrace trace = walker(stack.memory()).trace(stack.initial(), 64);
        assertEquals(expectedRows(stack.expected()), actualRows(trace.frames()), name);
        assertEquals(StackEnd.Reason.END_OF_STACK, trace.end().reason(), trace.end().detail());
        assertEquals(scenario.get("frames").size(), trace.frames().size());
    }

    static List<String> expectedRows(List<X86StackBuilder.Row> rows) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long ret = i + 1 < rows.size() ? rows.get(i + 1).eip() : 0;
            X86StackBuilder.Row r = rows.get(i);
            out.add(Hex.u32(r.childEbp()) + " " + Hex.u32(ret) + " " + Hex.u32(r.eip()) + " " + r.method());
        }
        return out;
    }

    static List<String> actualRows(List<StackFrame> frames) {
        return frames.stream().map(f -> Hex.u32(f.childSp()) + " "
                + (f.returnAddress().isPresent() ? Hex.u32(f.returnAddress().getAsLong()) : "????????") + " "
                + Hex.u32(f.instructionPointer()) + " " + f.method().map(Enum::name).orElse("-")).toList();
    }
}
