package vn.r57desk.store.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.r57desk.store.sync.SnapshotLoad;
import vn.r57desk.store.sync.SyncException;

/**
 * A laptop's data folder: the synced cache, the demo cache, imported packs (each its own dataset
 * file, never merged into the synced cache) and the keys.
 * <pre>
 * cache.db            the synced data (sync)
 * demo-cache.db       the demo data (the app makes it)
 * packs/ID.db         an imported pack's data, a cache file like the synced one
 * packs/ID.json       what it is: scope, as-of, expiry, issuer, sequence, when imported
 * keys/               {@link PackKeys}
 * </pre>
 * The app lists {@link #datasets()}, opens the chosen one's {@link Dataset#file()} with
 * {@code Cache.openExisting}, calls {@link #enforceExpiry} at start and daily, and closes any
 * dataset before {@link #drop}, {@link #wipeAll} or an import that revokes the device.
 */
public final class DataHome {
    public enum Kind { SYNCED, PACK, DEMO }

    /** One dataset the user can switch to. Pack fields are null for the synced and demo data. */
    public record Dataset(Kind kind, String id, Path file, String scope, String scopeLabel, Instant asOf, Instant expires,
                          String issuer, Long sequence, Instant importedAt, Long rows) {
        /** Days left before the pack is wiped (rounded down); null when it never expires. */
        public Long daysLeft(Instant now) {
            return expires == null ? null : Duration.between(now, expires).toDays();
        }
    }

    /** What {@link #enforceExpiry} found: packs expiring within the warning window, and packs it wiped. */
    public record ExpiryReport(List<Dataset> expiringSoon, List<Dataset> wiped) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path cache;
    private final PackKeys keys;

    private DataHome(Path root, Path cache, Path keysDir) {
        this.root = root;
        this.cache = cache;
        this.keys = new PackKeys(keysDir);
    }

    /** The data folder holding {@code cacheFile}; its keys in {@code keysDir}, or "keys" beside the cache when null. */
    public static DataHome forCache(Path cacheFile, Path keysDir) {
        Path root = cacheFile.toAbsolutePath().getParent();
        return new DataHome(root, cacheFile.toAbsolutePath(), keysDir != null ? keysDir : root.resolve("keys"));
    }

    public Path root() {
        return root;
    }

    public Path cacheFile() {
        return cache;
    }

    public Path packsDir() {
        return root.resolve("packs");
    }

    public PackKeys keys() {
        return keys;
    }

    /** The synced data (when present), each imported pack (newest first), the demo data (when present). */
    public List<Dataset> datasets() throws PackException {
        List<Dataset> out = new ArrayList<>();
        if (Files.exists(cache)) out.add(new Dataset(Kind.SYNCED, "synced", cache, null, "Dữ liệu đồng bộ / Synced data", null, null, null, null, null, null));
        List<Dataset> packs = packs();
        packs.sort(Comparator.comparing(Dataset::importedAt).reversed());
        out.addAll(packs);
        Path demo = root.resolve("demo-cache.db");
        if (Files.exists(demo)) out.add(new Dataset(Kind.DEMO, "demo", demo, null, "Dữ liệu mẫu / Demo data", null, null, null, null, null, null));
        return out;
    }

