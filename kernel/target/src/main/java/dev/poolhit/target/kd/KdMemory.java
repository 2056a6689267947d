package dev.poolhit.target.kd;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.session.KdClient;
import dev.poolhit.kd.session.SessionState;
import dev.poolhit.target.MemoryAccessException;
import dev.poolhit.target.TargetRunningException;
import dev.poolhit.target.memory.VirtualMemory;

/**
 * Target virtual memory over ReadVirtualMemory/WriteVirtualMemory, uncached. A short read is
 * reported at the first byte the target could not copy. Used only under {@code CachedMemory}.
 */
final class KdMemory implements VirtualMemory {
    private final KdClient client;
    private final Arch arch;

    /** @param arch how model addresses go on the wire (x86: sign-extended) */
    KdMemory(KdClient client, Arch arch) {
        this.client = client;
        this.arch = arch;
    }

    @Override
    public byte[] read(long address, int length) {
        requireBroken("read " + text(address));
        byte[] got;
        try {
            got = Uninterrupted.call(() -> client.readVirtualAvailable(arch.toWire(address), length));
        } catch (KdException e) {
            throw KdErrors.at(address, "read of 0x" + Integer.toHexString(length) + " bytes at " + text(address), e);
        }
        if (got.length < length) {
            throw new MemoryAccessException(address + got.length, "memory access failed: cannot read "
                    + text(address + got.length) + " (read of 0x" + Integer.toHexString(length) + " bytes at "
                    + text(address) + " stopped after 0x" + Integer.toHexString(got.length) + ")");
        }
        return got;
    }

    void write(long address, byte[] data) {
        requireBroken("write " + text(address));
        try {
            Uninterrupted.run(() -> {
                client.writeVirtual(arch.toWire(address), data);
                return null;
            });
        } catch (KdException e) {
            throw KdErrors.at(address, "write of 0x" + Integer.toHexString(data.length) + " bytes at " + text(address), e);
        }
    }

    /** The address as this target's debugger prints it (8 digits on x86). */
    String text(long address) {
        return arch.style().text(address);
    }

    private void requireBroken(String what) {
        SessionState s = client.session().state();
        if (s == SessionState.RUNNING) {
            throw new TargetRunningException("cannot " + what + ": target is running, expected broken in (break in first)");
        }
    }
}
