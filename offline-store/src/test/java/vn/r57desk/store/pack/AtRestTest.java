package vn.r57desk.store.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.db.Sqlite;
import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.sync.Outbox;

/** Issue 24 item 5: a laptop that already holds plaintext data switches to encryption at rest, leaving no plaintext. */
class AtRestTest {
    static final String WAL_NOTE = DataAtRestTest.NOTE + " (còn trong WAL)";
    static final String PACK = "0123456789abcdef0123456789abcdef";
    static final String SCOPE_LABEL = "Tỉnh/thành phố: Hà Nội";

    /** A plaintext data folder as a laptop has it before a passcode: made once, copied for each test. */
    @TempDir static Path template;
    @TempDir Path dir;

    @BeforeAll
    static void plaintextFolder() throws Exception {
        Path data = template.resolve("data");
        Path cache = data.resolve("cache.db");
        DatasetGenerator.generate(Scale.parse("demo"), DatasetGenerator.DEFAULT_SEED, cache, true, DatasetGenerator.Progress.NONE);
        DatasetGenerator.generate(Scale.parse("demo"), DatasetGenerator.DEFAULT_SEED + 1, data.resolve("packs/" + PACK + ".db"), true, DatasetGenerator.Progress.NONE);
        try (Cache c = Cache.open(cache)) {
            Outbox.add(c, "note", "{\"text\":\"" + DataAtRestTest.NOTE + "\"}");
        }
        // the pack's description as an import before the passcode wrote it: its scope names a province
        Files.writeString(data.resolve("packs/" + PACK + ".json"), "{\"pack_id\":\"" + PACK + "\",\"issuer\":\"Văn phòng Ban Chỉ đạo\","
                + "\"issuer_id\":\"ab\",\"sequence\":3,\"scope\":\"province:01\",\"scope_label\":\"" + SCOPE_LABEL + "\",\"created\":\"2026-11-01T00:00:00Z\","
                + "\"as_of\":\"2026-11-01T00:00:00Z\",\"expires\":\"2099-01-01T00:00:00Z\",\"imported_at\":\"2026-11-02T00:00:00Z\",\"rows\":1,"
                + "\"source_file\":\"ha-noi.r57pack\"}");
        new PackKeys(data.resolve("keys")).generate("Laptop 03", false); // a device key, plaintext as keygen left it before a passcode
        // A note still in the WAL, as a laptop that lost power after writing it leaves the files: the
        // files are copied while the connection holds the commit in its -wal, unchecked-pointed.
        Path crashed = template.resolve("crashed");
        try (Connection c = Sqlite.open(cache); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA wal_autocheckpoint = 0");
            Outbox.add(c, "note", "{\"text\":\"" + WAL_NOTE + "\"}");
            copyTree(data, crashed);
        }
        assertThat(Files.size(crashed.resolve("cache.db-wal"))).as("the note is in the WAL only").isGreaterThan(0);
        assertThat(DataAtRestTest.knownBytesIn(crashed)).as("the plaintext folder holds the names and the note").contains("Hà Nội", DataAtRestTest.NOTE);
    }

    @AfterEach
    void lock() {
        Sqlite.forgetKeys();
    }

