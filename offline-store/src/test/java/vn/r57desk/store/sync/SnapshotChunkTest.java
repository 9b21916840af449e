package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Sqlite;

/**
 * Snapshot rows are written to SQLite in chunks of many rows per statement. Every row of a page
 * lands whatever its place in a chunk (full chunks and the remainder), and a row SQLite refuses
 * is still named in the error, wherever it sits in its chunk.
 */
class SnapshotChunkTest {
    @TempDir Path dir;

    private static final String OBS_FIELDS = "[\"kpi_id\",\"scope_id\",\"period\",\"value\",\"reported_at\",\"source_id\",\"verified\",\"version\"]";

    /** {@code n} observation rows of one series in years 2060… (absent from the demo data); {@code badAt}: a row whose month is 13. */
    private static String page(long[] series, int n, int badAt) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int period = i == badAt ? (2060 + i / 12) * 100 + 13 : (2060 + i / 12) * 100 + i % 12 + 1;
            rows.add("[" + series[0] + "," + series[1] + "," + period + "," + (i * 1.25) + ",20260101," + series[2] + "," + (i & 1) + ",1]");
        }
        return "{\"protocol\":\"1.0\",\"kind\":\"snapshot\",\"generation\":\"g\",\"batches\":[{\"entity\":\"observation\",\"op\":\"upsert\",\"fields\":"
                + OBS_FIELDS + ",\"rows\":[" + String.join(",", rows) + "]}],\"row_count\":" + n + ",\"next_cursor\":\"c\",\"has_more\":true,\"complete\":false}";
    }

    private static long[] aSeries(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT kpi_id, scope_id, source_id FROM observations LIMIT 1")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PageApplier.Result apply(Connection c, String body) throws Exception {
        PageApplier a = PageApplier.open(c, PageApplier.Mode.SNAPSHOT);
        try {
            return a.apply(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), () -> false, PageApplier.Listener.NONE);
        } finally {
            a.close();
        }
    }

    @Test
    void everyRowLandsWhetherInAFullChunkOrTheRemainder() throws Exception {
        try (Connection c = Sqlite.open(DemoCacheFixture.copy(dir))) {
            long[] s = aSeries(c);
            c.setAutoCommit(false);
            PageApplier.Result r = apply(c, page(s, 150, -1)); // two chunks of 64 and 22 more
            c.commit();
            assertThat(r.counts().get("observation")[0]).isEqualTo(150);
            String mine = " FROM observations WHERE kpi_id = " + s[0] + " AND scope_id = " + s[1] + " AND period >= 206001";
            assertThat(count(c, "SELECT count(*)" + mine)).isEqualTo(150);
            // the last row of the remainder, with its own values
            assertThat(count(c, "SELECT count(*)" + mine + " AND period = 207206 AND value = 186.25 AND verified = 1")).isEqualTo(1);
        }
    }

    @Test
    void aRowSqliteRefusesIsNamedWhereverItSitsInItsChunk() throws Exception {
        for (int badAt : new int[] {0, 40, 63, 64, 140}) {
            try (Connection c = Sqlite.open(DemoCacheFixture.copy(java.nio.file.Files.createDirectories(dir.resolve("bad" + badAt))))) {
                long[] s = aSeries(c);
                long before = count(c, "SELECT count(*) FROM observations");
                c.setAutoCommit(false);
                int period = (2060 + badAt / 12) * 100 + 13;
                assertThatThrownBy(() -> apply(c, page(s, 150, badAt))).isInstanceOf(SyncException.class)
                        .hasMessageContaining("observation " + s[0] + "/" + s[1] + "/" + period + " could not be stored")
                        .hasMessageContaining("CHECK");
                c.rollback();
                assertThat(count(c, "SELECT count(*) FROM observations")).as("nothing of the page stays").isEqualTo(before);
            }
        }
    }
}
