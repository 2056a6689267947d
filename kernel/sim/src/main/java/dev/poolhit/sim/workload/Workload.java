package dev.poolhit.sim.workload;

import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.image.Scenario;
import dev.poolhit.sim.kernel.PoolAllocator;
import dev.poolhit.sim.kernel.PoolBlock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The scripted, seeded pool traffic: IOCTLs from the user process through myfault (the 'Lea2'
 * leak and balanced 'Lea1' allocate/free pairs, each wrapped in the I/O manager's own 'Irp '
 * and 'Ioct' traffic) and system worker threads allocating and freeing 'CM31' (tagged with the
 * protected bit, as Win7-era callers may), 'File' and big 'MmSt' blocks. 'Lea1' and 'CM31' come
 * from paged pool, the rest from non-paged pool. Operations expand into
 * events that run in order; the pool is updated as each event is produced. Same seed, same events.
 */
public final class Workload {
    private static final int PROTECTED = 0x80000000;
    private static final int[] LEAK_SIZES = {0x28, 0x100, 0x200, 0x4d0, 0x1000, 0x2000};
    private static final String[] WORKER_TAGS = {"CM31", "File", "MmSt"};
    /** Live 'CM31' blocks after which the x86 workers stop allocating them (at most ~10 MB). */
    private static final int X86_CM31_LIMIT = 4096;
    /** Tags whose callers ask for PagedPool (sim-images: MyfaultAllocBalanced, CmpLazyFlushWorker). */
    private static final Set<String> PAGED_TAGS = Set.of("Lea1", "CM31");

    private final SplittableRandom random;
    private final WorkloadMix mix;
    private final PoolAllocator nonPaged;
    private final PoolAllocator paged;
    private final int processors;
    private final int workers;
    private final Map<String, Scenario> scenarios = new HashMap<>();
    private final Map<String, List<PoolBlock>> outstanding = new HashMap<>();
    private final Deque<Step> pending = new ArrayDeque<>();

    private record Step(String allocScenario, String freeScenario, String tag, int size, ThreadRole role, int worker,
                        int processor, boolean protectedTag) {}

    public Workload(long seed, WorkloadMix mix, ImageSet images, PoolAllocator nonPaged, PoolAllocator paged,
                    int processors, int workers) {
        this.random = new SplittableRandom(seed);
        this.mix = mix;
        this.nonPaged = nonPaged;
        this.paged = paged;
        this.processors = processors;
        this.workers = workers;
        images.scenarios().forEach(s -> scenarios.put(s.name(), s));
    }

    /** Performs and returns the next pool event. */
    public PoolEvent next() {
        if (pending.isEmpty()) {
            plan();
        }
        return perform(pending.pop());
    }

    /** Blocks currently allocated (never freed) with this tag text, oldest first. */
    public List<PoolBlock> outstanding(String tag) {
        return List.copyOf(outstanding.getOrDefault(tag, List.of()));
    }

    private void plan() {
        double pick = random.nextDouble() * (mix.leak() + mix.balanced() + mix.workers());
        int cpu = random.nextInt(processors);
        if (pick < mix.leak()) {
            int size = LEAK_SIZES[random.nextInt(LEAK_SIZES.length)];
            ioctl(cpu, new Step(size >= 0x1000 ? "ioctl-leak-Lea2-big" : "ioctl-leak-Lea2-small", null, "Lea2", size,
                    ThreadRole.APP, 0, cpu, false));
        } else if (pick < mix.leak() + mix.balanced()) {
            boolean free = !outstanding.getOrDefault("Lea1", List.of()).isEmpty() && random.nextBoolean();
            ioctl(cpu, new Step(free ? null : "ioctl-alloc-Lea1", free ? "ioctl-free-Lea1" : null, "Lea1",
                    0x40 + 0x10 * random.nextInt(24), ThreadRole.APP, 0, cpu, false));
        } else if (!scenarios.containsKey("worker-CM31-alloc")) {
            planX86Worker(cpu);
        } else {
            String tag = WORKER_TAGS[random.nextInt(WORKER_TAGS.length)];
            int size = switch (tag) {
                case "MmSt" -> 0x1800 + 0x800 * random.nextInt(7);
                case "CM31" -> 0x200 + 0x8 * random.nextInt(0x100);
                default -> 0xd8;
            };
            boolean free = outstanding.getOrDefault(tag, List.of()).size() > 3
                    || (!outstanding.getOrDefault(tag, List.of()).isEmpty() && random.nextInt(3) == 0);
            String scenario = "worker-" + tag + (free ? "-free" : "-alloc");
            pending.add(new Step(free ? null : scenario, free ? scenario : null, tag, size, ThreadRole.WORKER,
                    random.nextInt(workers), cpu, "CM31".equals(tag)));
        }
    }

