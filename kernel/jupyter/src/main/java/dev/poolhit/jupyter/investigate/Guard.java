package dev.poolhit.jupyter.investigate;

import dev.poolhit.jupyter.magic.MagicHandler;
import dev.poolhit.pool.PoolException;
import dev.poolhit.target.TargetException;

/** Wraps a magic's handler so the target and pool layers' exceptions become one short message. */
final class Guard {
    private Guard() {}

    static MagicHandler of(String magic, MagicHandler handler) {
        return call -> {
            try {
                return handler.run(call);
            } catch (TargetException | PoolException e) {
                throw InvestigationException.translate("%" + magic, e);
            }
        };
    }
}
