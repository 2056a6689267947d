package dev.poolhit.target.unwind;

import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.memory.VirtualMemory;
import java.util.Optional;

/**
 * Recognises RIP inside an x64 epilog by its code bytes (the only legal forms: optional
 * {@code add rsp,imm} or {@code lea rsp,[frame+disp]}, then {@code pop reg}s, then {@code ret} or a
 * tail {@code jmp}) and simulates it forward to the caller. Reads go through the caller's memory,
 * which masks the debugger's own breakpoint bytes.
 */
final class EpilogSimulator {
    static final int MAX_EPILOG_BYTES = 64;

    private EpilogSimulator() {}

    static Optional<Registers> tryUnwind(VirtualMemory memory, Registers regs, UnwindInfo info, FunctionEntry fn) {
        CodeCursor code = new CodeCursor(memory, regs.rip());
        Registers r = regs;
        int pos = 0;
        int b0 = code.at(0);
        if (b0 == 0x48 || b0 == 0x49) { // REX.W (REX.B only for lea's base): add rsp,imm / lea rsp,[reg+disp]
            int b1 = code.at(1);
            int b2 = code.at(2);
            if (b0 == 0x48 && b1 == 0x83 && b2 == 0xc4) {
                r = r.withRsp(r.rsp() + (byte) code.at(3));
                pos = 4;
            } else if (b0 == 0x48 && b1 == 0x81 && b2 == 0xc4) {
                r = r.withRsp(r.rsp() + code.i32(3));
                pos = 7;
            } else if (b1 == 0x8d && (b2 & 0x38) == 0x20 && (b2 & 0xc0) != 0xc0 && (b2 & 0xc0) != 0) {
                int base = ((b0 & 1) << 3) | (b2 & 7);
                if (info.frameRegister() == 0 || base != info.frameRegister() || (b2 & 7) == 4) {
                    return Optional.empty();
                }
                boolean disp8 = (b2 & 0xc0) == 0x40;
                long disp = disp8 ? (byte) code.at(3) : code.i32(3);
                r = r.withRsp(r.get(Reg.of(base)) + disp);
                pos = disp8 ? 4 : 7;
            }
        }
        return popsThenReturn(memory, code, pos, r, fn);
    }

    private static Optional<Registers> popsThenReturn(VirtualMemory memory, CodeCursor code, int start,
            Registers regs, FunctionEntry fn) {
        Registers r = regs;
        int pos = start;
        while (pos < MAX_EPILOG_BYTES) {
            int b = code.at(pos);
            if ((b & 0xf8) == 0x58) {
                r = pop(memory, r, Reg.of(b & 7));
                pos += 1;
            } else if ((b & 0xf0) == 0x40 && (code.at(pos + 1) & 0xf8) == 0x58) {
                r = pop(memory, r, Reg.of(((b & 1) << 3) | (code.at(pos + 1) & 7)));
                pos += 2;
            } else {
                break;
            }
        }
        if (!isReturnOrTailJump(code, pos, fn)) {
            return Optional.empty();
        }
        long ret = memory.u64(r.rsp());
        return Optional.of(r.withRsp(r.rsp() + 8).withRip(ret));
    }

    private static boolean isReturnOrTailJump(CodeCursor code, int pos, FunctionEntry fn) {
        int b = code.at(pos);
        int next = code.at(pos + 1);
        if (b == 0xc3 || b == 0xc2 || (b == 0xf3 && next == 0xc3)) {
            return true;
        }
        if (b == 0xe9 || b == 0xeb) { // a jmp is an epilog only when it leaves the function (tail call)
            long after = code.address() + pos + (b == 0xe9 ? 5 : 2);
            long target = after + (b == 0xe9 ? code.i32(pos + 1) : (byte) next);
            return Long.compareUnsigned(target, fn.begin()) < 0 || Long.compareUnsigned(target, fn.end()) >= 0;
        }
        if (b == 0xff && next == 0x25) { // jmp [rip+disp32]: import thunk tail call
            return true;
        }
        return (b & 0xf8) == 0x48 && next == 0xff && (code.at(pos + 2) & 0x38) == 0x20; // rex.w jmp r/m64
    }

    private static Registers pop(VirtualMemory memory, Registers r, Reg reg) {
        long value = memory.u64(r.rsp());
        return r.with(reg, value).withRsp(r.rsp() + 8);
    }

    /** Lazily reads code 16 bytes at a time, so a short epilog at the end of a page does not fault. */
    private static final class CodeCursor {
        private final VirtualMemory memory;
        private final long address;
        private final byte[] bytes = new byte[MAX_EPILOG_BYTES + 32];
        private int loaded;

        CodeCursor(VirtualMemory memory, long address) {
            this.memory = memory;
            this.address = address;
        }

        long address() {
            return address;
        }

        int at(int i) {
            while (i >= loaded) {
                System.arraycopy(memory.read(address + loaded, 16), 0, bytes, loaded, 16);
                loaded += 16;
            }
            return bytes[i] & 0xff;
        }

        int i32(int i) {
            at(i + 3);
            return LittleEndian.i32(bytes, i);
        }
    }
}
