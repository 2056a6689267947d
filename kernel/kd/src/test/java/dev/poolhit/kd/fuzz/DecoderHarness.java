package dev.poolhit.kd.fuzz;

import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.BreakpointArgs;
import dev.poolhit.kd.protocol.ContextArgs;
import dev.poolhit.kd.protocol.ContextExArgs;
import dev.poolhit.kd.protocol.Continue2Args;
import dev.poolhit.kd.protocol.ContinueArgs;
import dev.poolhit.kd.protocol.DebugIo;
import dev.poolhit.kd.protocol.FileIo;
import dev.poolhit.kd.protocol.GetVersion64;
import dev.poolhit.kd.protocol.KSpecialRegisters;
import dev.poolhit.kd.protocol.KdDebuggerData64;
import dev.poolhit.kd.protocol.KdDebuggerDataField;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.KldrDataTableEntry;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.RestoreBreakpointArgs;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.protocol.UnicodeString64;
import dev.poolhit.kd.transport.LinkEvent;
import dev.poolhit.kd.transport.PacketSummary;
import dev.poolhit.kd.transport.kdcom.KdcomFramer;
import dev.poolhit.kd.transport.kdnet.KdnetDatagram;
import dev.poolhit.kd.transport.kdnet.KdnetHandshake;
import dev.poolhit.kd.transport.kdnet.KdnetHeader;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Runs one hostile input through the framer (in random slices) and every decoder and view.
 * KdProtocolException is the only exception allowed out; anything else fails the fuzz test.
 */
final class DecoderHarness {
    private static final byte[] KEY = new byte[32];

    private int packets;
    private int protocolErrors;

    int packets() {
        return packets;
    }

    int protocolErrors() {
        return protocolErrors;
    }

    void run(byte[] input, Mutator random) {
        KdcomFramer framer = new KdcomFramer();
        Consumer<LinkEvent> sink = e -> {
            if (e instanceof LinkEvent.Packet p) {
                packets++;
                decodeAll(p.packet().payload());
                PacketSummary.describe(p.packet());
            }
        };
        int at = 0;
        while (at < input.length) {
            int n = 1 + random.nextInt(input.length - at);
            framer.feed(input, at, n, sink);
            at += n;
        }
        framer.endOfStream(sink);
        decodeAll(input);
        if (input.length > KdPacket.HEADER_BYTES) {
            decodeAll(Arrays.copyOfRange(input, KdPacket.HEADER_BYTES, input.length));
        }
    }

    private void decodeAll(byte[] b) {
        guard(() -> KdPacket.decode(b));
        guard(() -> manipulateViews(ManipulateState.decode(b)));
        guard(() -> stateChangeViews(StateChange64.decode(b)));
        guard(() -> DebugIo.decode(b).text());
        guard(() -> FileIo.decode(b).path());
        guard(() -> Amd64Context.decode(b).rip());
        guard(() -> KSpecialRegisters.decode(b).toString());
        guard(() -> KdDebuggerData64.decode(b).find(KdDebuggerDataField.PTE_BASE));
        guard(() -> KldrDataTableEntry.decode(b).encode());
        guard(() -> UnicodeString64.decode(b));
        guard(() -> KdnetHeader.decode(b, 0));
        guard(() -> KdnetHandshake.clientRandom(b));
        guard(() -> KdnetDatagram.decrypt(b, KEY, KEY));
    }

    private static Object manipulateViews(ManipulateState m) {
        return Arrays.asList(MemoryArgs.of(m), ContextArgs.of(m), ContextExArgs.of(m), BreakpointArgs.of(m),
                RestoreBreakpointArgs.of(m), ContinueArgs.of(m), Continue2Args.of(m), GetVersion64.of(m), m.toString(),
                m.encode());
    }

    private static Object stateChangeViews(StateChange64 s) {
        return Arrays.asList(s.exceptionRecord(), s.firstChance(), s.loadSymbols(), s.loadSymbolsPath(),
                s.controlReport().instructions(), s.toString(), s.encode());
    }

    private interface Decode {
        Object run() throws KdProtocolException;
    }

    private void guard(Decode d) {
        try {
            d.run();
        } catch (KdProtocolException e) {
            protocolErrors++;
        }
    }
}
