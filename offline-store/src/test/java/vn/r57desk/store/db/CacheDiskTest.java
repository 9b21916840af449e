package vn.r57desk.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;

/** A cache on a full or read-only disk: said as such, still readable, and nothing left beside a refused file. */
class CacheDiskTest {
    @TempDir Path dir;

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private List<String> files() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long count(Cache c, String table) throws Exception {
        return c.read(conn -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aWriteThatFillsTheDiskSaysTheDiskIsFullNotThatNoTransactionIsActive() throws Exception {
        Path f = DemoCacheFixture.copy(dir);
        try (Cache c = Cache.open(f)) {
            long before = count(c, "dataset_info");
            assertThatThrownBy(() -> c.writeAndWait(conn -> {
                try (Statement st = conn.createStatement()) {
                    // SQLite's own page limit fails as a full disk does (SQLITE_FULL), without root
                    try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                        rs.next();
                        st.execute("PRAGMA max_page_count = " + (rs.getLong(1) + 2));
                    }
                    for (int i = 0; i < 200; i++) st.execute("INSERT INTO dataset_info VALUES ('big-" + i + "', hex(randomblob(4000)))");
                }
                return null;
            })).isInstanceOfSatisfying(CacheException.class, e -> {
                assertThat(e.problem()).isEqualTo(CacheException.Problem.NOT_WRITABLE);
                assertThat(e.getMessage()).contains("the disk is full (").contains(" free in " + dir.toAbsolutePath() + ")")
                        .doesNotContain("no transaction is active");
            });
            assertThat(count(c, "dataset_info")).as("the failed write is undone whole").isEqualTo(before);
        }
    }

    @Test
    void aNewerCacheInWalModeIsRefusedWithNothingCreatedBesideIt() throws Exception {
        Path f = DemoCacheFixture.copy(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL"); // as every cache is
            st.execute("PRAGMA user_version = " + (Schema.latestVersion() + 1));
        }
        assertThat(files()).containsExactly("copy.db");
        String before = sha(f);
        assertThatThrownBy(() -> Cache.open(f)).isInstanceOfSatisfying(CacheException.class, e -> {
            assertThat(e.problem()).isEqualTo(CacheException.Problem.NEWER_SCHEMA);
            assertThat(e.getMessage()).contains("left unchanged");
        });
        assertThat(sha(f)).isEqualTo(before);
        assertThat(files()).as("no -wal, no -shm").containsExactly("copy.db");
    }

    @Test
    void aCacheWhoseSharedMemoryFileCannotBeMadeIsStillReadAndSaysSyncingNeedsAWritableDisk() throws Exception {
        Path f = DemoCacheFixture.copy(dir);
        long tasks;
        try (Cache c = Cache.open(f)) {
            tasks = count(c, "tasks");
        }
        String before = sha(f);
        // What a full or read-only disk does to a WAL cache: its -shm cannot be created. A folder in
        // its place has the same effect, and needs no root to set up.
        Files.createDirectory(Path.of(f + "-shm"));
        try (Cache c = Cache.open(f)) {
            assertThat(c.isReadOnly()).isTrue();
            assertThat(count(c, "tasks")).isEqualTo(tasks);
            assertThat(c.readOnlyNote(Locale.ENGLISH)).contains("open for reading only").contains("Syncing and notes need");
            assertThat(c.readOnlyNote(Locale.of("vi"))).contains("chỉ để xem");
            assertThatThrownBy(() -> c.writeAndWait(conn -> null)).isInstanceOfSatisfying(CacheException.class, e -> {
                assertThat(e.problem()).isEqualTo(CacheException.Problem.NOT_WRITABLE);
                assertThat(e.getMessage()).contains("open for reading only");
            });
        }
        assertThat(sha(f)).isEqualTo(before);
    }

    @Test
    void aCacheInAReadOnlyFolderIsReadWithoutCreatingAnything() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("ro"));
        Path f = sub.resolve("cache.db");
        Files.copy(DemoCacheFixture.demo(), f);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(sub), "root writes into read-only folders: the -shm case above stands in for this one");
            try (Cache c = Cache.open(f)) {
                assertThat(c.isReadOnly()).isTrue();
                assertThat(c.writeBlock()).isEqualTo(Cache.WriteBlock.READ_ONLY);
                assertThat(count(c, "tasks")).isPositive();
                assertThat(c.readOnlyNote(Locale.ENGLISH)).contains("cannot be written");
            }
            try (var s = Files.list(sub)) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactly("cache.db");
            }
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
