package vn.r57desk.store.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device's (or an issuer's) public keys: Ed25519 to verify what it signs, X25519 to wrap a pack's
 * content key for it. Its id is the first 16 bytes of SHA-256 over both keys' encodings: it names
 * the key in a pack's header, in the trust list and in a revoked list.
 *
 * <p>File format (UTF-8 text, one "name value" pair a line, '#' comments):
 * <pre>r57-public-key 1
 * name Laptop of the deputy minister
 * id 32 hex digits
 * sign base64 of the X.509 encoding of the Ed25519 key
 * box  base64 of the X.509 encoding of the X25519 key</pre>
 */
public record PublicKeys(String name, PublicKey sign, PublicKey box, byte[] id) {
    static final String MAGIC = "r57-public-key";

    public static PublicKeys of(String name, PublicKey sign, PublicKey box) {
        return new PublicKeys(cleanName(name), sign, box, idOf(sign, box));
    }

    /** 16 bytes of SHA-256(sign encoding ‖ box encoding). */
    static byte[] idOf(PublicKey sign, PublicKey box) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(sign.getEncoded());
            md.update(box.getEncoded());
            return java.util.Arrays.copyOf(md.digest(), PackFormat.KEY_ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String idHex() {
        return HexFormat.of().formatHex(id);
    }

    /** "Name (id 1a2b3c4d…)": how a key is shown to a person. */
    public String label() {
        return name + " (" + idHex().substring(0, 16) + "…)";
    }

    static String cleanName(String name) {
        String n = name == null ? "" : name.replaceAll("[\\r\\n\\t]+", " ").strip();
        return n.isEmpty() ? "unnamed" : n;
    }

    String toText() {
        Base64.Encoder b = Base64.getEncoder();
        return "# R57 Desk public key. Give it to whoever makes packs for this device (pack create --to),\n"
                + "# or to whoever should accept packs this device signs (pack trust).\n"
                + MAGIC + " 1\nname " + name + "\nid " + idHex() + "\nsign " + b.encodeToString(sign.getEncoded())
                + "\nbox " + b.encodeToString(box.getEncoded()) + "\n";
    }

    public void write(Path file) throws PackException {
        KeyFiles.writeAtomically(file, toText().getBytes(StandardCharsets.UTF_8), false);
    }

    public static PublicKeys read(Path file) throws PackException {
        Map<String, String> f = KeyFiles.readFields(file, MAGIC);
        return fromFields(file, f);
    }

    static PublicKeys fromFields(Path file, Map<String, String> f) throws PackException {
        try {
            KeyFactory ed = KeyFactory.getInstance("Ed25519"), x = KeyFactory.getInstance("X25519");
            PublicKey sign = ed.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(KeyFiles.need(file, f, "sign"))));
            PublicKey box = x.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(KeyFiles.need(file, f, "box"))));
            PublicKeys k = of(f.getOrDefault("name", ""), sign, box);
            String id = f.get("id");
            if (id != null && !id.equalsIgnoreCase(k.idHex())) {
                throw new PackException(PackException.Problem.KEYS, "Tệp khóa " + file + " đã bị sửa (mã khóa không khớp).",
                        "The key file " + file + " was altered: its id does not match its keys");
            }
            return k;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PackException(PackException.Problem.KEYS, "Tệp khóa " + file + " không đọc được.",
                    "The key file " + file + " does not hold valid keys: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeys k && java.util.Arrays.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(id);
    }

    /** Keeps field order for tests and diagnostics. */
    static Map<String, String> newFields() {
        return new LinkedHashMap<>();
    }
}
