package vn.r57desk.store.pack;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) for one 32-byte block, bit for bit what the JDK's
 * {@code PBKDF2WithHmacSHA256} gives (the password as UTF-8, as the JDK encodes it), written out
 * because of where it runs: the desktop app's JVM is limited to the C1 compiler
 * ({@code app/jvm.options}, for start-up time and memory), where the JDK's version took 1.4–3.9 s
 * for the passcode's 600,000 iterations and this one takes about a third of that.
 *
 * <p>Why it is faster: HMAC's key is fixed for the whole derivation, so the SHA-256 states after
 * its inner and outer pad blocks are computed once, and each iteration is two compressions of one
 * block with no objects made; the JDK's HMAC runs four per iteration (the pad blocks again each
 * time) through its general digest machinery. With C2 the JDK's intrinsic SHA-256 is quicker; the
 * CLI uses this one all the same (0.4–0.6 s) so that there is one derivation to test.
 * {@code Pbkdf2Test} checks it against the JDK on many inputs and against RFC 7914's vectors.
 */
final class Pbkdf2 {
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    private static final int[] IV = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    /** Bits hashed after the 64-byte pad block and one 32-byte digest: what each iteration's block ends with. */
    private static final int DIGEST_AFTER_PAD_BITS = (64 + 32) * 8;

    private Pbkdf2() {}

    /** The 32-byte key of {@code password} (encoded as UTF-8, as the JDK does), {@code salt} and {@code iterations} (≥ 1). */
    static byte[] derive(char[] password, byte[] salt, int iterations) {
        if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1");
        ByteBuffer enc = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pass = new byte[enc.remaining()];
        enc.get(pass);
        if (enc.hasArray()) Arrays.fill(enc.array(), (byte) 0);
        try {
            return derive(pass, salt, iterations);
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    /** As {@link #derive(char[], byte[], int)}, from the password's bytes. */
    static byte[] derive(byte[] password, byte[] salt, int iterations) {
        byte[] key = password.length > 64 ? sha256(password) : password;
        byte[] pad = new byte[64];
        int[] w = new int[64];
        int[] inner = IV.clone();
        int[] outer = IV.clone();
        try {
            for (int i = 0; i < 64; i++) pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
            load(pad, 0, w);
            compress(inner, w);
            for (int i = 0; i < 64; i++) pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
            load(pad, 0, w);
            compress(outer, w);

            // U1 = HMAC(password, salt || INT(1)): the inner hash over a message of any length
            byte[] msg = Arrays.copyOf(salt, salt.length + 4);
            msg[salt.length + 3] = 1;
            int[] u = inner.clone();
            finish(u, msg, w);
            int[] s = new int[8];
            int[] t = new int[8];
            // outer hash of the 32-byte inner digest, then every further U_j the same two steps
            for (int it = 0; it < iterations; it++) {
                if (it > 0) {
                    System.arraycopy(inner, 0, s, 0, 8);
                    digestBlock(s, u, w);
                    System.arraycopy(s, 0, u, 0, 8);
                }
                System.arraycopy(outer, 0, s, 0, 8);
                digestBlock(s, u, w);
                System.arraycopy(s, 0, u, 0, 8);
                for (int j = 0; j < 8; j++) t[j] ^= u[j];
            }
            byte[] out = new byte[32];
            for (int i = 0; i < 8; i++) {
                out[4 * i] = (byte) (t[i] >>> 24);
                out[4 * i + 1] = (byte) (t[i] >>> 16);
                out[4 * i + 2] = (byte) (t[i] >>> 8);
                out[4 * i + 3] = (byte) t[i];
            }
            Arrays.fill(t, 0);
            Arrays.fill(u, 0);
            Arrays.fill(s, 0);
            return out;
        } finally {
            Arrays.fill(pad, (byte) 0);
            Arrays.fill(w, 0);
            Arrays.fill(inner, 0);
            Arrays.fill(outer, 0);
            if (key != password) Arrays.fill(key, (byte) 0);
        }
    }

    /** Hashes one 32-byte digest {@code d} (8 words) after a 64-byte prefix already in {@code state}: one padded block. */
    private static void digestBlock(int[] state, int[] d, int[] w) {
        System.arraycopy(d, 0, w, 0, 8);
        w[8] = 0x80000000;
        for (int j = 9; j < 15; j++) w[j] = 0;
        w[15] = DIGEST_AFTER_PAD_BITS;
        compress(state, w);
    }

    /** Hashes {@code msg} after a 64-byte prefix already in {@code state}, padding included; the digest is left in {@code state}. */
    private static void finish(int[] state, byte[] msg, int[] w) {
        long bits = (64L + msg.length) * 8;
        int padded = ((msg.length + 8) / 64 + 1) * 64;
        byte[] b = Arrays.copyOf(msg, padded);
        b[msg.length] = (byte) 0x80;
        for (int i = 0; i < 8; i++) b[padded - 1 - i] = (byte) (bits >>> (8 * i));
        for (int off = 0; off < padded; off += 64) {
            load(b, off, w);
            compress(state, w);
        }
    }

    private static void load(byte[] b, int off, int[] w) {
        for (int i = 0; i < 16; i++) {
            int p = off + 4 * i;
            w[i] = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        }
    }

    /** SHA-256's compression function (FIPS 180-4, 6.2.2) of the block in {@code w[0..15]} into {@code state}. */
    private static void compress(int[] state, int[] w) {
        for (int t = 16; t < 64; t++) {
            int x = w[t - 2];
            int y = w[t - 15];
            int s1 = Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
            int s0 = Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        int a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++) {
            int t1 = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
