package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bootstrap that fills the disk says so, with the room the data needs, and removes what it wrote;
 * any other failure keeps the file so that the next sync resumes it. SQLite's own page limit stands
 * in for a full disk: it fails with the same SQLITE_FULL, and needs no root.
 */
class BootstrapDiskFullTest {
    @TempDir Path dir;

    @AfterEach
    void noLimit() {
        Bootstrap.pageLimitForTests = 0;
    }

    /** A snapshot page of {@code n} dataset_info rows of 3,000 characters each (no references to satisfy). */
    private static String page(int from, int n, String generation, String next, boolean more) {
        List<String> rows = new ArrayList<>();
        for (int i = from; i < from + n; i++) rows.add("[\"key-" + i + "\",\"" + "x".repeat(3000) + "\"]");
        return "{\"protocol\":\"1.0\",\"kind\":\"snapshot\",\"generation\":\"" + generation + "\",\"batches\":[{\"entity\":\"dataset_info\",\"op\":\"upsert\","
                + "\"fields\":[\"key\",\"value\"],\"rows\":[" + String.join(",", rows) + "]}],\"row_count\":" + n
                + ",\"next_cursor\":\"" + next + "\",\"has_more\":" + more + ",\"complete\":" + !more + "}";
    }

    private static PageApplier.Result apply(Bootstrap b, String body) throws Exception {
        return b.applyPage(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "g1", () -> false, PageApplier.Listener.NONE, new PageBounds(null, 0, 0));
    }

    private List<String> files() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskIsSaidWithTheRoomNeededAndWhatTheAttemptWroteIsRemoved() throws Exception {
        Path cache = dir.resolve("cache.db");
        Bootstrap.pageLimitForTests = 100; // 800 KB of 8 KB pages: the schema and a small page fit, 1.2 MB does not
        Bootstrap b = Bootstrap.openOrStart(cache, new Ledger("http://127.0.0.1:1/"), "g1", 1_000_000);
        apply(b, page(0, 10, "g1", "c1", true));
        assertThat(files()).contains("cache.db.bootstrap");

        assertThatThrownBy(() -> apply(b, page(10, 400, "g1", "c2", true)))
                .isInstanceOfSatisfying(SyncException.class, e -> {
                    assertThat(e.problem()).isEqualTo(SyncException.Problem.CACHE);
                    // (1 MB + 1,000,000 rows × 47 bytes), a fifth more: 57,658,265 bytes
                    assertThat(e.getMessage()).startsWith("The disk is full: downloading the data needs about 55.0 MB free in " + dir.toAbsolutePath())
                            .contains("is free there now").contains("free some space and sync again")
                            .doesNotContain("no transaction").doesNotContain("SQLITE");
                    assertThat(e.message(SyncText.VIETNAMESE)).startsWith("Ổ đĩa đã đầy: tải dữ liệu cần khoảng 55.0 MB");
                });
        b.close();
        assertThat(files()).as("the bootstrap file and its journal are gone from the full disk").isEmpty();
    }

    @Test
    void aFullDiskWhileStartingLeavesNothingEither() throws Exception {
        Bootstrap.pageLimitForTests = 3; // not even the schema fits
        assertThatThrownBy(() -> Bootstrap.openOrStart(dir.resolve("cache.db"), new Ledger("http://127.0.0.1:1/"), "g1", 0))
                .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.getMessage()).startsWith("The disk is full: downloading the data needs about 1.0 MB"));
        assertThat(files()).isEmpty();
    }

    @Test
    void anyOtherFailureKeepsTheBootstrapSoTheNextSyncResumesIt() throws Exception {
        Path cache = dir.resolve("cache.db");
        Bootstrap b = Bootstrap.openOrStart(cache, new Ledger("http://127.0.0.1:1/"), "g1", 0);
        apply(b, page(0, 10, "g1", "c1", true));
        assertThatThrownBy(() -> apply(b, page(10, 5, "g2", "c2", true)))
                .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.problem()).isEqualTo(SyncException.Problem.INVALID_PAGE));
        b.close();
        assertThat(files()).contains("cache.db.bootstrap");
        try (Bootstrap again = Bootstrap.openOrStart(cache, new Ledger("http://127.0.0.1:1/"), "g1", 0)) {
            assertThat(again.cursor()).isEqualTo("c1");
            assertThat(again.snapshotRows()).isEqualTo(10);
        }
    }
}
