package dev.poolhit.jupyter.kernel;

import dev.poolhit.jupyter.magic.Magic;
import dev.poolhit.jupyter.magic.MagicProvider;
import dev.poolhit.jupyter.magic.MagicRegistry;

/** Registered through META-INF/services in the test class path only. */
public final class TestMagicProvider implements MagicProvider {
    static volatile boolean shutDown;

    @Override
    public void register(MagicRegistry registry) {
        registry.register(Magic.line("provided").summary("from a provider").handler(call -> {
            call.expectPositionals(0, 0);
            return "provided";
        }).build());
    }

    @Override
    public void onShutdown() {
        shutDown = true;
    }
}
