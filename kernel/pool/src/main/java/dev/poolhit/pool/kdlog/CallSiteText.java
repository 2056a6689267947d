package dev.poolhit.pool.kdlog;

import dev.poolhit.pool.trace.Missing;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits WinDbg call-site text into module, function and offset: {@code nt!ExAllocatePoolWithTag+0x82e},
 * {@code myfault+0x1634}, {@code nt! ??::FNODOBFM::`string'+0x24a2a} (function
 * {@code ??::FNODOBFM::`string'}), {@code nt!KiSystemCall64} (offset 0), a bare address
 * {@code 0xfffff800`014798f6} (module missing, ip known), {@code kp} parameter lists and
 * {@code [file @ line]} suffixes (dropped). The text itself is kept verbatim as the call site.
 *
 * @param text     the call site as printed, without trailing annotations
 * @param module   module, or missing
 * @param function function, trimmed, WinDbg's {@code "?? ::"} spelled {@code "??::"} as in
 *                 {@code k}; or missing
 * @param offset   offset, or missing for a bare address
 * @param ip       the address, only for a bare-address call site
 */
record CallSiteText(String text, String module, String function, long offset, long ip) {
    private static final Pattern SOURCE = Pattern.compile("\\s+\\[[^\\]]*@ ?\\d+\\]\\s*$");
    private static final Pattern ANNOTATION =
            Pattern.compile("\\s+\\((?:TrapFrame|FPO|CONTEXT|ExceptionRecord|Inline)\\b[^)]*\\)\\s*$");
    private static final Pattern OFFSET = Pattern.compile("\\+0x([0-9a-fA-F]{1,16})$");
    private static final Pattern ADDRESS = Pattern.compile("(?:0x)?([0-9a-fA-F]{8}`?[0-9a-fA-F]{8}|[0-9a-fA-F]{8})");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_.$\\-]+");

    /** Parses call-site text; {@code null} when it is no call site at all. */
    static CallSiteText parse(String raw) {
        String text = ANNOTATION.matcher(SOURCE.matcher(raw.strip()).replaceFirst("")).replaceFirst("").strip();
        if (text.isEmpty()) {
            return null;
        }
        Matcher address = ADDRESS.matcher(text);
        if (address.matches()) {
            long ip = Long.parseUnsignedLong(address.group(1).replace("`", ""), 16);
            return new CallSiteText(text, Missing.TEXT, Missing.TEXT, Missing.LONG, ip);
        }
        Matcher off = OFFSET.matcher(text);
        long offset = off.find() ? Long.parseUnsignedLong(off.group(1), 16) : Missing.LONG;
        String symbol = Missing.is(offset) ? text : text.substring(0, off.start());
        int bang = symbol.indexOf('!');
        String module = (bang < 0 ? symbol : symbol.substring(0, bang)).strip();
        if (!MODULE.matcher(module).matches()) {
            return null;
        }
        if (bang < 0) {
            return new CallSiteText(text, module, Missing.TEXT, offset, Missing.LONG);
        }
        String function = withoutParameters(symbol.substring(bang + 1)).strip().replace("?? ::", "??::");
        if (function.isEmpty()) {
            return null;
        }
        return new CallSiteText(text, module, function, Missing.is(offset) ? 0 : offset, Missing.LONG);
    }

    /** {@code kp} prints {@code nt!Foo(void * p = 0x...)+0x12}: the parameter list is not the name. */
    private static String withoutParameters(String function) {
        if (!function.endsWith(")") || function.endsWith("operator()")) {
            return function;
        }
        int depth = 0;
        for (int i = function.length() - 1; i >= 0; i--) {
            char c = function.charAt(i);
            depth += c == ')' ? 1 : c == '(' ? -1 : 0;
            if (depth == 0) {
                return function.substring(0, i);
            }
        }
        return function;
    }
}
