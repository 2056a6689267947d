package dev.poolhit.kd.fuzz;

import dev.poolhit.common.Hex;
import dev.poolhit.kd.capture.KdnetCapture;
import dev.poolhit.kd.protocol.Amd64Context;
import dev.poolhit.kd.protocol.ControlReportAmd64;
import dev.poolhit.kd.protocol.DebugIo;
import dev.poolhit.kd.protocol.ExceptionRecord64;
import dev.poolhit.kd.protocol.FileIo;
import dev.poolhit.kd.protocol.KdPacket;
import dev.poolhit.kd.protocol.LoadSymbols64;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import dev.poolhit.kd.protocol.StateChange64;
import dev.poolhit.kd.transport.kdcom.KdcomEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed inputs for the fuzzers: hand-built packets of every kind (always) plus, when the shared
 * fixture is present, every packet of the captured session framed for KDCOM.
 */
final class FuzzCorpus {
    private FuzzCorpus() {}

    static List<byte[]> serialPackets() {
        List<byte[]> seeds = new ArrayList<>();
        for (KdPacket p : handBuilt()) {
            seeds.add(KdcomEncoder.encode(p));
        }
        return seeds;
    }

    static List<KdPacket> handBuilt() {
        byte[] stream = new byte[16];
        stream[0] = (byte) 0xcc;
        ControlReportAmd64 report = new ControlReportAmd64(0xffff0ff0L, 0x400, 0x246, 16, 3, stream, 0x10, 0x2b, 0x2b, 0x53);
        StateChange64.Cpu cpu = new StateChange64.Cpu(6, 0, 1, 0xfffff80000c0a080L, 0xfffff80002a8d490L);
        List<KdPacket> out = new ArrayList<>();
        out.add(KdPacket.reset());
        out.add(KdPacket.ack(0x80800800));
        out.add(KdPacket.resend());
        out.add(StateChange64.exception(cpu, ExceptionRecord64.of(0x80000003, 0xfffff80002a8d490L, 0), true, report)
                .toPacket(0x80800800));
        out.add(StateChange64.loadSymbols(cpu, new LoadSymbols64(0, 0, 0xfffff80002a00000L, -1, 0x1234, 0x5000, false),
                "\\SystemRoot\\system32\\ntoskrnl.exe", report).toPacket(0x80800001));
        out.add(DebugIo.print(0, "BD: Boot Debugger Initialized\n").toPacket(0));
        out.add(new FileIo(0x3430, 0, new byte[FileIo.UNION_BYTES], Hex.decode("5c0078002e0064006c006c000000"))
                .toPacket(2));
        out.add(ManipulateState.request(ManipulateApi.READ_VIRTUAL_MEMORY, 0, new MemoryArgs(0xfffff80000001000L, 16, 0),
                new byte[0]).toPacket(0x80800000));
        out.add(ManipulateState.request(ManipulateApi.GET_CONTEXT, 0, null, new byte[0])
                .respond(0, null, Amd64Context.empty(Amd64Context.CONTEXT_ALL).encode()).toPacket(0x80800001));
        out.add(ManipulateState.request(ManipulateApi.READ_CONTROL_SPACE, 0, new MemoryArgs(2, 0xe0, 0), new byte[0])
                .respond(0, new MemoryArgs(2, 0xe0, 0xe0), new byte[0xe0]).toPacket(0x80800000));
        return out;
    }

    /** Serial frames of every packet of the real capture, when the shared fixture is present. */
    static List<byte[]> capturedSerialPackets() throws Exception {
        List<byte[]> out = new ArrayList<>();
        if (KdnetCapture.fixture().isPresent()) {
            for (KdnetCapture.Body b : KdnetCapture.bodies()) {
                if (b.bytes().length >= KdPacket.HEADER_BYTES) {
                    out.add(KdcomEncoder.encode(KdPacket.decode(b.bytes())));
                }
            }
        }
        return out;
    }
}
