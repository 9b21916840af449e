package vn.r57desk.store.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys folder of a laptop (or of the office that makes packs):
 * <pre>
 * device.key        this device's private keys (owner-only file; wrapped under the data key once a passcode is set)
 * device.pub        its public keys, to hand out
 * trusted/ID.pub    issuers whose packs this laptop accepts (the office, a colleague's laptop)
 * seen-sequences    per trusted issuer: the highest pack sequence imported, and that pack's id
 * issued-sequence   the last sequence this device gave a pack it made
 * revoked           present once a pack revoked this device (its data and key were wiped)
 * </pre>
 */
public final class PackKeys {
    private final Path dir;

    public PackKeys(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path deviceKeyFile() {
        return dir.resolve("device.key");
    }

    public Path devicePublicFile() {
        return dir.resolve("device.pub");
    }

    Path trustedDir() {
        return dir.resolve("trusted");
    }

    /** This device's key, or null when none was made yet. */
    public DeviceKey device() throws PackException {
        return Files.exists(deviceKeyFile()) ? DeviceKey.read(deviceKeyFile()) : null;
    }

    /** Makes this device's key; refuses to replace one (packs made for it would no longer open) unless {@code replace}. */
    public DeviceKey generate(String name, boolean replace) throws PackException {
        if (Files.exists(deviceKeyFile()) && !replace) {
            throw new PackException(PackException.Problem.KEYS, "Máy này đã có khóa.",
                    "This device already has a key (" + deviceKeyFile() + "); packs made for it would no longer open with a new one. Pass --replace to make a new key anyway");
        }
        DeviceKey k = DeviceKey.generate(name);
        k.write(deviceKeyFile(), devicePublicFile());
        try {
            Files.deleteIfExists(dir.resolve("revoked")); // a new key: the office decides whether to send it packs
        } catch (IOException e) {
            throw new PackException(PackException.Problem.IO, "Không xóa được " + dir.resolve("revoked"), e.getMessage(), e);
        }
        return k;
    }

    /** Trusts the issuer whose public key file this is; returns its keys. */
    public PublicKeys trust(Path publicKeyFile) throws PackException {
        PublicKeys k = PublicKeys.read(publicKeyFile);
        k.write(trustedDir().resolve(k.idHex() + ".pub"));
        return k;
    }

    /** Stops trusting an issuer (by id or the start of one); returns whether one was removed. */
    public boolean untrust(String idPrefix) throws PackException {
        for (PublicKeys k : trusted()) {
            if (k.idHex().startsWith(idPrefix.toLowerCase(java.util.Locale.ROOT))) {
                try {
                    Files.deleteIfExists(trustedDir().resolve(k.idHex() + ".pub"));
                } catch (IOException e) {
                    throw new PackException(PackException.Problem.IO, "Không xóa được khóa.", e.getMessage(), e);
                }
                return true;
            }
        }
        return false;
    }

    public List<PublicKeys> trusted() throws PackException {
        List<PublicKeys> out = new ArrayList<>();
        if (!Files.isDirectory(trustedDir())) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(trustedDir(), "*.pub")) {
            for (Path p : ds) out.add(PublicKeys.read(p));
        } catch (IOException e) {
            throw new PackException(PackException.Problem.KEYS, "Không đọc được danh sách khóa tin cậy.", "Cannot read " + trustedDir() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The trusted key with this id, or null. */
    public PublicKeys trusted(byte[] id) {
        Path p = trustedDir().resolve(HexFormat.of().formatHex(id) + ".pub");
        if (!Files.exists(p)) return null;
        try {
            PublicKeys k = PublicKeys.read(p);
            return java.util.Arrays.equals(k.id(), id) ? k : null;
        } catch (PackException e) {
            return null;
        }
    }

    /** Issuer id → {sequence, pack id} of the newest pack imported from it. */
    Map<String, String[]> seen() throws PackException {
        Map<String, String[]> m = new LinkedHashMap<>();
        Path f = dir.resolve("seen-sequences");
        if (!Files.exists(f)) return m;
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] p = line.strip().split(" ");
                if (p.length == 3) m.put(p[0], new String[] {p[1], p[2]});
            }
        } catch (IOException e) {
            throw new PackException(PackException.Problem.KEYS, "Không đọc được " + f, "Cannot read " + f + ": " + e.getMessage(), e);
        }
        return m;
    }

    void recordSeen(String issuerId, long sequence, String packId) throws PackException {
        Map<String, String[]> m = seen();
        String[] old = m.get(issuerId);
        if (old != null && Long.parseLong(old[0]) > sequence) return;
        m.put(issuerId, new String[] {Long.toString(sequence), packId});
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(k).append(' ').append(v[0]).append(' ').append(v[1]).append('\n'));
        KeyFiles.writeAtomically(dir.resolve("seen-sequences"), s.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    /** The next sequence for a pack this device makes (one more than the last, written before it is used). */
    public long nextSequence() throws PackException {
        Path f = dir.resolve("issued-sequence");
        long last = 0;
        try {
            if (Files.exists(f)) last = Long.parseLong(Files.readString(f).strip());
        } catch (IOException | NumberFormatException e) {
            throw new PackException(PackException.Problem.KEYS, "Không đọc được " + f, "Cannot read " + f + ": " + e.getMessage(), e);
        }
        long next = last + 1;
        KeyFiles.writeAtomically(f, (next + "\n").getBytes(StandardCharsets.UTF_8), false);
        return next;
    }

    /** Whether a pack revoked this device; its text says which pack and when. */
    public String revokedNotice() {
        try {
            Path f = dir.resolve("revoked");
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return "revoked";
        }
    }

    void markRevoked(String notice) throws PackException {
        KeyFiles.writeAtomically(dir.resolve("revoked"), (notice + "\n").getBytes(StandardCharsets.UTF_8), false);
    }
}
