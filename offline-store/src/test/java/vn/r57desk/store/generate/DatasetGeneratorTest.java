package vn.r57desk.store.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;

class DatasetGeneratorTest {
    @TempDir Path dir;

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void usesTheRealNamesAndMarksDemoData() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.demo())) {
            cache.read(c -> {
                assertThat(count(c, "SELECT count(*) FROM systems")).isEqualTo(6);
                assertThat(count(c, "SELECT count(*) FROM localities WHERE level = 'province'")).isEqualTo(34);
                assertThat(count(c, "SELECT count(*) FROM localities WHERE code = '01' AND name_vi = 'Hà Nội'")).isEqualTo(1);
                assertThat(count(c, "SELECT count(*) FROM localities WHERE code = '24' AND name_vi = 'Bắc Ninh'")).isEqualTo(1);
                assertThat(count(c, "SELECT count(*) FROM agencies WHERE code = 'MOST' AND name_vi = 'Bộ Khoa học và Công nghệ'")).isEqualTo(1);
                assertThat(count(c, "SELECT count(*) FROM kpis WHERE code = 'R57-01' AND baseline = 14.02 AND target_2030 = 30")).isEqualTo(1);
                // Blank baselines stay blank: nothing estimated is written as a published figure.
                assertThat(count(c, "SELECT count(*) FROM kpis WHERE code = 'R57-04' AND baseline IS NULL")).isEqualTo(1);
                assertThat(count(c, "SELECT count(*) FROM localities WHERE level = 'commune' AND synthetic = 0")).isZero();
                assertThat(count(c, "SELECT count(*) FROM initiatives WHERE synthetic = 0")).isZero();
                assertThat(count(c, "SELECT count(*) FROM dataset_info WHERE key = 'demo' AND value = 'true'")).isEqualTo(1);
                // Realistic variety: late and missing reports, overdue and late-completed tasks.
                assertThat(count(c, "SELECT sum(n_late) FROM kpi_scope_stats")).isPositive();
                assertThat(count(c, "SELECT count(*) FROM tasks WHERE completed_at IS NULL AND deadline < '2026-11-20'")).isPositive();
                assertThat(count(c, "SELECT count(*) FROM tasks WHERE completed_at > deadline")).isPositive();
                return null;
            });
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDoesNot() throws Exception {
        Path a = dir.resolve("a.db"), b = dir.resolve("b.db"), other = dir.resolve("c.db");
        DatasetGenerator.generate(Scale.DEMO, 7, a, false, DatasetGenerator.Progress.NONE);
        DatasetGenerator.generate(Scale.DEMO, 7, b, false, DatasetGenerator.Progress.NONE);
        DatasetGenerator.generate(Scale.DEMO, 8, other, false, DatasetGenerator.Progress.NONE);
        assertThat(checksums(a)).isEqualTo(checksums(b)).isNotEqualTo(checksums(other));
    }

    @Test
    void refusesToOverwriteWithoutForceAndLeavesNoPartialFile() throws Exception {
        Path f = dir.resolve("x.db");
        Files.writeString(f, "keep me");
        assertThatThrownBy(() -> DatasetGenerator.generate(Scale.DEMO, 1, f, false, DatasetGenerator.Progress.NONE))
                .isInstanceOf(CacheException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(f)).isEqualTo("keep me");
        assertThat(Files.exists(dir.resolve("x.db.generating"))).isFalse();
    }

    static List<String> checksums(Path f) throws Exception {
        List<String> out = new ArrayList<>();
        try (Cache cache = Cache.openExisting(f)) {
            cache.read(c -> {
                for (String t : List.of("localities", "initiatives", "tasks", "kpis", "observations", "task_rollup_day", "kpi_scope_stats")) {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t + " ORDER BY 1, 2")) {
                        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                        int cols = rs.getMetaData().getColumnCount();
                        while (rs.next()) for (int i = 1; i <= cols; i++) md.update(String.valueOf(rs.getObject(i)).getBytes());
                        out.add(t + ":" + java.util.HexFormat.of().formatHex(md.digest()));
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return null;
            });
        }
        return out;
    }
}
