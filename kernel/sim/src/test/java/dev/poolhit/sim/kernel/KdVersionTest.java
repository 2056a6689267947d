package dev.poolhit.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolhit.common.Hex;
import org.junit.jupiter.api.Test;

class KdVersionTest {
    @Test
    void encodesDbgkdGetVersion64AsKdProtocol43() {
        KdVersion v = KdVersion.win7(0xfffff80002a00000L, 0xfffff80002a04008L, 0xfffff80002a04398L);
        byte[] expected = Hex.decode("""
                0f 00                     # MajorVersion 0xF (free build, NT)
                b1 1d                     # MinorVersion 7601
                06                        # ProtocolVersion
                02                        # KdSecondaryVersion (AMD64 context)
                07 00                     # Flags MP|DATA|PTR64
                64 86                     # MachineType AMD64
                0c                        # MaxPacketType
                03                        # MaxStateChange
                31                        # MaxManipulate
                00                        # Simulation
                00 00                     # Unused
                00 00 a0 02 00 f8 ff ff   # KernBase
                08 40 a0 02 00 f8 ff ff   # PsLoadedModuleList
                98 43 a0 02 00 f8 ff ff   # DebuggerDataList
                """);
        assertEquals(40, v.encode().length);
        assertArrayEquals(expected, v.encode());
    }
}
