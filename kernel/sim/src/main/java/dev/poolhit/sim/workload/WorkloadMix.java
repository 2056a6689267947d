package dev.poolhit.sim.workload;

/**
 * Relative weights of the workload's event families (any non-negative numbers; 0 turns one off).
 *
 * @param leak        IOCTL from the user process through myfault: allocates 'Lea2', never frees it
 * @param balanced    IOCTL through myfault that allocates 'Lea1' and frees it later
 * @param workers     system worker threads allocating and freeing other tags and sizes
 */
public record WorkloadMix(double leak, double balanced, double workers) {
    public static final WorkloadMix DEFAULT = new WorkloadMix(1, 2, 6);

    public WorkloadMix {
        if (leak < 0 || balanced < 0 || workers < 0 || leak + balanced + workers <= 0) {
            throw new IllegalArgumentException("workload mix weights must be >= 0 with a positive sum, actual "
                    + leak + "/" + balanced + "/" + workers);
        }
    }
}
