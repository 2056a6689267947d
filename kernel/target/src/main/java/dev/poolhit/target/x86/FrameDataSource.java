package dev.poolhit.target.x86;

import dev.poolhit.common.AddressRange;
import java.util.Optional;

/** Where the x86 unwinder finds FRAMEDATA and which addresses are code of a known module. */
public interface FrameDataSource {
    /** The record covering {@code address} (sign-extended kernel form), if its module has one. */
    Optional<FrameDataHit> find(long address);

    /** The extent [begin, end) of the function holding {@code address}, from its function-start record. */
    Optional<AddressRange> functionExtent(long address);

    /** Whether {@code address} lies in a known module (return-address plausibility, user switch). */
    boolean knows(long address);
}
