package dev.poolhit.sim.machine;

import dev.poolhit.common.AddressRange;
import dev.poolhit.sim.image.CodeMap;
import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.kernel.KernelBuilder;
import dev.poolhit.sim.kernel.KernelState;
import dev.poolhit.sim.kernel.PoolAllocator;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.List;
import java.util.Map;

/**
 * Everything one boot produced; a reboot replaces it whole. {@code loaded} grows when a driver is
 * loaded after boot (a copy-on-write list: readable from any thread).
 */
record BootState(SparseMemory memory, ImageSet images, List<LoadedImage> loaded, CodeMap code, KernelState kernel,
                 PoolAllocator nonPagedPool, PoolAllocator pagedPool, Map<String, Long> imageBases,
                 List<AddressRange> bootWrites, StackBuilder stacks, KernelBuilder builder, long userStackTop) {}
