package dev.poolhit.target.x86;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolhit.common.LittleEndian;
import dev.poolhit.target.memory.SparseMemory;
import dev.poolhit.target.unwind.UnwindMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out the stack a scenario of manifest.json produces, outermost frame first, from the
 * manifest alone (call sites' espDelta/ebpDelta, FRAMEDATA as llvm-pdbutil printed it, the README's
 * trap-entry layouts), and records the rows a correct walk must give. Conventions (README):
 * the callee's return address sits at [ESP_call - 4], this frame's own at [ESP_call + espDelta],
 * an EBP frame's EBP = ESP_call + ebpDelta holding the caller's EBP.
 */
final class X86StackBuilder {
    static final long USER_STACK = 0x0012c000L;
    static final long USER_TOP = 0x00130000L;
    static final long KERNEL_STACK = X86Registers.canonical(0xa8d1c000L);
    static final long KERNEL_TOP = X86Registers.canonical(0xa8d20000L);
    private static final Pattern EBP_SLOT = Pattern.compile("\\$ebp \\$T0 (\\d+) - \\^ =");
    private static final Pattern STDCALL_BYTES = Pattern.compile("@(\\d+)$");

    /** A row a correct walk gives: EIP, ChildEBP and how the frame's return address is found. */
    record Row(long eip, long childEbp, UnwindMethod method) {}

    private final X86Images images;
    private final byte[] user = new byte[(int) (USER_TOP - USER_STACK)];
    private final byte[] kernel = new byte[(int) (KERNEL_TOP - KERNEL_STACK)];
    private final List<Row> rows = new ArrayList<>();
    private long ebp;
    private long entry;
    private X86Registers initial;

    private X86StackBuilder(X86Images images) {
        this.images = images;
    }

    static X86StackBuilder build(X86Images images, JsonNode scenario) {
        X86StackBuilder b = new X86StackBuilder(images);
        b.lay(scenario.get("frames"));
        return b;
    }

    X86Registers initial() {
        return initial;
    }

    SparseMemory memory() {
        return images.memory().map(USER_STACK, user).map(KERNEL_STACK, kernel);
    }

    /** Innermost first, as {@code k} prints them. */
    List<Row> expected() {
        List<Row> out = new ArrayList<>(rows);
        Collections.reverse(out);
        return out;
    }

    void put(long address, long value) {
        long a = X86Registers.canonical(address);
        if (X86Registers.isKernel(a)) {
            LittleEndian.put32(kernel, (int) (a - KERNEL_STACK), value);
        } else {
            LittleEndian.put32(user, (int) (a - USER_STACK), value);
        }
    }

    private void lay(JsonNode frames) {
        JsonNode first = frames.get(0);
        boolean kernelThread = X86Registers.isKernel(images.address(first.get("image").asText(), 0));
        entry = (kernelThread ? KERNEL_TOP : USER_TOP) - 0x100;
        ebp = 0;
        if (first.get("function").asText().equals("_KiThreadStartup@0")) {
            put(entry, images.address("nt", images.image("nt").get("publics").get("_ExpWorkerThread@4").asLong()));
        }
        for (int i = 0; i < frames.size(); i++) {
            JsonNode f = frames.get(i);
            switch (f.get("kind").asText()) {
                case "call" -> call(f);
                case "trap" -> {
                    trap(f, frames.get(i + 1), frames.get(i + 2));
                    i++; // the trap entry frame was laid with the trap
                }
                default -> breakFrame(f);
            }
        }
    }

    private void call(JsonNode f) {
        String image = f.get("image").asText();
        String function = f.get("function").asText();
        long espCall;
        long ownEbp = ebp;
        if (function.equals("_LeakyIssueIoctl@12")) {
            // push ebp; mov ebp,esp; and esp,-8; sub esp,18h; ten pushes (llvm-objdump of leakyapp.exe 0x401000-0x401034)
            ebp = push(entry - 4);
            ownEbp = ebp;
            espCall = (ebp & ~7L) - 0x18 - 40;
        } else {
            espCall = entry - f.get("espDelta").asLong();
            if (f.get("frameKind").asText().equals("ebp")) {
                ebp = push(espCall + f.get("ebpDelta").asLong());
                ownEbp = ebp;
            } else {
                savedEbpSlot(image, f.get("callRva").asLong()).ifPresent(n -> put(entry - n, ebp));
            }
            if (function.equals("_KiThreadStartup@0")) {
                ebp = 0; // xor ebp,ebp
            }
        }
        long returnRva = f.get("returnRva").asLong();
        long eip = images.address(image, returnRva);
        if (record(image, returnRva - 1).isPresent()) {
            rows.add(new Row(eip, entry - 4, UnwindMethod.FRAME_DATA));
        } else if (function.equals("_KiThreadStartup@0")) {
            rows.add(new Row(eip, ownEbp, UnwindMethod.FRAME_POINTER)); // [ESP] is its StartRoutine; EBP 0 ends the walk
        } else {
            rows.add(new Row(eip, entry - 4, UnwindMethod.LEAF)); // frameless without FRAMEDATA (ntdll!NtDeviceIoControlFile)
        }
        put(espCall - 4, images.address(image, returnRva));
        entry = espCall - 4;
    }

