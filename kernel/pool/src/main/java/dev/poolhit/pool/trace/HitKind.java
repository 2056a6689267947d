package dev.poolhit.pool.trace;

/** Whether a PoolHitTag break came from an allocation or a free of the tagged block. */
public enum HitKind {
    ALLOC("alloc"),
    FREE("free"),
    /** Neither the break site nor the frames tell; shown as a missing value, never guessed. */
    UNKNOWN(Missing.TEXT);

    private final String label;

    HitKind(String label) {
        this.label = label;
    }

    /** {@code alloc}, {@code free}, or the empty (missing) text for {@link #UNKNOWN}. */
    public String label() {
        return label;
    }

    /** The kind for a {@link #label()}; the empty text gives {@link #UNKNOWN}. */
    public static HitKind ofLabel(String label) {
        for (HitKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown hit kind '" + label + "': expected alloc, free or empty");
    }
}
