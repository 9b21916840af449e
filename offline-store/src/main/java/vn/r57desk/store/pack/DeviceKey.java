package vn.r57desk.store.pack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * This device's own key pairs: Ed25519 to sign the packs it makes, X25519 to open the packs made
 * for it. The private halves are written to a file readable by the owner only; they are not
 * encrypted at rest yet (issue 24 item 5: docs/security.md says so).
 */
public final class DeviceKey {
    static final String MAGIC = "r57-device-key";

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

    /** Writes the private file (owner-only) and the public file beside it, each atomically. */
    public void write(Path keyFile, Path publicFile) throws PackException {
        Base64.Encoder b = Base64.getEncoder();
        String text = "# R57 Desk device key: PRIVATE. Never copy or send this file; give device.pub instead.\n"
                + MAGIC + " 1\n" + pub.toText().lines().filter(l -> !l.startsWith("#") && !l.startsWith(PublicKeys.MAGIC))
                        .reduce("", (a, l) -> a + l + "\n")
                + "sign-private " + b.encodeToString(signPrivate.getEncoded()) + "\nbox-private " + b.encodeToString(boxPrivate.getEncoded()) + "\n";
        KeyFiles.writeAtomically(keyFile, text.getBytes(StandardCharsets.UTF_8), true);
        pub.write(publicFile);
    }

    public static DeviceKey read(Path keyFile) throws PackException {
        Map<String, String> f = KeyFiles.readFields(keyFile, MAGIC);
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
            throw new PackException(PackException.Problem.KEYS, "Tệp khoá " + keyFile + " không đọc được.",
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
            throw new PackException(PackException.Problem.KEYS, "Tệp khoá " + file + " không khớp (khoá riêng và khoá công khai khác nhau).",
                    "The device key file " + file + " is inconsistent: its private keys do not match its public keys");
        }
    }
}
