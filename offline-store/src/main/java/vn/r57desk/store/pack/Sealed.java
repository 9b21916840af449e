package vn.r57desk.store.pack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Small secrets of a data folder sealed under its data key (issue 24 item 5: nothing of the data in
 * plaintext on disk once a passcode is set): the sync's device token, the imported packs'
 * descriptions. AES-256-GCM under a key derived for each purpose (HMAC-SHA256 of the data key over
 * the purpose's label, so the SQLite cipher's key is not reused as is, nor one purpose's key for
 * another), a random 96-bit nonce; the result is {@code nonce || ciphertext || tag}. The associated
 * data binds a sealed blob to where it belongs (a pack's description to its pack id).
 */
public final class Sealed {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private Sealed() {}

    /** {@code plaintext} sealed under the {@code purpose}'s key derived from {@code dataKey}. */
    public static byte[] seal(byte[] dataKey, String purpose, byte[] aad, byte[] plaintext) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] k = subkey(dataKey, purpose);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            byte[] sealed = c.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** The plaintext of {@link #seal}'s result; a wrong key, purpose or associated data, or a changed byte, is refused. */
    public static byte[] open(byte[] dataKey, String purpose, byte[] aad, byte[] blob) throws GeneralSecurityException {
        if (blob.length < NONCE + 16) throw new javax.crypto.AEADBadTagException("too short to be sealed");
        byte[] k = subkey(dataKey, purpose);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, blob, 0, NONCE));
            c.updateAAD(aad);
            return c.doFinal(blob, NONCE, blob.length - NONCE);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private static byte[] subkey(byte[] dataKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
