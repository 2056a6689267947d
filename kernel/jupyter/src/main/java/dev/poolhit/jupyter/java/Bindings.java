package dev.poolhit.jupyter.java;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hand-over point for live objects going from the kernel into a JShell variable. Public only
 * because the generated JShell snippet must call {@link #take(String)}; not for user code.
 */
public final class Bindings {
    private static final Map<String, Object> PENDING = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private Bindings() {
    }

    static String put(Object value) {
        String key = "binding-" + KEYS.incrementAndGet();
        PENDING.put(key, value);
        return key;
    }

    /** Removes and returns the object stored under {@code key}. */
    public static Object take(String key) {
        return PENDING.remove(key);
    }
}
