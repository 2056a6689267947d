package dev.poolhit.target.kd;

import java.util.List;

/**
 * Whether a freshly attached target still runs the boot some {@link OwedEdits} were made in
 * ({@link KdTarget#checkBoot}). Evidence is what can be told from outside: the kernel base, the
 * time since boot, and our edits themselves (a breakpoint reads {@code 0xcc} where the code has
 * another byte; a patched byte differs from the code's own). A breakpoint over a byte that is
 * {@code 0xcc} anyway tells nothing.
 *
 * @param verdict  the conclusion
 * @param reason   one line saying why ({@code same boot: kernel base ..., 2 of our edits still in place})
 * @param present  edits still in place, as text ({@code breakpoint at fffff800`02a01234})
 * @param gone     edits no longer in place, as text
 */
public record BootCheck(Verdict verdict, String reason, List<String> present, List<String> gone) {
    /** What the check concluded. */
    public enum Verdict {
        /** Our edits are still there: adopt and undo them. */
        SAME_BOOT,
        /** The kernel moved, its clock went back, or every checkable edit is gone: nothing to undo. */
        REBOOTED,
        /** Same kernel base and nothing that tells either way (no checkable edit): the caller decides. */
        UNCONFIRMED
    }

    public BootCheck {
        present = List.copyOf(present);
        gone = List.copyOf(gone);
    }
}
