package dev.poolhit.kd.transport.kdnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KdnetSpecTest {
    @Test
    void parsesEveryOption() {
        KdnetSpec s = KdnetSpec.parse("net:port=50001,key=8.8.8.8,host=10.0.0.1,target=10.0.0.2", Map.<String, String>of()::get);
        assertEquals(50001, s.port());
        assertEquals(KdnetKey.parse("8.8.8.8"), s.key());
        assertEquals(Optional.of("10.0.0.1"), s.host());
        assertEquals(Optional.of("10.0.0.2"), s.target());
        assertEquals("net:port=50001,key=***,host=10.0.0.1,target=10.0.0.2", s.toString());
    }

    @Test
    void takesTheKeyFromTheEnvironment() {
        Map<String, String> env = Map.of("MYKEY", "1.2.3.4", KdnetSpec.KEY_VARIABLE, "5.6.7.8");
        assertEquals(KdnetKey.parse("1.2.3.4"), KdnetSpec.parse("net:key=env:MYKEY", env::get).key());
        KdnetSpec s = KdnetSpec.parse("net:port=50000", env::get);
        assertEquals(KdnetKey.parse("5.6.7.8"), s.key());
        assertEquals(Optional.empty(), s.host());
    }

    @Test
    void errorsNameTheRuleAndNeverTheKey() {
        Map<String, String> none = Map.of();
        assertEquals("KDNET key missing: environment variable POOLHIT_KDNET_KEY is not set (or give key=w.x.y.z or key=env:NAME)",
                assertThrows(IllegalArgumentException.class, () -> KdnetSpec.parse("net:port=1", none::get)).getMessage());
        assertEquals("KDNET key from key= is invalid (value not shown): expected 4 dot-separated base-36 parts (0-9, a-z),"
                + " each 1-13 digits fitting 64 bits", assertThrows(IllegalArgumentException.class,
                () -> KdnetSpec.parse("net:key=SECRET.1", none::get)).getMessage());
        assertEquals("KDNET port must be 0..65535, got '70000'", assertThrows(IllegalArgumentException.class,
                () -> KdnetSpec.parse("net:port=70000,key=1.1.1.1", none::get)).getMessage());
        assertEquals("unknown KDNET option 'bus': expected port, key, host or target", assertThrows(
                IllegalArgumentException.class, () -> KdnetSpec.parse("net:bus=1,key=1.1.1.1", none::get)).getMessage());
        assertEquals("net:port=1,key=***,host=x", KdnetSpec.redact("net:port=1,key=a.b.c.d,host=x"));
        assertEquals("net:key=env:K", KdnetSpec.redact("net:key=env:K"));
    }
}
