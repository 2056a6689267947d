package dev.poolhit.sim.machine;

import dev.poolhit.sim.image.CodeMap;
import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.kernel.KernelState;
import dev.poolhit.sim.kernel.PoolAllocator;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.List;
import java.util.Map;

/** Everything one boot produced; a reboot replaces it whole. */
record BootState(SparseMemory memory, ImageSet images, List<LoadedImage> loaded, CodeMap code, KernelState kernel,
                 PoolAllocator nonPagedPool, PoolAllocator pagedPool, Map<String, Long> imageBases, List<dev.poolhit.common.AddressRange> bootWrites) {}
