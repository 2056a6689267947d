package dev.poolhit.jupyter.investigate;

import dev.poolhit.jupyter.magic.MagicProvider;
import dev.poolhit.jupyter.magic.MagicRegistry;
import java.util.List;

/**
 * The investigation magics (product.md §4): {@code %connect}, {@code %poolhittag}, {@code %trace},
 * {@code %restore}, the everyday debugger verbs, {@code %leaks}, {@code %save}/{@code %load} and
 * {@code %import-kd-log}. Kernel shutdown restores the target and detaches.
 */
public final class InvestigationMagics implements MagicProvider {
    private Investigation investigation;

    @Override
    public List<String> cellImports() {
        return List.of("import dev.poolhit.jupyter.investigate.PoolHit;");
    }

    @Override
    public void register(MagicRegistry registry) {
        investigation = PoolHit.startNew();
        new ConnectMagics(investigation).register(registry);
        new TraceMagics(investigation).register(registry);
        new DebugMagics(investigation).register(registry);
        new FileMagics(investigation).register(registry);
    }

    @Override
    public void onShutdown() {
        if (investigation == null) {
            return;
        }
        try {
            investigation.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
