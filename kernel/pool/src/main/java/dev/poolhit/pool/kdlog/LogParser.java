package dev.poolhit.pool.kdlog;

import dev.poolhit.pool.KdLogFormatException;
import dev.poolhit.pool.tag.PoolTag;
import dev.poolhit.pool.trace.Frame;
import dev.poolhit.pool.trace.Hit;
import dev.poolhit.pool.trace.HitClassifier;
import dev.poolhit.pool.trace.Missing;
import dev.poolhit.pool.trace.ModuleInfo;
import dev.poolhit.pool.trace.Trace;
import dev.poolhit.pool.trace.TraceInfo;
import dev.poolhit.target.AddressStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kd-log state machine, one line at a time. A hit is one PoolHitTag break: a
 * {@code Break instruction exception - code 80000003} banner (its site from the two lines that
 * follow) together with the first stack printed before the target is continued ({@code g}), or a
 * stack printed with no banner, as a breakpoint's {@code "k;g"} command list does. A banner
 * continued without a stack is a hit without frames.
 */
final class LogParser {
    private static final Pattern PROMPT = Pattern.compile("^(?:(\\d+):\\s*)?l?kd>\\s?(.*)$");
    private static final Pattern BANNER = Pattern.compile("^.* - code ([0-9a-fA-F]{8}) \\((?:first|second) chance\\)$");
    private static final Pattern DISASM = Pattern.compile("^([0-9a-fA-F]{8}`[0-9a-fA-F]{8}|[0-9a-fA-F]{8})\\s+[0-9a-fA-F]{2,}\\s+\\S.*$");
    private static final Pattern ARM = Pattern.compile("^ed\\s+(?:nt!)?poolhittag\\s+(\\S.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTINUE = Pattern.compile("^(?:g|gh|gn|gu|p|t|pc|tc)(?:\\s.*)?$");
    private static final Pattern VERSION = Pattern.compile("^Windows .*Kernel Version \\d+.*$");
    private static final Pattern KERNEL_BASE = Pattern.compile("^Kernel base = 0x([0-9a-fA-F]{8}`?[0-9a-fA-F]{8})\\b.*$");
    private final Trace trace;
    private final boolean strict;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Long> learnedSites = new HashMap<>();
    private final StackBlock block = new StackBlock();
    private OpenBreak open;
    private boolean foreignBreak;
    private PoolTag tag;
    private PoolTag firstTag;
    private String version = Missing.TEXT;
    private int line;

    LogParser(String source, boolean strict) {
        this.trace = new Trace(new TraceInfo("kd-log " + source, Missing.TEXT, null, Missing.LONG));
        this.strict = strict;
    }

    void accept(String text, boolean cut) {
        line++;
        if (text.indexOf('\0') >= 0) {
            throw new KdLogFormatException("line " + line + ": NUL character: not a text log"
                    + " (expected WinDbg/kd output; a UTF-16 log needs its byte-order mark)");
        }
        if (cut) {
            warn("line " + line + ": longer than " + LogLines.MAX_LINE + " characters, cut");
        }
        if (block.active() && block.take(text, line)) {
            return;
        }
        if (block.finished()) {
            endStack();
        }
        other(text.strip());
    }

    KdLogImport finish() {
        if (block.active() || block.finished()) {
            block.end();
            endStack();
        }
        closeBreak();
        if (trace.size() == 0) {
            throw new KdLogFormatException("no PoolHitTag breaks found in " + trace.info().source().substring(7)
                    + " (" + line + " lines): expected 'Break instruction exception - code 80000003'"
                    + " banners or k output under a 'Child-SP RetAddr Call Site' header");
        }
        // WinDbg's banner ends "Free x86 compatible" on a 32-bit target; its addresses print 8 digits
        AddressStyle style = version.contains(" x86") ? AddressStyle.X86 : AddressStyle.X64;
        trace.info(new TraceInfo(trace.info().source(), version, firstTag, Missing.LONG, style));
        return new KdLogImport(trace, warnings);
    }

    private void other(String s) {
        Matcher m;
        if (open != null && open.bannerStep < 2 && banner(s)) {
            return;
        }
        if ((m = PROMPT.matcher(s)).matches()) {
            command(m.group(1), m.group(2).strip());
        } else if (StackHeader.parse(s) != null) {
            block.start(StackHeader.parse(s), line);
        } else if ((m = BANNER.matcher(s)).matches()) {
            closeBreak();
            foreignBreak = !m.group(1).equals("80000003");
            if (!foreignBreak) {
                open = new OpenBreak();
            }
        } else if ((m = VERSION.matcher(s)).matches()) {
            version = s;
        } else if ((m = KERNEL_BASE.matcher(s)).matches()) {
            long base = Long.parseUnsignedLong(m.group(1).replace("`", ""), 16);
            trace.addModule(new ModuleInfo("nt", base, Missing.LONG, Missing.LONG, Missing.TEXT, Missing.TEXT, Missing.INT));
        }
    }

    /** The two lines after a banner: {@code symbol:} and {@code address cc int 3}. */
    private boolean banner(String s) {
        if (open.bannerStep == 0 && s.endsWith(":") && !PROMPT.matcher(s).matches()) {
            open.siteSymbol = s.substring(0, s.length() - 1).strip();
            open.bannerStep = 1;
            return true;
        }
        Matcher d = DISASM.matcher(s);
        open.bannerStep = 2;
        if (d.matches()) {
            open.siteAddress = Long.parseUnsignedLong(d.group(1).replace("`", ""), 16);
            if (!open.siteSymbol.isEmpty()) {
                learnedSites.put(normalize(open.siteSymbol), open.siteAddress);
            }
            return true;
        }
        return false;
    }

    private void command(String processor, String cmd) {
        if (open != null && processor != null) {
            open.processor = processor.length() > 6 ? Missing.INT : Integer.parseInt(processor);
        }
        Matcher arm = ARM.matcher(cmd);
        if (arm.matches()) {
            try {
                tag = TagValue.parse(arm.group(1));
            } catch (IllegalArgumentException e) {
                tag = null;
                warn("line " + line + ": PoolHitTag value '" + arm.group(1) + "' not understood ("
                        + e.getMessage() + "); the tag of the following hits is unknown");
            }
            if (firstTag == null) {
                firstTag = tag;
            }
        } else if (CONTINUE.matcher(cmd).matches()) {
            closeBreak();
            foreignBreak = false;
        }
    }

    private void endStack() {
        List<FrameRow> rows = block.rows();
        String broken = block.error();
        block.reset();
        if (foreignBreak) {
            warn("line " + block.lastStart() + ": stack of a break that is not a PoolHitTag int 3, skipped");
            return;
        }
        if (open != null && open.hasStack) {
            warn("line " + block.lastStart() + ": second stack for the same break (no g in between), skipped");
            return;
        }
        if (rows.isEmpty() && broken == null) {
            warn("line " + block.lastStart() + ": stack header without frames, skipped");
            return;
        }
        if (open != null) {
            open.hasStack = true;
        }
        if (broken != null) {
            warn(broken);
            return;
        }
        trace.append(hit(rows));
    }

    private Hit hit(List<FrameRow> rows) {
        long site = open != null ? open.siteAddress : Missing.LONG;
        String symbol = open != null ? open.siteSymbol : Missing.TEXT;
        if (open == null && !rows.isEmpty()) {
            symbol = rows.get(0).callSite().text();
            site = learnedSites.getOrDefault(normalize(symbol), Missing.LONG);
        }
        List<Frame> frames = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            FrameRow r = rows.get(i);
            CallSiteText cs = r.callSite();
            long ip = !Missing.is(cs.ip()) ? cs.ip() : i == 0 ? site : rows.get(i - 1).returnAddress();
            frames.add(new Frame(r.childSp(), r.returnAddress(), ip, cs.module(), cs.function(), cs.offset(), cs.text()));
        }
        return Hit.builder().kind(HitClassifier.classify(symbol, frames)).tag(tag)
                .processor(open != null ? open.processor : Missing.INT).site(site, symbol)
                .frames(frames).build();
    }

    private void closeBreak() {
        if (open != null && !open.hasStack) {
            trace.append(hit(List.of()));
        }
        open = null;
    }

    private void warn(String message) {
        if (strict) {
            throw new KdLogFormatException(message);
        }
        warnings.add(message);
    }

    private static String normalize(String symbol) {
        return symbol.replaceAll("\\s+", "");
    }
}
