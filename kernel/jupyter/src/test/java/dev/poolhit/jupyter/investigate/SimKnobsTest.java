package dev.poolhit.jupyter.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code %connect sim:PARAMS} knob parsing: each knob sets its own field and only that one. */
class SimKnobsTest {
    @Test
    void everyKnobSetsItsField() {
        SimKnobs k = SimKnobs.parse("sim:...", "net,x86,boot,drivers=3,seed=-7,rate=2.5,cut=40");

        assertEquals(new SimKnobs(true, true, true, OptionalLong.of(3), OptionalLong.of(-7), OptionalDouble.of(2.5),
                OptionalLong.of(40)), k);
    }

    @Test
    void eachKnobAloneLeavesTheOthersUnset() {
        assertEquals(new SimKnobs(false, true, false, OptionalLong.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalLong.empty()), SimKnobs.parse("sim:x86", "x86"));
        assertEquals(new SimKnobs(false, false, false, OptionalLong.empty(), OptionalLong.empty(),
                OptionalDouble.of(0), OptionalLong.empty()), SimKnobs.parse("sim:rate=0", "rate=0"));
        assertEquals(new SimKnobs(false, false, false, OptionalLong.of(0), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalLong.empty()), SimKnobs.parse("sim:drivers=0", "drivers=0"));
    }

    @Test
    void aCutOfZeroOrLessCutsAfterTheFirstPacket() {
        assertEquals(OptionalLong.of(1), SimKnobs.parse("sim:cut=0", "cut=0").cut());
        assertEquals(OptionalLong.of(1), SimKnobs.parse("sim:cut=-5", "cut=-5").cut());
    }

    @Test
    void badKnobsNameTheRule() {
        assertEquals("sim parameter drivers: expected a number, got ''", message("sim:drivers", "drivers"));
        assertEquals("sim parameter drivers: expected 0..200, got 201", message("sim:drivers=201", "drivers=201"));
        assertEquals("sim parameter boot takes no value, got 'boot=1' in 'sim:boot=1'",
                message("sim:boot=1", "boot=1"));
        assertEquals("sim parameter cut: expected a number, got '1.5'", message("sim:cut=1.5", "cut=1.5"));
        assertEquals("unknown sim parameter 'fast' in sim:net,fast: " + SimKnobs.PARAMETERS,
                message("sim:net,fast", "net,fast"));
        assertEquals("empty sim parameter in 'sim:net,,x86': " + SimKnobs.PARAMETERS,
                message("sim:net,,x86", "net,,x86"));
    }

    private static String message(String text, String parameters) {
        return assertThrows(IllegalArgumentException.class, () -> SimKnobs.parse(text, parameters)).getMessage();
    }
}