    private List<Dataset> packs() throws PackException {
        List<Dataset> out = new ArrayList<>();
        if (!Files.isDirectory(packsDir())) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(packsDir(), "*.json")) {
            for (Path meta : ds) {
                String id = meta.getFileName().toString().replaceFirst("\\.json$", "");
                Path db = packsDir().resolve(id + ".db");
                if (!Files.exists(db)) continue; // an import killed before its data was put in place
                try {
                    out.add(readMeta(id, db, readDescription(meta, id)));
                } catch (IOException | RuntimeException e) {
                    // an unreadable description: still listed, so that it can be dropped
                    out.add(new Dataset(Kind.PACK, id, db, null, "?", null, Instant.EPOCH, null, null, Instant.EPOCH, null));
                }
            }
        } catch (IOException e) {
            throw new PackException(PackException.Problem.IO, "Không đọc được thư mục " + packsDir(), "Cannot list " + packsDir() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The first line of a pack's description sealed under the data key. */
    static final String SEALED_DESCRIPTION = "R57-SEALED-PACK-DESCRIPTION 1\n";
    private static final String DESCRIPTION_PURPOSE = "R57 pack description key 1";

    /**
     * A pack's description as written to {@code packs/ID.json}: its scope's label names a ministry
     * or a province, so with a data key (a passcode set) it is sealed like the data (Sealed, bound
     * to the pack's id); without one, the JSON as it is.
     */
    private static byte[] describe(String packId, byte[] json, byte[] dataKey) {
        if (dataKey == null) return json;
        byte[] sealed = Sealed.seal(dataKey, DESCRIPTION_PURPOSE, packId.getBytes(java.nio.charset.StandardCharsets.US_ASCII), json);
        return (SEALED_DESCRIPTION + java.util.Base64.getEncoder().encodeToString(sealed) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Reads a pack's description, sealed or not. A sealed one while the folder is locked (no data
     * key registered) is refused as a whole listing ({@link PackException} LOCKED): read as
     * unreadable, its pack would count as expired and be wiped.
     */
    private static JsonNode readDescription(Path meta, String packId) throws IOException, PackException {
        byte[] b = Files.readAllBytes(meta);
        if (!isSealedDescription(b)) return JSON.readTree(b);
        byte[] key = vn.r57desk.store.db.Sqlite.dataKeyFor(meta);
        if (key == null) {
            throw new PackException(PackException.Problem.LOCKED, "Dữ liệu trên máy được mã hóa; hãy mở khóa trước.",
                    "The packs' descriptions in " + meta.getParent() + " are encrypted under the data folder's passcode: unlock the data first (--passcode-file)");
        }
        try {
            String text = new String(b, java.nio.charset.StandardCharsets.US_ASCII).substring(SEALED_DESCRIPTION.length()).strip();
            return JSON.readTree(Sealed.open(key, DESCRIPTION_PURPOSE, packId.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    java.util.Base64.getDecoder().decode(text)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the description " + meta + " is damaged or sealed under another key", e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static boolean isSealedDescription(byte[] b) {
        byte[] magic = SEALED_DESCRIPTION.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return b.length >= magic.length && java.util.Arrays.equals(b, 0, magic.length, magic, 0, magic.length);
    }

    /** The descriptions of imported packs still in plaintext (written before a passcode was set). */
    List<Path> plaintextDescriptions() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(packsDir())) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(packsDir(), "*.json")) {
            for (Path meta : ds) {
                if (!isSealedDescription(Files.readAllBytes(meta))) out.add(meta);
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Seals every plaintext description under {@code dataKey}, leaving no plaintext behind
     * ({@link KeyFiles#replacePlaintext}); AtRest's conversion calls it after the databases.
     */
    void sealDescriptions(byte[] dataKey) throws IOException, PackException {
        for (Path meta : plaintextDescriptions()) {
            String id = meta.getFileName().toString().replaceFirst("\\.json$", "");
            KeyFiles.replacePlaintext(meta, describe(id, Files.readAllBytes(meta), dataKey), false);
        }
    }

    private static Dataset readMeta(String id, Path db, JsonNode m) {
        return new Dataset(Kind.PACK, id, db, m.path("scope").asText(), m.path("scope_label").asText(), Instant.parse(m.path("as_of").asText()),
                Instant.parse(m.path("expires").asText()), m.path("issuer").asText(), m.path("sequence").asLong(),
                Instant.parse(m.path("imported_at").asText()), m.path("rows").asLong());
    }

    /**
     * Imports a pack as its own dataset. In order: the signature is verified against the trusted
     * issuers (before anything is parsed or decrypted); a pack that revokes this device wipes its
     * data; an expired or rolled-back pack is refused; the content key is unwrapped with this
     * device's key or the passphrase; the content is loaded into a new file, fsynced, and renamed
     * into place. A refused or interrupted import leaves every existing file as it was.
     *
     * @param pauseBeforePlace test hook: called when the data is written but not yet in place (null: none)
     */
    public Dataset importPack(Path packFile, char[] passphrase, Clock clock, Runnable pauseBeforePlace) throws PackException {
        String revoked = keys.revokedNotice();
        if (revoked != null) {
            throw new PackException(PackException.Problem.REVOKED, "Máy này đã bị thu hồi quyền nhận dữ liệu.",
                    "This laptop was revoked (" + revoked + "): it accepts no packs until it has a new key (pack keygen) that the office accepts");
        }
        PackReader.Verified v = PackReader.verify(packFile, keys::trusted);
        PackHeader h = v.header();
        DeviceKey device = keys.device();
        if (device != null && h.revoked().stream().anyMatch(id -> id.equalsIgnoreCase(device.publicKeys().idHex()))) {
            String notice = "by pack " + h.packId() + " from " + v.issuer().label() + " at " + clock.instant();
            wipeAll(true);
            keys.markRevoked(notice);
            throw new PackException(PackException.Problem.REVOKED,
                    "Máy này đã bị thu hồi: dữ liệu trên máy đã được xóa theo yêu cầu của " + v.issuer().name() + ".",
                    "This device is on the pack's revoked list: this laptop's data and its device key were wiped");
        }
        Instant now = clock.instant();
        if (!now.isBefore(h.expires())) {
            throw new PackException(PackException.Problem.EXPIRED, "Gói dữ liệu đã hết hạn từ " + h.expires() + "; không nhập.",
                    "The pack expired at " + h.expires() + ": import refused");
        }
        String[] seen = keys.seen().get(h.issuerId());
        if (seen != null) {
            long last = Long.parseLong(seen[0]);
            if (h.sequence() < last || h.sequence() == last && !h.packId().equals(seen[1])) {
                throw new PackException(PackException.Problem.ROLLBACK,
                        "Gói dữ liệu cũ hơn gói đã nhập từ cùng nơi phát hành (số thứ tự " + h.sequence() + " < " + last + "); không nhập.",
                        "The pack is older than one already imported from the same issuer (sequence " + h.sequence() + ", already seen " + last
                                + "): refused as a rollback");
            }
        }
        SecretKey key = PackReader.unlock(v, device, passphrase);
        Path target = packsDir().resolve(h.packId() + ".db");
        Path meta = packsDir().resolve(h.packId() + ".json");
        SnapshotLoad.Loaded loaded;
        try {
            Files.createDirectories(packsDir());
            try (PackReader.Content content = PackReader.content(v, key)) {
                try {
                    loaded = SnapshotLoad.load(target, "pack:" + h.packId(), new NoClose(content.stream()), () -> false);
                } catch (SyncException e) {
                    if (e.getCause() instanceof IOException io && io.getCause() instanceof PackException pe) throw pe;
                    throw new PackException(PackException.Problem.BAD_CONTENT, "Nội dung gói dữ liệu không hợp lệ.",
                            "The pack's content is not a valid snapshot: " + e.getMessage(), e);
                }
                try {
                    content.finish();
                } catch (PackException e) {
                    SnapshotLoad.discardLeftovers(target);
                    throw e;
                }
            }
            ObjectNode m = JSON.createObjectNode();
            m.put("pack_id", h.packId()).put("issuer", v.issuer().label()).put("issuer_id", h.issuerId()).put("sequence", h.sequence())
                    .put("scope", h.scope().text()).put("scope_label", h.scopeLabel()).put("created", h.created().toString())
                    .put("as_of", h.asOf().toString()).put("expires", h.expires().toString()).put("imported_at", now.toString())
                    .put("rows", loaded.rows()).put("source_file", packFile.getFileName().toString());
            byte[] dataKey = vn.r57desk.store.db.Sqlite.dataKeyFor(meta);
            try {
                KeyFiles.writeAtomically(meta, describe(h.packId(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m), dataKey), false);
            } finally {
                if (dataKey != null) java.util.Arrays.fill(dataKey, (byte) 0);
            }
            if (pauseBeforePlace != null) pauseBeforePlace.run();
            for (String s : new String[] {"-wal", "-shm"}) Files.deleteIfExists(Path.of(target + s));
            KeyFiles.move(loaded.file(), target);
        } catch (IOException e) {
            try {
                SnapshotLoad.discardLeftovers(target);
            } catch (IOException ignored) {
                // the next import of this pack removes it
            }
            throw new PackException(PackException.Problem.IO, "Không ghi được dữ liệu của gói vào " + packsDir() + ".",
                    "Cannot write the pack's data into " + packsDir() + ": " + e.getMessage(), e);
        }
        keys.recordSeen(h.issuerId(), h.sequence(), h.packId());
        try {
            return readMeta(h.packId(), target, readDescription(meta, h.packId()));
        } catch (IOException e) {
            throw new PackException(PackException.Problem.IO, "Không đọc được " + meta, e.getMessage(), e);
        }
    }

    /** PageApplier closes what it parses; the content's own finish() still needs the stream. */
    private static final class NoClose extends java.io.FilterInputStream {
        NoClose(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // closed by the importer after finish()
        }
    }

    /**
     * Enforced offline, with no network: packs past their expiry are wiped (their data overwritten,
     * then deleted); packs expiring within {@code warnDays} are returned as warnings. Also clears
     * what an interrupted import left.
     */
    public ExpiryReport enforceExpiry(Clock clock, int warnDays) throws PackException {
        Instant now = clock.instant();
        List<Dataset> soon = new ArrayList<>(), wiped = new ArrayList<>();
        for (Dataset d : packs()) {
            if (!now.isBefore(d.expires())) {
                drop(d.id());
                wiped.add(d);
            } else if (now.plus(Duration.ofDays(warnDays)).isAfter(d.expires())) {
                soon.add(d);
            }
        }
        cleanLeftovers();
        soon.sort(Comparator.comparing(Dataset::expires));
        return new ExpiryReport(soon, wiped);
    }

    /** Removes one imported pack's data (overwritten, then deleted). */
    public void drop(String id) throws PackException {
        if (!id.matches("[0-9a-fA-F-]{8,64}")) throw new IllegalArgumentException("not a pack id: " + id);
        try {
            Path db = packsDir().resolve(id + ".db");
            for (String s : new String[] {"", "-wal", "-shm", "-journal", ".bootstrap", ".bootstrap-journal"}) shred(Path.of(db + s));
            shred(packsDir().resolve(id + ".json"));
        } catch (IOException e) {
            throw new PackException(PackException.Problem.IO, "Không xóa được dữ liệu của gói " + id + ".", "Cannot delete pack " + id + ": " + e.getMessage(), e);
        }
    }

    private void cleanLeftovers() throws PackException {
        if (!Files.isDirectory(packsDir())) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(packsDir())) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.endsWith(".bootstrap") || n.endsWith(".bootstrap-journal") || n.endsWith(".tmp")
                        || n.endsWith(".json") && !Files.exists(packsDir().resolve(n.replaceFirst("\\.json$", ".db")))) {
                    shred(p);
                }
            }
        } catch (IOException e) {
            throw new PackException(PackException.Problem.IO, "Không dọn được thư mục " + packsDir(), e.getMessage(), e);
        }
    }

    /**
     * "Xóa dữ liệu trên máy này / Wipe this laptop's data": the synced cache (with the notes and
     * outbox in it), any bootstrap in progress, every imported pack, and with {@code deviceKey}
     * this device's private key. Trusted issuers and seen sequences stay (they are not secret, and
     * keeping them keeps old packs from being replayed). The demo data stays (it is public).
     */
    public void wipeAll(boolean deviceKey) throws PackException {
        try {
            for (String s : new String[] {"", "-wal", "-shm", "-journal", ".bootstrap", ".bootstrap-journal", ".bootstrap-wal", ".bootstrap-shm"}) {
                shred(Path.of(cache + s));
            }
            if (Files.isDirectory(packsDir())) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(packsDir())) {
                    for (Path p : ds) shred(p);
                }
            }
            if (deviceKey) shred(keys.deviceKeyFile());
        } catch (IOException e) {
            throw new PackException(PackException.Problem.IO, "Không xóa hết được dữ liệu trên máy.", "Cannot wipe this laptop's data: " + e.getMessage(), e);
        }
    }

    /**
     * Overwrites a file with zeros, flushes, then deletes it. On an SSD or a copy-on-write file
     * system the old blocks may survive the overwrite (docs/security.md says so): encryption at
     * rest (issue 24 item 5) is what makes deleted data unreadable there.
     */
    static void shred(Path f) throws IOException {
        if (!Files.isRegularFile(f)) return;
        overwrite(f);
        Files.delete(f);
    }

    /** Overwrites a file's bytes with zeros in place and flushes them; the file stays, its size too. */
    static void overwrite(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(size, 1)));
            long pos = 0;
            while (pos < size) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - pos));
                pos += ch.write(zeros, pos);
            }
            ch.force(true);
        }
    }
}
