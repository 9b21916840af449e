package vn.r57desk.store.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.db.Sqlite;
import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.sync.Outbox;

/** Issue 24 item 5: no plaintext of the data on disk, after writes and after a crash. */
class DataAtRestTest {
    static final String NOTE = "Ghi chú riêng: hỏi Bộ trưởng về tiến độ trung tâm dữ liệu quốc gia";
    static final List<String> KNOWN = List.of("Hà Nội", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", NOTE, "ghi chu rieng");
    static final String PASSCODE = "mật mã thử 2026";

    @TempDir Path dir;

    @AfterEach
    void lock() {
        Sqlite.forgetKeys();
    }

    @Test
    void theBuildsSqliteEncrypts() {
        // SQLite3 Multiple Ciphers is the project's driver: xerial's (which cannot) must not come back.
        assertThat(Sqlite.canEncrypt()).isTrue();
    }

    @Test
    void theDataFolderHoldsNoKnownNameAfterWritesAndAfterACrash() throws Exception {
        Path data = dir.resolve("data");
        Path cache = data.resolve("cache.db");
        try (Passcode.DataKey key = Passcode.in(data.resolve("keys"), Clock.systemUTC(), 10_000).set(PASSCODE.toCharArray())) {
            Sqlite.encryptFolder(data, key.bytes());
        }
        DatasetGenerator.generate(Scale.parse("demo"), DatasetGenerator.DEFAULT_SEED, cache, true, DatasetGenerator.Progress.NONE);
        try (Cache c = Cache.open(cache)) {
            Outbox.add(c, "note", "{\"text\":\"" + NOTE + "\"}");
            assertThat(Outbox.list(c)).extracting(Outbox::text).contains(NOTE);
            assertNoKnownBytes(data, "with the cache open (WAL in use)");
        }
        assertNoKnownBytes(data, "after closing");

        // The search itself can find them: the same data unencrypted, in a folder without a key.
        Path plain = dir.resolve("plain/cache.db");
        DatasetGenerator.generate(Scale.parse("demo"), DatasetGenerator.DEFAULT_SEED, plain, true, DatasetGenerator.Progress.NONE);
        assertThat(knownBytesIn(plain.getParent())).contains("Hà Nội", "Bộ Khoa học và Công nghệ");

        // A crash: another process commits notes, then dies (SIGKILL) in the middle of a large
        // transaction whose pages have spilled into the WAL.
        Path marker = dir.resolve("written");
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-cp", cp, CrashingWriter.class.getName(),
                data.toString(), marker.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            // Waits for the child to say it is mid-transaction (the deadline only stops a broken run).
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(marker) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(marker).as(Files.readString(dir.resolve("child.log"))).exists();
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            p.waitFor();
        }
        assertThat(Path.of(cache + "-wal")).as("the crash left a WAL behind").exists();
        assertThat(Files.size(Path.of(cache + "-wal"))).isGreaterThan(100_000);
        assertNoKnownBytes(data, "after a crash");

        // Without the key the files are not a database; with it, the committed notes are there.
        Sqlite.forgetKeys();
        assertThatThrownBy(() -> Cache.openExisting(cache)).isInstanceOf(CacheException.class);
        assertNoKnownBytes(data, "after a try without the key");
        try (Passcode.DataKey key = Passcode.in(data.resolve("keys"), Clock.systemUTC(), 10_000).unlock(PASSCODE.toCharArray())) {
            Sqlite.encryptFolder(data, key.bytes());
        }
        try (Cache c = Cache.openExisting(cache)) {
            assertThat(c.integrityProblems()).isEmpty();
            assertThat(Outbox.list(c)).extracting(Outbox::text).contains(NOTE, NOTE + " 9");
        }
        assertNoKnownBytes(data, "after the recovery");
    }

    /** The child of the crash test: commits ten notes, then dies inside a big transaction. */
    public static final class CrashingWriter {
        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            try (Passcode.DataKey key = Passcode.in(data.resolve("keys"), Clock.systemUTC(), 10_000).unlock(PASSCODE.toCharArray())) {
                Sqlite.encryptFolder(data, key.bytes());
            }
            Path cache = data.resolve("cache.db");
            try (Cache c = Cache.openExisting(cache)) {
                for (int i = 0; i < 10; i++) Outbox.add(c, "note", "{\"text\":\"" + NOTE + " " + i + "\"}");
            }
            Connection c = Sqlite.open(cache);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA cache_size = 50"); // small: the transaction's pages spill into the WAL
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE crash_probe (t TEXT)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crash_probe VALUES (?)")) {
                for (int i = 0; i < 20_000; i++) {
                    ps.setString(1, NOTE + " Hà Nội " + i);
                    ps.executeUpdate();
                }
            }
            Files.writeString(Path.of(args[1]), "mid-transaction");
            Thread.sleep(TimeUnit.MINUTES.toMillis(10)); // killed long before
        }
    }

    private static void assertNoKnownBytes(Path folder, String when) throws IOException {
        assertThat(knownBytesIn(folder)).as("known names in the data folder's bytes " + when + " (files: " + files(folder) + ")").isEmpty();
    }

    /** Which known names occur, as UTF-8 bytes, in any file under {@code folder}. */
    static List<String> knownBytesIn(Path folder) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files(folder)) {
            byte[] b = Files.readAllBytes(f);
            for (String k : KNOWN) {
                if (indexOf(b, k.getBytes(StandardCharsets.UTF_8)) >= 0 && !found.contains(k)) found.add(k);
            }
        }
        return found;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
