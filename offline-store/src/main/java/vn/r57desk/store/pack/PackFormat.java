package vn.r57desk.store.pack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The byte layout of a {@code .r57pack} file and its cryptography (docs/security.md, "Briefing
 * packs", is the reference):
 * <pre>
 *  0  8  magic "R57PACK\0"
 *  8  2  format version (big-endian) = 1
 * 10  2  flags = 0
 * 12 16  issuer key id (which trusted key verifies the signature)
 * 28  4  header length H (big-endian, 1 … 1 MiB)
 * 32  H  header, UTF-8 JSON ({@link PackHeader})
 *  …     content chunks: AES-256-GCM of chunk_size plaintext bytes each (+16-byte tag); the last
 *        chunk holds the rest (0 … chunk_size bytes) and is flagged as last
 * end-64 Ed25519 signature over SHA-512("R57PACK signature 1\0" ‖ every byte before it)
 * </pre>
 * Chunk i's nonce is i (8 bytes) ‖ last (1 byte) ‖ 0 0 0 and its associated data is
 * SHA-256(bytes 0 … 32+H) ‖ i ‖ last: a chunk moved, dropped, or taken from another pack fails its
 * tag, and a pack cut after a whole chunk lacks the last flag.
 */
public final class PackFormat {
    public static final byte[] MAGIC = "R57PACK\0".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int PREAMBLE = 32;
    public static final int KEY_ID_BYTES = 16;
    public static final int SIGNATURE = 64;
    public static final int TAG = 16;
    public static final int MAX_HEADER = 1 << 20;
    public static final int CHUNK_SIZE = 1 << 20;
    public static final String CIPHER = "AES-256-GCM";
    public static final String COMPRESSION = "deflate";
    public static final String PBKDF2 = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 0.3–0.6 s here, once per import. */
    public static final int PBKDF2_ITERATIONS = 600_000;
    /** Fewer is refused: a pack cannot make a passphrase cheaper to guess than this. */
    public static final int PBKDF2_MIN_ITERATIONS = 10_000;
    public static final int PBKDF2_MAX_ITERATIONS = 20_000_000;
    static final byte[] SIGNATURE_CONTEXT = "R57PACK signature 1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEVICE_INFO = "R57PACK device wrap 1".getBytes(StandardCharsets.US_ASCII);

    private PackFormat() {}

    static byte[] preamble(byte[] issuerId, int headerLength) {
        ByteBuffer b = ByteBuffer.allocate(PREAMBLE);
        b.put(MAGIC).putShort((short) VERSION).putShort((short) 0).put(issuerId).putInt(headerLength);
        return b.array();
    }

    static byte[] nonce(long index, boolean last) {
        return ByteBuffer.allocate(12).putLong(index).put((byte) (last ? 1 : 0)).array();
    }

    static byte[] chunkAad(byte[] headerDigest, long index, boolean last) {
        return ByteBuffer.allocate(headerDigest.length + 9).put(headerDigest).putLong(index).put((byte) (last ? 1 : 0)).array();
    }

    static Cipher chunkCipher(int mode, SecretKey key, byte[] headerDigest, long index, boolean last) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(128, nonce(index, last)));
        c.updateAAD(chunkAad(headerDigest, index, last));
        return c;
    }

    /** Wraps (or unwraps) 32 key bytes under a one-use key-encryption key: a zero nonce is safe, the KEK never repeats. */
    static byte[] wrap(int mode, SecretKey kek, byte[] aad, byte[] in) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, kek, new GCMParameterSpec(128, new byte[12]));
        c.updateAAD(aad);
        return c.doFinal(in);
    }

    /** The KEK for a device: HKDF-SHA256(IKM = X25519 shared secret, salt = ephemeral ‖ device key, info). */
    static SecretKey deviceKek(PrivateKey mine, PublicKey theirs, byte[] ephemeralEncoded, byte[] deviceEncoded) throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("X25519");
        ka.init(mine);
        ka.doPhase(theirs, true);
        byte[] shared = ka.generateSecret();
        byte[] salt = ByteBuffer.allocate(ephemeralEncoded.length + deviceEncoded.length).put(ephemeralEncoded).put(deviceEncoded).array();
        KDF hkdf = KDF.getInstance("HKDF-SHA256");
        SecretKey k = hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract().addIKM(shared).addSalt(salt).thenExpand(DEVICE_INFO, 32));
        java.util.Arrays.fill(shared, (byte) 0);
        return k;
    }

    static SecretKey passphraseKek(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
            return new SecretKeySpec(k, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    static KeyPair ephemeral() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("X25519").generateKeyPair();
    }

    static PublicKey x25519(byte[] encoded) throws GeneralSecurityException {
        return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    static byte[] aad(String packId, String what) {
        return (packId + "\0" + what).getBytes(StandardCharsets.UTF_8);
    }
}
