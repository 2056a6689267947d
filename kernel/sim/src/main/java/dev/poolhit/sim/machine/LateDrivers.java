package dev.poolhit.sim.machine;

import dev.poolhit.sim.image.ImageLoader;
import dev.poolhit.sim.image.LoadedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The "driver loaded mid-run" knob ({@link MachineConfig#lateDriverAfterEvents}): after that many
 * pool events one more synthetic driver is mapped and appended to PsLoadedModuleList, as
 * MmLoadSystemImage would, and waits for the KD adapter to report it as a load-symbols state change.
 * One per boot; called with the machine's lock held.
 */
final class LateDrivers {
    private final MachineConfig config;
    private boolean loaded;
    private final List<LoadedImage> unreported = new ArrayList<>();

    LateDrivers(MachineConfig config) {
        this.config = config;
    }

    /** The event budget, shortened so the run stops at the load's event boundary. */
    long budget(long performed, long budget) {
        return pending() ? Math.min(budget, Math.max(0, config.lateDriverAfterEvents() - performed)) : budget;
    }

    /** Loads the driver when its event count is reached; true when it did. */
    boolean loadIfDue(BootState boot, long performed) {
        if (!pending() || performed < config.lateDriverAfterEvents()) {
            return false;
        }
        loaded = true;
        LoadedImage driver = Boot.mapDriver(boot.images().architecture(), config.extraDrivers() + 1,
                new ImageLoader(boot.memory()), boot.code());
        boot.loaded().add(driver);
        boot.builder().loadModule(boot.kernel(), driver);
        unreported.add(driver);
        return true;
    }

    /** Drivers loaded since the last call (the adapter reports each with a load-symbols state change). */
    List<LoadedImage> take() {
        List<LoadedImage> out = List.copyOf(unreported);
        unreported.clear();
        return out;
    }

    private boolean pending() {
        return config.lateDriverAfterEvents() > 0 && !loaded;
    }
}