    /**
     * The x86 image set has two worker paths: a 'CM31' small allocation (never freed: no x86 free
     * path) and a big 'MmSt' free. The block an 'MmSt' free releases was allocated before the
     * workload started (no x86 allocation path either), so it has no allocation event.
     */
    private void planX86Worker(int cpu) {
        int worker = random.nextInt(workers);
        boolean cm31 = random.nextBoolean();
        // a leak that never stops would fill the 64 MB paged region within a long trace and kill the target
        if (cm31 && outstanding.getOrDefault("CM31", List.of()).size() < X86_CM31_LIMIT) {
            pending.add(new Step("worker-CM31-small", null, "CM31", 0x200 + 0x8 * random.nextInt(0x100),
                    ThreadRole.WORKER, worker, cpu, true));
            return;
        }
        List<PoolBlock> live = outstanding.computeIfAbsent("MmSt", t -> new ArrayList<>());
        if (live.isEmpty()) {
            int size = 0x1800 + 0x800 * random.nextInt(7);
            live.add(nonPaged.allocateBig(scenario("worker-MmSt-big-free").tagValue(), size));
        }
        pending.add(new Step(null, "worker-MmSt-big-free", "MmSt", 0, ThreadRole.WORKER, worker, cpu, false));
    }

    /** An IOCTL: the I/O manager's IRP and buffer around the driver's own pool work (x64 images only). */
    private void ioctl(int cpu, Step driverStep) {
        if (!scenarios.containsKey("ioctl-irp-alloc")) {
            pending.add(driverStep);
            return;
        }
        int buffer = 0x18 + 0x8 * random.nextInt(8);
        pending.add(new Step("ioctl-irp-alloc", null, "Irp ", 0x118, ThreadRole.APP, 0, cpu, false));
        pending.add(new Step("ioctl-buffer-alloc", null, "Ioct", buffer, ThreadRole.APP, 0, cpu, false));
        pending.add(driverStep);
        pending.add(new Step(null, "ioctl-buffer-free", "Ioct", buffer, ThreadRole.APP, 0, cpu, false));
        pending.add(new Step(null, "ioctl-irp-free", "Irp ", 0x118, ThreadRole.APP, 0, cpu, false));
    }

    private PoolEvent perform(Step step) {
        List<PoolBlock> live = outstanding.computeIfAbsent(step.tag(), t -> new ArrayList<>());
        if (step.allocScenario() != null) {
            Scenario scenario = scenario(step.allocScenario());
            int tag = scenario.tagValue() | (step.protectedTag() ? PROTECTED : 0);
            PoolAllocator pool = PAGED_TAGS.contains(step.tag()) ? paged : nonPaged;
            PoolBlock block = scenario.frames().stream().anyMatch(f -> f.function().equals("ExpAllocateBigPool"))
                    ? pool.allocateBig(tag, step.size()) : pool.allocate(tag, step.size());
            live.add(block);
            return new PoolEvent(scenario, PoolEventKind.ALLOC, block, step.role(), step.worker(), step.processor());
        }
        boolean lifo = step.role() == ThreadRole.APP && !step.tag().startsWith("Lea");
        PoolBlock block = live.remove(lifo ? live.size() - 1 : random.nextInt(live.size()));
        (block.poolType() == PoolAllocator.PAGED_POOL ? paged : nonPaged).free(block.address());
        return new PoolEvent(scenario(step.freeScenario()), PoolEventKind.FREE, block, step.role(), step.worker(),
                step.processor());
    }

    private Scenario scenario(String name) {
        Scenario s = scenarios.get(name);
        if (s == null) {
            throw new dev.poolhit.sim.image.ImageFormatException("manifest has no scenario named " + name
                    + " (the workload needs it)");
        }
        return s;
    }
}
