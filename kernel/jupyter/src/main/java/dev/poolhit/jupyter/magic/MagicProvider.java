package dev.poolhit.jupyter.magic;

/**
 * How a group of magics joins the kernel: implement this, list the class in
 * {@code META-INF/services/dev.poolhit.jupyter.magic.MagicProvider}, and the kernel calls
 * {@link #register} once at start-up (found with {@link java.util.ServiceLoader}).
 */
public interface MagicProvider {
    /** Adds this provider's magics. */
    void register(MagicRegistry registry);

    /** Called once when the kernel shuts down (e.g. to restore a target's state). */
    default void onShutdown() {
    }
}