    /** The interrupted frame {@code f}, the trap entry {@code g} and its callee {@code h}. */
    private void trap(JsonNode f, JsonNode g, JsonNode h) {
        long eipInt = images.address(f.get("image").asText(), f.get("returnRva").asLong());
        boolean fromUser = !X86Registers.isKernel(eipInt);
        long espInt;
        if (f.get("frameKind").asText().equals("ebp")) {
            ebp = push(entry - 4); // push ebp; mov ebp,esp (KiIdleLoop)
            espInt = ebp;
            rows.add(new Row(eipInt, ebp, UnwindMethod.FRAME_DATA));
        } else {
            espInt = entry; // a leaf (KiFastSystemCall: mov edx,esp; sysenter)
            rows.add(new Row(eipInt, entry - 4, UnwindMethod.LEAF));
        }
        long trapFrame = fromUser ? KERNEL_TOP - 0x100 - 0x8c : espInt - KTrapFrame32.OFFSET_HARDWARE_ESP;
        byte[] tf = new KTrapFrame32(ebp, eipInt, 0, 0, 0, ebp, 0, eipInt, fromUser ? 0x1b : 0x08, 0x202,
                fromUser ? espInt : 0, fromUser ? 0x23 : 0).encode();
        int length = fromUser ? tf.length : KTrapFrame32.OFFSET_HARDWARE_ESP; // kernel to kernel: no Esp/SS pushed
        for (int at = 0; at < length; at += 4) {
            put(trapFrame + at, LittleEndian.u32(tf, at));
        }
        ebp = trapFrame;
        long espCall;
        if (g.get("espDelta").isNull()) {
            espCall = trapFrame - stdcallBytes(h.get("function").asText()); // sub esp,ecx: the copied arguments
        } else {
            espCall = trapFrame + trapFrameEntryOffset(g) - g.get("espDelta").asLong();
        }
        long ret = images.address(g.get("image").asText(), g.get("returnRva").asLong());
        rows.add(new Row(ret, trapFrame, UnwindMethod.TRAP_FRAME));
        put(espCall - 4, ret);
        entry = espCall - 4;
    }

    private void breakFrame(JsonNode f) {
        String image = f.get("image").asText();
        long eip = images.address(image, f.get("breakRva").asLong());
        long esp = entry;
        if (f.get("stubBegin").isNull()) {
            rows.add(new Row(eip, entry - 4, UnwindMethod.LEAF)); // DbgBreakPoint / RtlpBreakWithStatusInstruction: leaves
        } else {
            JsonNode check = record(image, checkRva(image, f.get("breakRva").asLong())).orElseThrow();
            if (f.get("frameKind").asText().equals("ebp")) {
                ebp = push(entry - 4);
            }
            esp = entry - check.get("localSize").asLong() - check.get("savedRegsSize").asLong();
            rows.add(new Row(eip, entry - 4, UnwindMethod.FRAME_DATA));
        }
        initial = new X86Registers(eip, esp, ebp, 0, 0, 0);
    }

    /** Writes the caller's EBP at {@code at} (a push ebp) and returns {@code at}, the new EBP. */
    private long push(long at) {
        put(at, ebp);
        return X86Registers.canonical(at);
    }

    private Optional<Long> savedEbpSlot(String image, long rva) {
        return record(image, rva).map(r -> EBP_SLOT.matcher(r.get("program").asText()))
                .filter(Matcher::find).map(m -> Long.parseLong(m.group(1)));
    }

    /** The manifest's FRAMEDATA record for an RVA: the greatest start at or below it that contains it. */
    Optional<JsonNode> record(String image, long rva) {
        JsonNode best = null;
        for (JsonNode r : images.image(image).get("frameData")) {
            long start = r.get("rva").asLong();
            if (start <= rva && rva < start + r.get("codeSize").asLong()
                    && (best == null || start > best.get("rva").asLong())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    private long checkRva(String image, long breakRva) {
        for (JsonNode b : images.image(image).get("breakSites")) {
            if (b.get("rva").asLong() == breakRva && b.has("checkRva")) {
                return b.get("checkRva").asLong();
            }
        }
        throw new IllegalArgumentException("no break site at " + breakRva);
    }

    private long trapFrameEntryOffset(JsonNode g) {
        for (JsonNode fn : images.image(g.get("image").asText()).get("functions")) {
            if (fn.get("name").asText().equals(g.get("function").asText())) {
                return fn.get("trapFrameEntryOffset").asLong();
            }
        }
        throw new IllegalArgumentException("no function " + g.get("function"));
    }

    private static long stdcallBytes(String decorated) {
        Matcher m = STDCALL_BYTES.matcher(decorated);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
