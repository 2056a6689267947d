package dev.poolhit.kd.session;

import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a manipulate response answers a given request. Once a request may have been asked twice
 * (see {@link KdSession#request}), a late answer to the first asking must not be taken for the
 * answer to a newer request of the same API: the target answers by reusing the request in place,
 * so for these APIs the union's leading address or handle is echoed and must match too.
 */
final class Responses {
    /** APIs whose response keeps the request's first union field (address, handle) as it was. */
    private static final Set<ManipulateApi> ECHOED = EnumSet.of(ManipulateApi.READ_VIRTUAL_MEMORY,
            ManipulateApi.WRITE_VIRTUAL_MEMORY, ManipulateApi.READ_CONTROL_SPACE, ManipulateApi.WRITE_CONTROL_SPACE,
            ManipulateApi.WRITE_BREAKPOINT, ManipulateApi.RESTORE_BREAKPOINT);
    private static final int ECHOED_BYTES = 8;

    private Responses() {}

    static boolean answers(ManipulateState request, ManipulateState response) {
        if (response.apiNumber() != request.apiNumber() || response.processor() != request.processor()) {
            return false;
        }
        boolean echoed = ManipulateApi.of(request.apiNumber()).map(ECHOED::contains).orElse(false);
        return !echoed || Arrays.equals(request.union(), 0, ECHOED_BYTES, response.union(), 0, ECHOED_BYTES);
    }
}
