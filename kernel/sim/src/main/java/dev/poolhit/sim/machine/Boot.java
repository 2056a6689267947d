package dev.poolhit.sim.machine;

import dev.poolhit.common.AddressRange;
import dev.poolhit.sim.Architecture;
import dev.poolhit.sim.image.CodeMap;
import dev.poolhit.sim.image.ImageFormatException;
import dev.poolhit.sim.image.ImageLoader;
import dev.poolhit.sim.image.ImageSet;
import dev.poolhit.sim.image.LoadedImage;
import dev.poolhit.sim.image.ManifestImage;
import dev.poolhit.sim.image.PeFile;
import dev.poolhit.sim.image.PeImport;
import dev.poolhit.sim.image.SyntheticDriver;
import dev.poolhit.sim.kernel.KernelBuilder;
import dev.poolhit.sim.kernel.KernelLayout;
import dev.poolhit.sim.kernel.KernelState;
import dev.poolhit.sim.kernel.PoolAllocator;
import dev.poolhit.sim.memory.SparseMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Power-on: maps the images (and the extra synthetic drivers), binds imports, writes the kernel's structures. */
final class Boot {
    static final int WORKER_THREADS = 3;
    /** The user process's stack: 64 KiB below this address (x64). */
    static final long USER_STACK_TOP = 0x00000000000e0000L;
    /** The x86 user stack top (below the 0x00400000 executable, as on 32-bit Windows). */
    static final long X86_USER_STACK_TOP = 0x00130000L;
    static final String KERNEL_DIR = "\\SystemRoot\\system32\\";
    static final String DRIVER_DIR = "\\SystemRoot\\system32\\drivers\\";
    private static final String USER_DIR = "C:\\Windows\\System32\\";
    private static final List<String> GLOBALS = List.of("PsLoadedModuleList", "PsActiveProcessHead",
            "PsInitialSystemProcess", "KdDebuggerDataBlock", "KdpDebuggerDataListHead", "KdVersionBlock",
            "KdDebuggerEnabled", "KeNumberProcessors", "KiProcessorBlock", "ExpSmallPoolCursor", "ExpBigPoolCursor");

    private Boot() {}

    static BootState boot(ImageSet images, MachineConfig config) {
        Architecture arch = images.architecture();
        KernelLayout layout = KernelLayout.of(arch);
        SparseMemory memory = new SparseMemory();
        ImageLoader loader = new ImageLoader(memory);
        List<LoadedImage> loaded = new CopyOnWriteArrayList<>();
        Map<String, Long> bases = new HashMap<>();
        CodeMap code = new CodeMap();
        mapImages(images, loader, loaded, bases, code);
        for (int d = 1; d <= config.extraDrivers(); d++) {
            loaded.add(mapDriver(arch, d, loader, code));
        }
        List<AddressRange> writes = new ArrayList<>();
        for (LoadedImage image : loaded) {
            loader.bindImports(image, loaded);
            for (PeImport imp : image.pe().imports()) {
                writes.add(AddressRange.ofSize(image.base() + imp.iatSlotRva(), image.pe().pointerBytes()));
            }
        }
        ManifestImage nt = images.images().get(0);
        KernelBuilder builder = new KernelBuilder(layout, memory, symbol -> ntSymbol(nt, symbol));
        List<LoadedImage> kernelImages = loaded.stream().filter(LoadedImage::kernelMode).toList();
        List<LoadedImage> userImages = loaded.stream().filter(i -> !i.kernelMode()).toList();
        KernelState kernel = builder.build(kernelImages, userImages, config.processors(), WORKER_THREADS);
        long userStackTop = arch == Architecture.X86 ? X86_USER_STACK_TOP : USER_STACK_TOP;
        memory.map(userStackTop - 0x10000, 0x10000);
        PoolAllocator nonPaged = new PoolAllocator(memory, PoolAllocator.NON_PAGED_POOL, arch);
        PoolAllocator paged = new PoolAllocator(memory, PoolAllocator.PAGED_POOL, arch);
        layout.putPointer(memory, ntSymbol(nt, "ExpSmallPoolCursor"),
                arch == Architecture.X86 ? PoolAllocator.X86_POOL_START : PoolAllocator.POOL_START);
        layout.putPointer(memory, ntSymbol(nt, "ExpBigPoolCursor"),
                arch == Architecture.X86 ? PoolAllocator.X86_BIG_POOL_START : PoolAllocator.BIG_POOL_START);
        for (String global : GLOBALS) {
            writes.add(AddressRange.ofSize(ntSymbol(nt, global), globalSize(global, layout)));
        }
        StackBuilder stacks = arch == Architecture.X86 ? new X86StackWriter(memory, code, regions(images, loaded))
                : new StackWriter(memory, code);
        return new BootState(memory, images, loaded, code, kernel, nonPaged, paged, bases, writes, stacks, builder,
                userStackTop);
    }

    private static void mapImages(ImageSet images, ImageLoader loader, List<LoadedImage> loaded,
                                  Map<String, Long> bases, CodeMap code) {
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
    }

    /** Maps synthetic driver {@code index} (1-based): file built in memory, loaded at its own base. */
    static LoadedImage mapDriver(Architecture arch, int index, ImageLoader loader, CodeMap code) {
        String name = SyntheticDriver.fileName(index);
        PeFile pe = PeFile.parse(name, SyntheticDriver.build(arch, index));
        LoadedImage image = new LoadedImage(name, DRIVER_DIR + name, pe, true);
        loader.map(image);
        code.add(name.substring(0, name.length() - 4), image, Map.of());
        return image;
    }

    private static List<X86StackWriter.Region> regions(ImageSet images, List<LoadedImage> loaded) {
        List<X86StackWriter.Region> out = new ArrayList<>();
        for (int i = 0; i < images.images().size(); i++) {
            LoadedImage image = loaded.get(i);
            out.add(new X86StackWriter.Region(image.range(), image.base(), images.images().get(i).x86()));
        }
        return out;
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

    private static long globalSize(String global, KernelLayout layout) {
        int pointer = layout.pointerBytes();
        return switch (global) {
            case "KdDebuggerDataBlock" -> 0x368;
            case "KdVersionBlock" -> 0x28;
            case "KiProcessorBlock" -> 64L * pointer;
            case "PsLoadedModuleList", "PsActiveProcessHead", "KdpDebuggerDataListHead" -> 2L * pointer;
            case "KdDebuggerEnabled", "KeNumberProcessors" -> 1;
            default -> pointer;
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
