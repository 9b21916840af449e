package vn.r57desk.app.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

/**
 * This device's bearer token on disk. It opens the monitoring system's national data, so once the
 * laptop's data has a passcode it is kept encrypted like the data (issue 24 item 5: no secret in
 * plaintext on disk): AES-256-GCM under a key derived from the data key (HMAC-SHA256 of the data key
 * over "R57 token key 1", so the SQLite cipher's key is not reused as is), a random nonce, the file
 * written atomically and readable by its owner only. Without a passcode the file holds the token
 * itself, as before, readable by the user alone.
 */
public final class TokenFile {
    static final String MAGIC = "R57-SEALED-TOKEN 1\n";
    private static final byte[] AAD = "R57 device token".getBytes(StandardCharsets.US_ASCII);
    /** The label the token's key is derived under (vn.r57desk.store.pack.Sealed). */
    private static final String PURPOSE = "R57 token key 1";

    private TokenFile() {}

    /** Whether the file holds a sealed token (its reading then needs the data key). */
    public static boolean sealed(Path file) {
        try {
            return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).startsWith(MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The saved token: "" when there is none, when it is sealed and {@code dataKey} is null (locked),
     * or when it cannot be read (a damaged file asks for the token again rather than stopping).
     */
    public static String load(Path file, byte[] dataKey) {
        try {
            if (!Files.exists(file)) return "";
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.startsWith(MAGIC)) return text.strip();
            if (dataKey == null) return "";
            byte[] blob = Base64.getDecoder().decode(text.substring(MAGIC.length()).strip());
            return new String(vn.r57desk.store.pack.Sealed.open(dataKey, PURPOSE, AAD, blob), StandardCharsets.UTF_8);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return "";
        }
    }

    /** Saves {@code token}: sealed under {@code dataKey} when given, else as it is; owner-only, atomically. */
    public static void save(Path file, String token, byte[] dataKey) throws IOException {
        String clean = token == null ? "" : token.strip();
        String text;
        if (dataKey == null) {
            text = clean;
        } else {
            byte[] sealed = vn.r57desk.store.pack.Sealed.seal(dataKey, PURPOSE, AAD, clean.getBytes(StandardCharsets.UTF_8));
            text = MAGIC + Base64.getEncoder().encodeToString(sealed) + "\n";
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            Files.createFile(tmp);
        } else {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        if (dataKey != null && Files.exists(file) && !sealed(file)) {
            // the plaintext token's bytes are overwritten before the sealed file takes its place
            byte[] zeros = new byte[(int) Math.min(Files.size(file), 1 << 16)];
            Files.write(file, zeros);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
