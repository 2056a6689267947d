package dev.poolhit.pool.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns strings to dense ids so each module, function and call-site text is held once. */
final class StringPool {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int intern(String s) {
        Integer id = ids.get(s);
        if (id != null) {
            return id;
        }
        int next = values.size();
        values.add(s);
        ids.put(s, next);
        return next;
    }

    String get(int id) {
        return values.get(id);
    }

    /** A copy of the pool's strings, for a snapshot. */
    String[] toArray() {
        return values.toArray(new String[0]);
    }
}
