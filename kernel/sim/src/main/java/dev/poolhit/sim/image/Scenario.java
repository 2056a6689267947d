package dev.poolhit.sim.image;

import java.util.List;

/**
 * A call path the images were built for (manifest {@code scenarios[]}): from the outermost frame
 * (user-mode thread start, system thread start, idle loop) to a check site or break-in.
 *
 * @param name      e.g. {@code ioctl-leak-Lea2-small}
 * @param tag       the pool tag text ({@code Lea2}) or null for break-in
 * @param breakKind {@code alloc}, {@code free} or {@code breakin}
 * @param thread    which thread runs it (the manifest's trigger.thread text)
 * @param frames    outermost first
 */
public record Scenario(String name, String tag, String breakKind, String thread, List<ScenarioFrame> frames) {
    public Scenario {
        frames = List.copyOf(frames);
    }

    /** The tag as the little-endian ULONG the allocator compares. */
    public int tagValue() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (tag.charAt(i) & 0xff) << (8 * i);
        }
        return v;
    }
}
