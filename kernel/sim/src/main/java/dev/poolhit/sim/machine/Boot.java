package dev.poolhit.sim.machine;

import dev.poolhit.common.AddressRange;
import dev.poolhit.sim.image.CodeMap;
import dev.poolhit.sim.image.ImageFormatException;
import dev.poolhit.sim.image.ImageLoader;
import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.image.ManifestImage;
import dev.poolhit.sim.image.PeFile;
import dev.poolhit.sim.image.PeImport;
import dev.poolhit.sim.kernel.KernelBuilder;
import dev.poolhit.sim.kernel.KernelState;
import dev.poolhit.sim.kernel.PoolAllocator;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Power-on: maps the images, binds imports, writes the kernel's structures. */
final class Boot {
    static final int WORKER_THREADS = 3;
    /** The user process's stack: 64 KiB below this address. */
    static final long USER_STACK_TOP = 0x00000000000e0000L;
    private static final String KERNEL_DIR = "\\SystemRoot\\system32\\";
    private static final String DRIVER_DIR = "\\SystemRoot\\system32\\drivers\\";
    private static final String USER_DIR = "C:\\Windows\\System32\\";

    private Boot() {}

    static BootState boot(ImageSet images, int processors) {
        SparseMemory memory = new SparseMemory();
        ImageLoader loader = new ImageLoader(memory);
        List<LoadedImage> loaded = new ArrayList<>();
        Map<String, Long> bases = new HashMap<>();
        CodeMap code = new CodeMap();
        for (ManifestImage m : images.images()) {
            LoadedImage image = load(images, m, loader);
            loaded.add(image);
            bases.put(m.name(), image.base());
            Map<Long, String> names = new HashMap<>();
            // Aliases share an RVA (DbgBreakPointWithStatus = RtlpBreakWithStatusInstruction): the
            // alphabetically first name wins, so symbolization does not depend on map order.
            new TreeMap<>(m.publics()).forEach((name, rva) -> names.putIfAbsent(rva, name));
            code.add(m.name(), image, names);
        }
        List<AddressRange> writes = new ArrayList<>();
        for (LoadedImage image : loaded) {
            loader.bindImports(image, loaded);
            for (PeImport imp : image.pe().imports()) {
                writes.add(AddressRange.ofSize(image.base() + imp.iatSlotRva(), 8));
            }
        }
        ManifestImage nt = images.images().get(0);
        KernelBuilder builder = new KernelBuilder(memory, symbol -> ntSymbol(nt, symbol));
        List<LoadedImage> kernelImages = loaded.stream().filter(LoadedImage::kernelMode).toList();
        List<LoadedImage> userImages = loaded.stream().filter(i -> !i.kernelMode()).toList();
        KernelState kernel = builder.build(kernelImages, userImages, processors, WORKER_THREADS);
        memory.map(USER_STACK_TOP - 0x10000, 0x10000);
        PoolAllocator nonPaged = new PoolAllocator(memory, PoolAllocator.NON_PAGED_POOL);
        PoolAllocator paged = new PoolAllocator(memory, PoolAllocator.PAGED_POOL);
        memory.put64(ntSymbol(nt, "ExpSmallPoolCursor"), PoolAllocator.POOL_START);
        memory.put64(ntSymbol(nt, "ExpBigPoolCursor"), PoolAllocator.BIG_POOL_START);
        for (String global : List.of("PsLoadedModuleList", "PsActiveProcessHead", "PsInitialSystemProcess",
                "KdDebuggerDataBlock", "KdpDebuggerDataListHead", "KdVersionBlock", "KdDebuggerEnabled",
                "KeNumberProcessors", "KiProcessorBlock", "ExpSmallPoolCursor", "ExpBigPoolCursor")) {
            writes.add(AddressRange.ofSize(ntSymbol(nt, global), globalSize(global)));
        }
        return new BootState(memory, images, loaded, code, kernel, nonPaged, paged, bases, writes);
    }

    private static LoadedImage load(ImageSet images, ManifestImage m, ImageLoader loader) {
        PeFile pe = PeFile.parse(m.file(), images.files().get(m.file()));
        if (pe.imageBase() != m.base()) {
            throw new ImageFormatException("image base mismatch: manifest 0x" + Long.toHexString(m.base())
                    + ", PE header 0x" + Long.toHexString(pe.imageBase()) + " (" + m.file() + ")");
        }
        String dir = "driver".equals(m.kind()) ? DRIVER_DIR : m.kernelMode() ? KERNEL_DIR : USER_DIR;
        LoadedImage image = new LoadedImage(m.file(), dir + m.file(), pe, m.kernelMode());
        loader.map(image);
        return image;
    }

    private static long globalSize(String global) {
        return switch (global) {
            case "KdDebuggerDataBlock" -> 0x368;
            case "KdVersionBlock" -> 0x28;
            case "KiProcessorBlock" -> 0x200;
            case "PsLoadedModuleList", "PsActiveProcessHead", "KdpDebuggerDataListHead" -> 0x10;
            case "KdDebuggerEnabled", "KeNumberProcessors" -> 1;
            default -> 8;
        };
    }

    static long ntSymbol(ManifestImage nt, String symbol) {
        Long rva = nt.publics().get(symbol);
        if (rva == null) {
            throw new ImageFormatException("ntoskrnl public missing: " + symbol + " (the simulator fills it at boot)");
        }
        return nt.base() + rva;
    }
}
