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
    /** Poke body length seen in both public captures (KDNET v4 and v5). */
    public static final int POKE_BYTES = 344;
    /**
     * Leading bytes of the client random that a live target advances with every poke: in the
     * real capture (kd-protocol.md 8.8) 426 later pokes carry c1 97 92 df, c2 97 92 df, ... (a
     * little-endian counter) while the other 28 bytes stay put, and WinDbg never answered them.
     */
    public static final int POKE_COUNTER_BYTES = 4;

    private KdnetHandshake() {}

    /** The client random of a poke body. */
    public static byte[] clientRandom(byte[] pokeBody) throws KdProtocolException {
        if (pokeBody.length < 2 + RANDOM_BYTES || pokeBody[0] != 1 || pokeBody[1] != TYPE_POKE) {
            throw new KdProtocolException("KDNET poke malformed: expected body 01 01 + 32-byte random, got "
                    + pokeBody.length + " bytes");
        }
        return Arrays.copyOfRange(pokeBody, 2, 2 + RANDOM_BYTES);
    }

    /**
     * True if two pokes come from the same target incarnation: their client randoms agree
     * after the poke counter. A different tail means a new boot (or another target): handshake again.
     */
    public static boolean sameTarget(byte[] clientRandomA, byte[] clientRandomB) {
        return Arrays.equals(clientRandomA, POKE_COUNTER_BYTES, RANDOM_BYTES,
                clientRandomB, POKE_COUNTER_BYTES, RANDOM_BYTES);
    }

    /** A target's poke body (344 bytes): 01 01, client random, zeros where addresses would go. */
    public static byte[] pokeBody(byte[] clientRandom) {
        if (clientRandom.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("client random must be 32 bytes");
        }
        byte[] body = new byte[POKE_BYTES];
        body[0] = 1;
        body[1] = TYPE_POKE;
        System.arraycopy(clientRandom, 0, body, 2, RANDOM_BYTES);
        return body;
    }

    /** The client random a response echoes (body bytes 2..33). */
    public static byte[] echoedClientRandom(byte[] responseBody) throws KdProtocolException {
        if (responseBody.length != RESPONSE_BYTES || responseBody[0] != 1 || responseBody[1] != TYPE_RESPONSE) {
            throw new KdProtocolException("KDNET response malformed: expected 322-byte body 01 02 ..., got "
                    + responseBody.length + " bytes");
        }
        return Arrays.copyOfRange(responseBody, 2, 2 + RANDOM_BYTES);
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
