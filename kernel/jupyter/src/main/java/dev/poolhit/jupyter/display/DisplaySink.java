package dev.poolhit.jupyter.display;

/** Where {@link Display} sends outputs; the running kernel implements it. */
public interface DisplaySink {
    /** Publishes {@code value} as display_data with display id {@code id}. */
    void display(Object value, String id);

    /** Replaces the output shown under {@code id} (update_display_data). */
    void update(String id, Object value);
}
