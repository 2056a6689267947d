package dev.poolhit.jupyter.java;

import java.lang.reflect.Modifier;

/** The name JShell source can use for a value's type: its most specific public class or interface. */
final class PublicType {
    private PublicType() {
    }

    static String of(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (usable(c)) {
                return c.getCanonicalName();
            }
            for (Class<?> i : c.getInterfaces()) {
                if (usable(i)) {
                    return i.getCanonicalName();
                }
            }
        }
        return "Object";
    }

    private static boolean usable(Class<?> c) {
        return Modifier.isPublic(c.getModifiers()) && c.getCanonicalName() != null
                && c.getModule().isExported(c.getPackageName()) && !c.isArray();
    }
}