    @Test
    void aCacheWithNotesAndAPackIsEncryptedAndNoPlaintextIsLeft() throws Exception {
        Path data = copyTree(template.resolve("crashed"), dir.resolve("data"));
        DataHome home = DataHome.forCache(data.resolve("cache.db"), null);
        assertThat(AtRest.hasPlaintext(home)).isTrue();
        List<AtRest.Progress> seen = new ArrayList<>();
        try (Passcode.DataKey key = Passcode.in(home.root().resolve("keys"), Clock.systemUTC(), 10_000).set(DataAtRestTest.PASSCODE.toCharArray())) {
            AtRest.encryptExisting(home, key, seen::add);
        }
        AtRest.Progress last = seen.getLast();
        assertThat(seen.getFirst().filesDone()).isZero();
        assertThat(last.files()).as("the cache and the pack").isEqualTo(2);
        assertThat(last.filesDone()).isEqualTo(2);
        assertThat(last.bytesDone()).isEqualTo(last.bytes()).isGreaterThan(1_000_000);

        assertThat(DataAtRestTest.knownBytesIn(data)).as("known names in the data folder's bytes, files: " + files(data)).isEmpty();
        assertThat(files(data)).extracting(p -> p.getFileName().toString())
                .as("no copy, link, WAL or shared memory of the plaintext left")
                .containsExactlyInAnyOrder("cache.db", PACK + ".db", PACK + ".json", "data.key", "passcode-tries", "device.key", "device.pub");
        assertThat(AtRest.hasPlaintext(home)).isFalse();
        assertThat(Files.readString(home.packsDir().resolve(PACK + ".json"))).startsWith(DataHome.SEALED_DESCRIPTION).doesNotContain("province");

        // Locked, the packs are neither listed nor taken for expired (an unreadable description
        // counts as expired): nothing is wiped. Unlocked, the pack is listed with its label.
        Sqlite.forgetKeys();
        assertThatThrownBy(home::datasets).isInstanceOf(PackException.class).hasMessageContaining("unlock the data first");
        assertThatThrownBy(() -> home.enforceExpiry(Clock.systemUTC(), 7)).isInstanceOf(PackException.class);
        assertThat(home.packsDir().resolve(PACK + ".db")).exists();
        try (Passcode.DataKey key = Passcode.in(home.root().resolve("keys"), Clock.systemUTC(), 10_000).unlock(DataAtRestTest.PASSCODE.toCharArray())) {
            AtRest.unlock(home, key);
        }
        assertThat(home.datasets()).filteredOn(d -> d.kind() == DataHome.Kind.PACK).singleElement()
                .satisfies(d -> assertThat(d.scopeLabel()).isEqualTo(SCOPE_LABEL));
        Sqlite.forgetKeys();

        // The device's private keys: wrapped, their plaintext nowhere in the folder; locked, unreadable.
        assertThat(DeviceKey.isPlaintext(home.keys().deviceKeyFile())).isFalse();
        String signPrivate = KeyFiles.readFields(template.resolve("crashed/keys/device.key"), DeviceKey.MAGIC).get("sign-private");
        assertThat(signPrivate).isNotBlank();
        for (Path f : files(data)) assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(signPrivate);
        assertThatThrownBy(() -> home.keys().device()).isInstanceOf(PackException.class).hasMessageContaining("unlock the data first");

        assertNotesReadableWithTheKey(home);
        // Run again: nothing to do, nothing changed.
        byte[] before = Files.readAllBytes(home.cacheFile());
        try (Passcode.DataKey key = Passcode.in(home.root().resolve("keys"), Clock.systemUTC(), 10_000).unlock(DataAtRestTest.PASSCODE.toCharArray())) {
            seen.clear();
            AtRest.encryptExisting(home, key, seen::add);
        }
        assertThat(seen.getLast().files()).isZero();
        assertThat(Files.readAllBytes(home.cacheFile())).isEqualTo(before);
    }

    @Test
    void aForgottenPasscodeDeletesTheDataAndTheDeviceKeyWrappedUnderIt() throws Exception {
        Path data = copyTree(template.resolve("crashed"), dir.resolve("data"));
        DataHome home = DataHome.forCache(data.resolve("cache.db"), null);
        Passcode passcode = Passcode.in(home.root().resolve("keys"), Clock.systemUTC(), 10_000);
        try (Passcode.DataKey key = passcode.set(DataAtRestTest.PASSCODE.toCharArray())) {
            AtRest.encryptExisting(home, key, p -> {});
        }
        passcode.forgotten(home);
        assertThat(files(data)).as("nothing encrypted under the lost key is left").isEmpty();
        assertThat(passcode.isSet()).isFalse();
    }

