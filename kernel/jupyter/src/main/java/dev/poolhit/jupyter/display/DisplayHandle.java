package dev.poolhit.jupyter.display;

/**
 * What {@link Display#display(Object)} returns: the display id, and a way to replace that output.
 * A cell ending in {@code display(x);} shows nothing extra for it (the kernel renders no handle).
 *
 * @param id the Jupyter display id
 */
public record DisplayHandle(String id) {
    /** Replaces the output shown under this handle. */
    public void update(Object value) {
        Display.updateDisplay(this, value);
    }
}
