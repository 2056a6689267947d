package dev.poolhit.jupyter.investigate;

import dev.poolhit.jupyter.display.Display;
import dev.poolhit.jupyter.magic.Magic;
import dev.poolhit.jupyter.magic.MagicCall;
import dev.poolhit.jupyter.magic.MagicRegistry;
import dev.poolhit.target.AddressStyle;
import dev.poolhit.target.kd.BreakIn;
import dev.poolhit.target.kd.KdTarget;
import dev.poolhit.target.kd.Stop;
import dev.poolhit.target.kd.TargetState;
import dev.poolhit.target.stack.StackFrame;
import dev.poolhit.target.stack.StackRenderer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The everyday debugger verbs: {@code %k}, {@code %r}, {@code %db/%dd/%dq}, {@code %lm}, {@code %g}, {@code %break}. */
final class DebugMagics {
    static final Duration BREAK_WAIT = Duration.ofSeconds(5);
    /** Largest dump, in bytes: a notebook cell is not a hex editor. */
    static final long MAX_DUMP = 0x10000;
    private static final byte INT3 = (byte) 0xcc;
    private final Investigation investigation;

    DebugMagics(Investigation investigation) {
        this.investigation = investigation;
    }

    void register(MagicRegistry registry) {
        registry.register(Magic.line("k").summary("stack of the current thread: WinDbg k text plus a table")
                .usage("%k [FRAMES] [--into VAR]").bindsResultTo("stack")
                .help("Prints the stack as WinDbg's k does and returns it as a table (frame, child_sp, ret_addr, call_site).")
                .handler(Guard.of("k", this::stack)).build());
        registry.register(Magic.line("r").summary("registers of the current processor as a table")
                .handler(Guard.of("r", call -> {
                    call.expectPositionals(0, 0);
                    KdTarget target = broken();
                    return DebugTables.registers(target.registers(), target.info() != null && target.info().x86());
                })).build());
        for (int unit : new int[] {1, 4, 8}) {
            String name = unit == 1 ? "db" : unit == 4 ? "dd" : "dq";
            registry.register(Magic.line(name).summary("display memory as " + (unit == 1 ? "bytes" : unit == 4
                    ? "dwords" : "qwords") + ", WinDbg style").usage("%" + name + " ADDR [L<count>]")
                    .help("ADDR is hex (fffff800`02a00000, 0x...; 82800000 on x86) or a symbol (nt!PoolHitTag)."
                            + " L<count> is a hex count of units, as in WinDbg (L20 = 32).")
                    .handler(Guard.of(name, call -> dump(call, unit))).build());
        }
        registry.register(Magic.line("lm").summary("loaded modules as a table").bindsResultTo("modules")
                .handler(Guard.of("lm", call -> {
                    call.expectPositionals(0, 0);
                    KdTarget target = investigation.target();
                    return DebugTables.modules(target.modules().all(), target.addressStyle());
                })).build());
        registry.register(Magic.line("g").summary("resume the target").handler(Guard.of("g", this::go)).build());
        registry.register(Magic.line("break").summary("break into the running target")
                .handler(Guard.of("break", this::breakIn)).build());
    }

    private KdTarget broken() {
        return investigation.brokenTarget();
    }

    private Object stack(MagicCall call) {
        call.expectPositionals(0, 1);
        long frames = call.longInRange("FRAMES", call.positional(0, "64"), 1, 1024);
        KdTarget target = broken();
        List<StackFrame> stack = target.stackTrace((int) frames).frames();
        Display.display(StackRenderer.k(stack));
        return DebugTables.stack(stack, target.addressStyle());
    }

