package dev.poolhit.jupyter.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.jupyter.magic.Magic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CellHarnessTest {
    @Test
    void runsMagicsAndJavaLikeTheKernelAndCollectsDisplays() throws Exception {
        try (CellHarness harness = new CellHarness()) {
            harness.magics().register(Magic.line("answer").bindsResultTo("answer").handler(call -> 42).build());
            assertEquals(Optional.of(43), harness.exec("%answer\nanswer + 1"));
            assertEquals(Optional.of("provided"), harness.exec("%provided"));
            harness.exec("var h = display(\"step 1\");\nh.update(\"step 2\");");
            assertEquals(List.of("step 1", "step 2"), harness.displayed());
        }
    }
}