    @Test
    void aWriteCutShortWithAHotJournalIsRolledBackThenEncryptedLeavingNoPlaintext() throws Exception {
        // A bootstrap (rollback journal mode) killed inside a transaction whose pages spilled into
        // the file: the journal holds the old pages, the file some new ones.
        Path live = dir.resolve("live/cache.db.bootstrap");
        Path data = dir.resolve("data");
        Files.createDirectories(live.getParent());
        Files.createDirectories(data);
        try (Connection c = Sqlite.open(live); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = TRUNCATE");
            st.execute("CREATE TABLE t (x TEXT)");
            st.execute("INSERT INTO t VALUES ('committed: Hà Nội')");
            st.execute("PRAGMA cache_size = 10");
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                for (int i = 0; i < 5000; i++) {
                    ps.setString(1, "uncommitted " + DataAtRestTest.NOTE + " " + i);
                    ps.executeUpdate();
                }
            }
            Files.copy(live, data.resolve("cache.db.bootstrap"));
            Files.copy(Path.of(live + "-journal"), data.resolve("cache.db.bootstrap-journal"));
            c.rollback();
        }
        assertThat(Files.size(data.resolve("cache.db.bootstrap-journal"))).as("a hot journal").isGreaterThan(0);
        assertThat(DataAtRestTest.knownBytesIn(data)).contains("Hà Nội", DataAtRestTest.NOTE);
        DataHome home = DataHome.forCache(data.resolve("cache.db"), null);
        assertThat(AtRest.hasPlaintext(home)).isTrue();
        try (Passcode.DataKey key = Passcode.in(home.root().resolve("keys"), Clock.systemUTC(), 10_000).set(DataAtRestTest.PASSCODE.toCharArray())) {
            AtRest.encryptExisting(home, key, p -> {});
            assertThat(DataAtRestTest.knownBytesIn(data)).as("files: " + files(data)).isEmpty();
            assertThat(files(data)).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("cache.db.bootstrap", "data.key", "passcode-tries");
            AtRest.unlock(home, key);
        }
        try (Connection c = Sqlite.open(data.resolve("cache.db.bootstrap")); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT group_concat(x) FROM t")) {
            rs.next();
            assertThat(rs.getString(1)).as("the cut-short transaction rolled back").isEqualTo("committed: Hà Nội");
        }
    }

    /** A failure injected before each step (a crash there, or a full disk): the data stays readable, and a second run finishes. */
    @ParameterizedTest
    @ValueSource(strings = {"copy", "link", "shred-side", "rename", "shred-plain"})
    void aConversionStoppedAtAnyStepLeavesTheDataReadableAndIsFinishedByTheNextRun(String step) throws Exception {
        Path data = copyTree(template.resolve("crashed"), dir.resolve("data"));
        DataHome home = DataHome.forCache(data.resolve("cache.db"), null);
        Passcode passcode = Passcode.in(home.root().resolve("keys"), Clock.systemUTC(), 10_000);
        try (Passcode.DataKey key = passcode.set(DataAtRestTest.PASSCODE.toCharArray())) {
            AtRest.Hook crash = (s, f) -> {
                if (s.equals(step) && f.getFileName().toString().startsWith("cache.db")) throw new IOException("simulated crash before " + s);
            };
            assertThatThrownBy(() -> AtRest.encryptExisting(home, key, p -> {}, crash)).isInstanceOf(CacheException.class).hasMessageContaining("simulated crash");
            assertThat(AtRest.hasPlaintext(home)).as("the conversion is unfinished").isTrue();
            assertThat(notesIn(home.cacheFile(), key.bytes())).as("the notes, in the plaintext file or its encrypted copy").contains(DataAtRestTest.NOTE, WAL_NOTE);
        }
        try (Passcode.DataKey key = passcode.unlock(DataAtRestTest.PASSCODE.toCharArray())) {
            AtRest.encryptExisting(home, key, p -> {});
        }
        assertThat(AtRest.hasPlaintext(home)).isFalse();
        assertThat(DataAtRestTest.knownBytesIn(data)).as("known names after finishing, files: " + files(data)).isEmpty();
        assertNotesReadableWithTheKey(home);
    }

    private static void assertNotesReadableWithTheKey(DataHome home) throws Exception {
        try (Passcode.DataKey key = Passcode.in(home.root().resolve("keys"), Clock.systemUTC(), 10_000).unlock(DataAtRestTest.PASSCODE.toCharArray())) {
            Sqlite.encryptFolder(home.root(), key.bytes());
        }
        try (Cache c = Cache.openExisting(home.cacheFile())) {
            assertThat(c.integrityProblems()).isEmpty();
            assertThat(Outbox.list(c)).extracting(Outbox::text).contains(DataAtRestTest.NOTE, WAL_NOTE);
        }
        try (Cache c = Cache.openExisting(home.packsDir().resolve(PACK + ".db"))) {
            assertThat(c.integrityProblems()).isEmpty();
        }
        assertThat(home.keys().device().publicKeys().idHex()).as("the device key, unwrapped")
                .isEqualTo(DeviceKey.read(template.resolve("crashed/keys/device.key")).publicKeys().idHex());
        Sqlite.forgetKeys();
        assertThatThrownBy(() -> Cache.openExisting(home.cacheFile())).as("without the key").isInstanceOf(CacheException.class);
    }

    /**
     * The outbox's texts wherever the data is after an interrupted conversion: the encrypted copy
     * ({@code cache.db.atrest}) when there is one, else {@code cache.db}, plaintext or encrypted.
     * Read from a copy (with its WAL), so that reading changes nothing.
     */
    private List<String> notesIn(Path cache, byte[] key) throws Exception {
        Path copy = AtRest.side(cache, AtRest.COPY);
        Path source = Files.exists(copy) ? copy : cache;
        boolean encrypted = !Sqlite.isPlaintextDatabase(source);
        Path probe = Files.createTempDirectory(dir, "probe").resolve("cache.db");
        Files.copy(source, probe);
        if (source == cache && Files.exists(Path.of(cache + "-wal"))) Files.copy(Path.of(cache + "-wal"), Path.of(probe + "-wal"));
        if (encrypted) Sqlite.encryptFolder(probe.getParent(), key);
        try (Cache c = Cache.openExisting(probe)) {
            return Outbox.list(c).stream().map(Outbox::text).toList();
        } finally {
            Sqlite.forgetKeys();
        }
    }

    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
