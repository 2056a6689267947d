package dev.poolhit.kd.transport.kdnet;

import dev.poolhit.kd.protocol.KdProtocolException;
import java.util.Arrays;

/**
 * The KDNET control-channel handshake bodies (kd-protocol.md 8.6): the target's poke carries a
 * 32-byte client random at offset 2; the host's 322-byte response echoes it and adds its own.
 */
public final class KdnetHandshake {
    public static final int RANDOM_BYTES = 32;
    public static final int RESPONSE_BYTES = 322;
    public static final int TYPE_POKE = 1;
    public static final int TYPE_RESPONSE = 2;

    private KdnetHandshake() {}

    /** The client random of a poke body. */
    public static byte[] clientRandom(byte[] pokeBody) throws KdProtocolException {
        if (pokeBody.length < 2 + RANDOM_BYTES || pokeBody[0] != 1 || pokeBody[1] != TYPE_POKE) {
            throw new KdProtocolException("KDNET poke malformed: expected body 01 01 + 32-byte random, got "
                    + pokeBody.length + " bytes");
        }
        return Arrays.copyOfRange(pokeBody, 2, 2 + RANDOM_BYTES);
    }

    /** The host response body: 01 02, client random, host random, 256 zero bytes. */
    public static byte[] responseBody(byte[] clientRandom, byte[] hostRandom) {
        if (clientRandom.length != RANDOM_BYTES || hostRandom.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("randoms must be 32 bytes");
        }
        byte[] body = new byte[RESPONSE_BYTES];
        body[0] = 1;
        body[1] = TYPE_RESPONSE;
        System.arraycopy(clientRandom, 0, body, 2, RANDOM_BYTES);
        System.arraycopy(hostRandom, 0, body, 2 + RANDOM_BYTES, RANDOM_BYTES);
        return body;
    }
}
