package dev.poolhit.pool.trace;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides alloc or free from names, as a person reading {@code k} output does: the break site's
 * symbol, else the first kernel frame among the top {@value #TOP_FRAMES} whose function is a pool
 * allocator ({@code ExAllocate*}, {@code ExpAllocate*}) or a pool free ({@code ExFree*},
 * {@code ExpFree*}, {@code ExDeferredFreePool}). Only kernel-image frames count, so a driver's own
 * {@code ExAllocateSomething} wrapper is not mistaken for the pool. Undecided is
 * {@link HitKind#UNKNOWN}.
 */
public final class HitClassifier {
    /** How many innermost frames may hold the allocator or free routine. */
    public static final int TOP_FRAMES = 6;
    private static final Set<String> KERNEL_MODULES =
            Set.of("nt", "ntoskrnl", "ntkrnlmp", "ntkrnlpa", "ntkrpamp");
    private static final List<String> ALLOC_PREFIXES = List.of("ExAllocate", "ExpAllocate");
    private static final List<String> FREE_PREFIXES = List.of("ExFree", "ExpFree", "ExDeferredFree");

    private HitClassifier() {}

    /** The kind from a break site symbol ({@code nt!ExDeferredFreePool+0xb57}) and the frames. */
    public static HitKind classify(String siteSymbol, List<Frame> frames) {
        HitKind fromSite = ofSymbol(siteSymbol);
        if (fromSite != HitKind.UNKNOWN) {
            return fromSite;
        }
        for (int i = 0; i < Math.min(TOP_FRAMES, frames.size()); i++) {
            Frame f = frames.get(i);
            if (KERNEL_MODULES.contains(f.module().toLowerCase(Locale.ROOT))) {
                HitKind k = ofFunction(f.function());
                if (k != HitKind.UNKNOWN) {
                    return k;
                }
            }
        }
        return HitKind.UNKNOWN;
    }

    /**
     * The first frame past the pool routines at the top of a stack: the caller a leak is blamed on
     * ({@code myfault+0x1634} under {@code nt!ExAllocatePoolWithTag}); 0 when no pool routine is
     * among the top frames.
     */
    public static int callerFrame(List<String> modules, List<String> functions) {
        int caller = 0;
        for (int i = 0; i < Math.min(TOP_FRAMES, modules.size()); i++) {
            if (KERNEL_MODULES.contains(modules.get(i).toLowerCase(Locale.ROOT))
                    && ofFunction(functions.get(i)) != HitKind.UNKNOWN) {
                caller = i + 1;
            }
        }
        return Math.min(caller, Math.max(0, modules.size() - 1));
    }

    private static HitKind ofSymbol(String symbol) {
        int bang = symbol.indexOf('!');
        if (bang < 0 || !KERNEL_MODULES.contains(symbol.substring(0, bang).toLowerCase(Locale.ROOT))) {
            return HitKind.UNKNOWN;
        }
        return ofFunction(symbol.substring(bang + 1).strip());
    }

    private static HitKind ofFunction(String function) {
        for (String p : ALLOC_PREFIXES) {
            if (function.startsWith(p)) {
                return HitKind.ALLOC;
            }
        }
        for (String p : FREE_PREFIXES) {
            if (function.startsWith(p)) {
                return HitKind.FREE;
            }
        }
        return HitKind.UNKNOWN;
    }
}
