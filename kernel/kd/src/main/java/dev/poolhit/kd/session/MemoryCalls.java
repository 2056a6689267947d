package dev.poolhit.kd.session;

import dev.poolhit.kd.protocol.KdException;
import dev.poolhit.kd.protocol.KdProtocolException;
import dev.poolhit.kd.protocol.KdStatusException;
import dev.poolhit.kd.protocol.ManipulateApi;
import dev.poolhit.kd.protocol.ManipulateState;
import dev.poolhit.kd.protocol.MemoryArgs;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Memory and control-space transfers, chunked to what one packet carries (3944 bytes). */
final class MemoryCalls {
    private final KdClient client;

    MemoryCalls(KdClient client) {
        this.client = client;
    }

    byte[] read(ManipulateApi api, long address, int length, int flags, boolean exact) throws KdException {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        while (out.size() < length) {
            long at = address + out.size();
            int chunk = Math.min(length - out.size(), ManipulateState.MAX_DATA);
            ManipulateState r = client.session().request(ManipulateState.request(api, 0,
                    new MemoryArgs(at, chunk, flags), new byte[0]), requestTimeout());
            byte[] got = checkedData(r, chunk, at);
            out.writeBytes(got);
            // A successful short read just continues; a failure (or no progress) ends the read.
            if (!r.succeeded() || got.length == 0) {
                if (exact) {
                    throw new KdStatusException(api + KdClient.at(at, chunk) + ", read " + got.length,
                            r.succeeded() ? 0xC0000001 : r.returnStatus());
                }
                break;
            }
        }
        return out.toByteArray();
    }

    private java.time.Duration requestTimeout() {
        return client.requestTimeout();
    }

    private static byte[] checkedData(ManipulateState r, int requested, long at) throws KdProtocolException {
        int actual = MemoryArgs.of(r).actualBytes();
        if (actual < 0 || actual > requested || r.data().length < actual) {
            throw new KdProtocolException(String.format(
                    "read response length mismatch: requested %d, ActualBytesRead %d, data %d bytes%s",
                    requested, actual, r.data().length, KdClient.at(at, requested)));
        }
        return Arrays.copyOf(r.data(), actual);
    }

    void write(ManipulateApi api, long address, byte[] data) throws KdException {
        int done = 0;
        while (done < data.length) {
            int chunk = Math.min(data.length - done, ManipulateState.MAX_DATA);
            long at = address + done;
            byte[] part = Arrays.copyOfRange(data, done, done + chunk);
            ManipulateState r = client.call(api, 0, new MemoryArgs(at, chunk, 0), part, KdClient.at(at, chunk));
            int written = MemoryArgs.of(r).actualBytes();
            if (written != chunk) {
                throw new KdStatusException(api + KdClient.at(at, chunk) + ", wrote " + written, 0xC0000001);
            }
            done += chunk;
        }
    }

    byte[] controlRead(int processor, long selector, int length) throws KdException {
        ManipulateState r = client.call(ManipulateApi.READ_CONTROL_SPACE, processor, new MemoryArgs(selector, length, 0),
                new byte[0], " selector " + selector);
        byte[] got = checkedData(r, length, selector);
        if (got.length != length) {
            throw new KdProtocolException(String.format("control space read short: requested %d, got %d (selector %d)",
                    length, got.length, selector));
        }
        return got;
    }

    void controlWrite(int processor, long selector, byte[] data) throws KdException {
        client.call(ManipulateApi.WRITE_CONTROL_SPACE, processor, new MemoryArgs(selector, data.length, 0), data,
                " selector " + selector);
    }
}
