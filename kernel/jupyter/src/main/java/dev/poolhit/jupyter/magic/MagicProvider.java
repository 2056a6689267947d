package dev.poolhit.jupyter.magic;

import java.util.List;

/**
 * How a group of magics joins the kernel: implement this, list the class in
 * {@code META-INF/services/dev.poolhit.jupyter.magic.MagicProvider}, and the kernel calls
 * {@link #register} once at start-up (found with {@link java.util.ServiceLoader}).
 */
public interface MagicProvider {
    /** Adds this provider's magics. */
    void register(MagicRegistry registry);

    /**
     * Java import lines every cell gets (e.g. {@code "import dev.poolhit.jupyter.investigate.PoolHit;"}),
     * so this provider's user-facing API needs no import in notebooks.
     */
    default List<String> cellImports() {
        return List.of();
    }

    /** Called once when the kernel shuts down (e.g. to restore a target's state). */
    default void onShutdown() {
    }
}