    private Object dump(MagicCall call, int unit) {
        call.expectPositionals(1, 2);
        long count = call.positionals().size() < 2 ? 128 / unit : count(call, call.positionals().get(1), unit);
        String where = call.positionals().get(0);
        // a hex address is checked before the target is needed: a typo is reported as a typo, connected or not
        OptionalLong hex = Addresses.isSymbol(where) ? OptionalLong.empty()
                : OptionalLong.of(Addresses.hex(call, "ADDR", where));
        KdTarget target = broken();
        AddressStyle style = target.addressStyle();
        long address = hex.isPresent() ? Addresses.onTarget(call, style, "ADDR", hex.getAsLong())
                : Addresses.resolve(call, target, where);
        long last = address + count * unit - 1;
        if (Long.compareUnsigned(last, address) < 0) {
            throw call.usageError("range " + style.text(address) + " L" + Long.toHexString(count)
                    + " runs past " + style.text(-1L) + ", the top of the address space");
        }
        return MemoryDump.of(address, target.read(address, (int) (count * unit)), unit, style);
    }

    /** {@code L<hex count>} as in WinDbg, at most {@link #MAX_DUMP} bytes. */
    private static long count(MagicCall call, String text, int unit) {
        String digits = text.length() > 1 && (text.charAt(0) == 'L' || text.charAt(0) == 'l') ? text.substring(1) : "";
        digits = digits.startsWith("0x") || digits.startsWith("0X") ? digits.substring(2) : digits;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c < 0x80 && Character.digit(c, 16) >= 0)) {
            throw call.usageError("count: expected L<hex count> like L20, got '" + text + "'");
        }
        BigInteger n = new BigInteger(digits, 16);
        long max = MAX_DUMP / unit;
        if (n.signum() == 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw call.usageError("count must be 1.." + Long.toHexString(max) + " (hex) " + (unit == 1 ? "bytes"
                    : unit == 4 ? "dwords" : "qwords") + ", got " + digits);
        }
        return n.longValue();
    }

    private Object go(MagicCall call) {
        call.expectPositionals(0, 0);
        KdTarget target = broken();
        Optional<Stop> at = target.lastStop();
        long rip = target.registers().rip();
        if (at.isPresent() && at.get().pc() == rip) {
            moveOffBreak(target, rip);
        }
        target.resume();
        return "target running; %break to stop it";
    }

    /**
     * RIP on an {@code int 3} would stop again at once: step over our own breakpoint (lift, step,
     * put back), or move past a hard-coded one (a PoolHitTag check site), as the restorer does.
     */
    private static void moveOffBreak(KdTarget target, long rip) {
        if (target.breakpoints().containsKey(rip)) {
            target.removeBreakpoint(rip);
            Optional<Stop> stepped = target.step(BREAK_WAIT);
            target.setBreakpoint(rip);
            if (stepped.isEmpty()) {
                throw new InvestigationException("NoStop", "stepping off our breakpoint at "
                        + target.addressStyle().text(rip)
                        + " did not stop within " + BREAK_WAIT.toSeconds() + " s: %status, then %restore");
            }
        } else if (target.read(rip, 1)[0] == INT3) {
            target.setInstructionPointer(rip + 1);
        }
    }

    private Object breakIn(MagicCall call) throws InterruptedException {
        call.expectPositionals(0, 0);
        KdTarget target = investigation.target();
        if (target.state() == TargetState.BROKEN) {
            return "already broken in: " + target.lastStop().map(s -> s.text(target.addressStyle())).orElse("");
        }
        Optional<Stop> stop = BreakIn.andWait(target, BREAK_WAIT);
        if (Thread.interrupted()) {
            throw new InterruptedException("%break interrupted");
        }
        AddressStyle style = target.addressStyle();
        return stop.map(s -> "broken in: " + s.text(style) + "\n" + target.describe(s.pc()).text(style))
                .orElseThrow(() ->
                new InvestigationException("NoStop", "the target did not stop within " + BREAK_WAIT.toSeconds()
                        + " s of each of " + BreakIn.ATTEMPTS + " break-ins: check the link with %status,"
                        + " then %break again"));
    }
}
