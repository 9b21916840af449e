package vn.r57desk.store.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * This device's own key pairs: Ed25519 to sign the packs it makes, X25519 to open the packs made
 * for it. The private halves are written to a file readable by the owner only, and once the data
 * folder has a passcode, encrypted under its data key (AES-256-GCM; issue 24 item 5): reading or
 * writing it then needs the folder unlocked ({@code Sqlite.encryptFolder}).
 */
public final class DeviceKey {
    static final String MAGIC = "r57-device-key";
    static final String WRAPPED_MAGIC = "r57-device-key-wrapped";
    private static final byte[] WRAP_AAD = "R57 device key 1".getBytes(StandardCharsets.US_ASCII);

    private final PublicKeys pub;
    private final PrivateKey signPrivate;
    private final PrivateKey boxPrivate;

    private DeviceKey(PublicKeys pub, PrivateKey signPrivate, PrivateKey boxPrivate) {
        this.pub = pub;
        this.signPrivate = signPrivate;
        this.boxPrivate = boxPrivate;
    }

    /** New random key pairs (the JDK's SecureRandom). */
    public static DeviceKey generate(String name) {
        try {
            KeyPair s = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            KeyPair b = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            return new DeviceKey(PublicKeys.of(name, s.getPublic(), b.getPublic()), s.getPrivate(), b.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks Ed25519/X25519: " + e.getMessage(), e);
        }
    }

    public PublicKeys publicKeys() {
        return pub;
    }

    PrivateKey signPrivate() {
        return signPrivate;
    }

    PrivateKey boxPrivate() {
        return boxPrivate;
    }

    /**
     * Writes the private file (owner-only) and the public file beside it, each atomically. The
     * private file is encrypted under the data key when the folder is unlocked; when a passcode is
     * set but the folder is locked, refused (it would be written in plaintext).
     */
    public void write(Path keyFile, Path publicFile) throws PackException {
        Base64.Encoder b = Base64.getEncoder();
        String text = "# R57 Desk device key: PRIVATE. Never copy or send this file; give device.pub instead.\n"
                + MAGIC + " 1\n" + pub.toText().lines().filter(l -> !l.startsWith("#") && !l.startsWith(PublicKeys.MAGIC))
                        .reduce("", (a, l) -> a + l + "\n")
                + "sign-private " + b.encodeToString(signPrivate.getEncoded()) + "\nbox-private " + b.encodeToString(boxPrivate.getEncoded()) + "\n";
        byte[] dataKey = vn.r57desk.store.db.Sqlite.dataKeyFor(keyFile);
        if (dataKey == null && Files.exists(keyFile.resolveSibling("data.key"))) throw locked(keyFile);
        try {
            KeyFiles.writeAtomically(keyFile, dataKey == null ? text.getBytes(StandardCharsets.UTF_8) : wrap(text, dataKey), true);
        } finally {
            if (dataKey != null) Arrays.fill(dataKey, (byte) 0);
        }
        pub.write(publicFile);
    }

    /** Whether {@code keyFile} holds the private keys in plaintext (not wrapped under a data key). */
    public static boolean isPlaintext(Path keyFile) throws PackException {
        return Files.isRegularFile(keyFile) && !wrapped(KeyFiles.readText(keyFile));
    }

    /**
     * Encrypts a plaintext device key file under {@code dataKey} in place, leaving no plaintext: a
     * hard link {@code device.key.plaintext} keeps the old file's blocks, the wrapped file replaces
     * it (atomic rename), then the link's bytes are overwritten and it is deleted. Run again after a
     * crash, it finishes. Does nothing to a wrapped or missing file.
     */
    static void wrapExisting(Path keyFile, byte[] dataKey) throws PackException, IOException {
        if (isPlaintext(keyFile)) {
            KeyFiles.replacePlaintext(keyFile, wrap(KeyFiles.readText(keyFile), dataKey), true);
        } else {
            DataHome.shred(keyFile.resolveSibling(keyFile.getFileName() + ".plaintext")); // left by a crash after the rename
        }
    }

    private static boolean wrapped(String text) {
        return text.lines().map(String::strip).anyMatch(l -> l.equals(WRAPPED_MAGIC + " 1"));
    }

    private static byte[] wrap(String text, byte[] dataKey) {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(WRAP_AAD);
            byte[] sealed = c.doFinal(text.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b = Base64.getEncoder();
            return ("# R57 Desk device key: PRIVATE, encrypted under this laptop's data key (its passcode).\n" + WRAPPED_MAGIC + " 1\nnonce "
                    + b.encodeToString(nonce) + "\nwrapped " + b.encodeToString(sealed) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static PackException locked(Path keyFile) {
        return new PackException(PackException.Problem.LOCKED, "Khóa của máy được mã hóa bằng mật mã; hãy mở khóa dữ liệu trước.",
                "The device key " + keyFile + " is encrypted under the data folder's passcode: unlock the data first (--passcode-file)");
    }

    public static DeviceKey read(Path keyFile) throws PackException {
        String text = KeyFiles.readText(keyFile);
        if (wrapped(text)) {
            Map<String, String> w = KeyFiles.parseFields(keyFile, text, WRAPPED_MAGIC);
            byte[] dataKey = vn.r57desk.store.db.Sqlite.dataKeyFor(keyFile);
            if (dataKey == null) throw locked(keyFile);
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                        new GCMParameterSpec(128, Base64.getDecoder().decode(KeyFiles.need(keyFile, w, "nonce"))));
                c.updateAAD(WRAP_AAD);
                text = new String(c.doFinal(Base64.getDecoder().decode(KeyFiles.need(keyFile, w, "wrapped"))), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new PackException(PackException.Problem.KEYS, "Tệp khóa " + keyFile + " không mở được bằng khóa dữ liệu này.",
                        "The device key file " + keyFile + " does not open with this data key (damaged, or wrapped under another): " + e.getMessage(), e);
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
        Map<String, String> f = KeyFiles.parseFields(keyFile, text, MAGIC);
        PublicKeys pub = PublicKeys.fromFields(keyFile, f);
        try {
            PrivateKey s = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(KeyFiles.need(keyFile, f, "sign-private"))));
            PrivateKey x = KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(KeyFiles.need(keyFile, f, "box-private"))));
            DeviceKey k = new DeviceKey(pub, s, x);
            k.checkPairs(keyFile);
            return k;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PackException(PackException.Problem.KEYS, "Tệp khóa " + keyFile + " không đọc được.",
                    "The device key file " + keyFile + " does not hold valid keys: " + e.getMessage(), e);
        }
    }

    /** The private halves belong to the public ones written beside them (a file pieced together would sign in someone's name). */
    private void checkPairs(Path file) throws PackException, GeneralSecurityException {
        byte[] probe = "r57 key check".getBytes(StandardCharsets.UTF_8);
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initSign(signPrivate);
        s.update(probe);
        byte[] sig = s.sign();
        s.initVerify(pub.sign());
        s.update(probe);
        javax.crypto.KeyAgreement a = javax.crypto.KeyAgreement.getInstance("X25519");
        KeyPair other = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        a.init(boxPrivate);
        a.doPhase(other.getPublic(), true);
        byte[] one = a.generateSecret();
        a.init(other.getPrivate());
        a.doPhase(pub.box(), true);
        byte[] two = a.generateSecret();
        if (!s.verify(sig) || !java.security.MessageDigest.isEqual(one, two)) {
            throw new PackException(PackException.Problem.KEYS, "Tệp khóa " + file + " không khớp (khóa riêng và khóa công khai khác nhau).",
                    "The device key file " + file + " is inconsistent: its private keys do not match its public keys");
        }
    }
}
