package vn.r57desk.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;

/** At start a damaged synced cache is moved aside (never deleted) and said in the user's words. */
class SyncedCacheCheckTest {
    @TempDir Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T02:40:00Z"), ZoneOffset.UTC);
    private static final Locale VI = Locale.of("vi");

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private List<String> files() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path cache() throws Exception {
        Path f = dir.resolve("cache.db");
        Files.copy(DemoCacheFixture.demo(), f);
        return f;
    }

    private static void scribble(Path f, long at, int bytes) throws Exception {
        byte[] noise = new byte[bytes];
        new Random(7).nextBytes(noise);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.seek(at);
            r.write(noise);
        }
    }

    @Test
    void aSoundCacheIsUsableAndUntouched() throws Exception {
        Path f = cache();
        String before = sha(f);
        SyncedCacheCheck.Result r = SyncedCacheCheck.check(f, CLOCK, true);
        assertThat(r.outcome()).isEqualTo(SyncedCacheCheck.Outcome.OK);
        assertThat(r.usable()).isTrue();
        assertThat(r.message(VI)).isNull();
        assertThat(sha(f)).isEqualTo(before);
        assertThat(files()).containsExactly("cache.db");
        assertThat(SyncedCacheCheck.check(dir.resolve("none.db"), CLOCK, true).outcome()).isEqualTo(SyncedCacheCheck.Outcome.MISSING);
    }

    @Test
    void randomBytesInTheMiddleAreFoundAndTheFileIsMovedAsideWithItsWalAndShm() throws Exception {
        Path f = cache();
        scribble(f, Files.size(f) / 2 + 10_000, 4096);
        Files.writeString(Path.of(f + "-wal"), ""); // an empty WAL and a shm, as a closed app may leave
        Files.write(Path.of(f + "-shm"), new byte[32768]);
        String before = sha(f);

        SyncedCacheCheck.Result r = SyncedCacheCheck.check(f, CLOCK, true);

        assertThat(r.outcome()).isEqualTo(SyncedCacheCheck.Outcome.MOVED_ASIDE);
        assertThat(r.usable()).isFalse();
        assertThat(r.damage()).isEqualTo(SyncedCacheCheck.Damage.DAMAGED);
        Path aside = dir.resolve("cache.db.damaged-2026-12-06T02-40-00Z");
        assertThat(r.movedTo()).isEqualTo(aside);
        assertThat(files()).containsExactly("cache.db.damaged-2026-12-06T02-40-00Z", "cache.db.damaged-2026-12-06T02-40-00Z-shm",
                "cache.db.damaged-2026-12-06T02-40-00Z-wal");
        assertThat(sha(aside)).as("moved, not changed").isEqualTo(before);
        assertThat(r.message(VI)).isEqualTo("Không mở được dữ liệu đã đồng bộ: một phần tệp đã bị hỏng hoặc bị ghi đè. Tệp hỏng được giữ lại tại "
                + aside + " (không xóa gì). Hãy đồng bộ lại để tải lại dữ liệu.");
        assertThat(r.message(Locale.ENGLISH)).isEqualTo("The synced data could not be opened: part of the file is damaged or overwritten."
                + " The damaged file was kept as " + aside + " (nothing was deleted). Sync again to download the data afresh.");
        assertThat(r.detail()).contains("is damaged");
    }

    @Test
    void aCutShortOrOverwrittenFileIsNamedAsSuchAndASecondOneGetsItsOwnName() throws Exception {
        Path f = cache();
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 8192 - 100));
        SyncedCacheCheck.Result cut = SyncedCacheCheck.check(f, CLOCK, false);
        assertThat(cut.damage()).isEqualTo(SyncedCacheCheck.Damage.TRUNCATED);
        assertThat(cut.message(Locale.ENGLISH)).contains("the file is cut short");

        Files.copy(DemoCacheFixture.demo(), f);
        scribble(f, 0, 64);
        SyncedCacheCheck.Result overwritten = SyncedCacheCheck.check(f, CLOCK, false);
        assertThat(overwritten.damage()).isEqualTo(SyncedCacheCheck.Damage.NOT_A_DATABASE);
        assertThat(overwritten.message(VI)).contains("phần đầu tệp đã bị ghi đè");
        assertThat(overwritten.movedTo()).isEqualTo(dir.resolve("cache.db.damaged-2026-12-06T02-40-00Z-2"));
        assertThat(files()).containsExactly("cache.db.damaged-2026-12-06T02-40-00Z", "cache.db.damaged-2026-12-06T02-40-00Z-2");
    }

    @Test
    void aNewerCacheStaysWhereItIs() throws Exception {
        Path f = cache();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + (Schema.latestVersion() + 1));
        }
        String before = sha(f);
        SyncedCacheCheck.Result r = SyncedCacheCheck.check(f, CLOCK, true);
        assertThat(r.outcome()).isEqualTo(SyncedCacheCheck.Outcome.NEWER_VERSION);
        assertThat(r.message(Locale.ENGLISH)).contains("newer R57 Desk").contains("left unchanged");
        assertThat(r.message(VI)).contains("phiên bản R57 Desk mới hơn");
        assertThat(sha(f)).isEqualTo(before);
        assertThat(files()).containsExactly("cache.db");
    }
}
