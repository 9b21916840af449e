package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.Rollups;

/**
 * A delta page is applied set by set (DeltaStage), and the result must be what applying its rows
 * one after the other gives: repeated keys, a delete and a re-insert, a row others refer to that
 * comes back, the change history in page order, and rollups equal to a rebuild.
 */
class DeltaStageTest {
    @TempDir Path dir;
    private Cache cache;

    private static final String TASK_FIELDS = "[\"id\",\"initiative_id\",\"title_vi\",\"title_en\",\"agency_id\",\"locality_id\",\"deadline\",\"completed_at\",\"version\"]";
    private static final String OBS_FIELDS = "[\"kpi_id\",\"scope_id\",\"period\",\"value\",\"reported_at\",\"source_id\",\"verified\",\"version\"]";

    @BeforeEach
    void open() throws Exception {
        cache = Cache.openExisting(DemoCacheFixture.copy(dir));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private static String page(String... batches) {
        int rows = 0;
        for (String b : batches) rows += b.split("\\],\\[").length;
        return "{\"protocol\":\"1.0\",\"kind\":\"delta\",\"generation\":\"g\",\"batches\":[" + String.join(",", batches) + "],\"row_count\":"
                + rows + ",\"next_cursor\":\"c2\",\"has_more\":false,\"complete\":false}";
    }

    private static String batch(String entity, String op, String fields, String... rows) {
        return "{\"entity\":\"" + entity + "\",\"op\":\"" + op + "\",\"fields\":" + fields + ",\"rows\":[" + String.join(",", rows) + "]}";
    }

    private static String task(long id, String completedAt, long version) {
        return "[" + id + ",1,\"Nhiệm vụ " + id + "\",\"Task " + id + "\",1,null,\"2027-03-31\","
                + (completedAt == null ? "null" : "\"" + completedAt + "\"") + "," + version + "]";
    }

    private PageRunner.Applied apply(String body) throws Exception {
        return PageRunner.apply(cache, body, true);
    }

    private List<String> log(long run) throws Exception {
        return cache.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT entity, entity_key, op, old_value, new_value FROM change_log WHERE run_id = " + run + " ORDER BY seq")) {
                while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " → " + rs.getString(5));
            }
            return out;
        });
    }

    private String one(String sql) throws Exception {
        return cache.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private void assertRollupsEqualARebuild() throws Exception {
        List<String> kept = cache.read(Rollups::contents);
        List<String> rebuilt = cache.writeAndWait(c -> {
            Rollups.dropTriggers(c);
            Rollups.rebuildAll(c);
            Rollups.restoreTriggers(c);
            return Rollups.contents(c);
        });
        assertThat(kept).isEqualTo(rebuilt);
    }

    @Test
    void aKeyRepeatedInAPageEndsAsIfAppliedRowByRow() throws Exception {
        // new (v50), completed (v60), then a stale copy (v55) that must not undo the completion
        PageRunner.Applied a = apply(page(batch("task", "upsert", TASK_FIELDS, task(900001, null, 50)),
                batch("task", "upsert", TASK_FIELDS, task(900001, "2026-11-20", 60)),
                batch("task", "upsert", TASK_FIELDS, task(900001, null, 55))));
        assertThat(a.result().counts().get("task")).containsExactly(1, 1, 0, 1);
        assertThat(one("SELECT completed_at || ' ' || version FROM tasks WHERE id = 900001")).isEqualTo("2026-11-20 60");
        assertThat(log(a.run())).containsExactly("task 900001 insert null → null", "task 900001 update null → 2026-11-20");
        assertRollupsEqualARebuild();
    }

    @Test
    void aDeleteThenAReinsertInOnePageLeavesTheRow() throws Exception {
        PageRunner.Applied a = apply(page(batch("task", "upsert", TASK_FIELDS, task(900002, null, 50)),
                batch("task", "delete", "[\"id\",\"version\"]", "[900002,51]"),
                batch("task", "upsert", TASK_FIELDS, task(900002, "2026-11-21", 52))));
        assertThat(a.result().counts().get("task")).containsExactly(2, 0, 1, 0);
        assertThat(one("SELECT version FROM tasks WHERE id = 900002")).isEqualTo("52");
        assertThat(log(a.run())).containsExactly("task 900002 insert null → null", "task 900002 delete null → null",
                "task 900002 insert null → 2026-11-21");
        assertRollupsEqualARebuild();

        // and the other way round: the row ends deleted
        PageRunner.Applied b = apply(page(batch("task", "upsert", TASK_FIELDS, task(900002, "2026-11-22", 53)),
                batch("task", "delete", "[\"id\",\"version\"]", "[900002,54]")));
        assertThat(b.result().counts().get("task")).containsExactly(0, 1, 1, 0);
        assertThat(one("SELECT count(*) FROM tasks WHERE id = 900002")).isEqualTo("0");
        assertRollupsEqualARebuild();
    }

    @Test
    void aRowOthersReferToThatIsDeletedAndSentAgainCanBeReferredToAfterwards() throws Exception {
        String[] series = cache.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT kpi_id, scope_id FROM observations LIMIT 1")) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        });
        String source = "[\"id\",\"code\",\"name_vi\",\"name_en\"]";
        // Applied in rounds without care, the observation (first round) would land before the
        // source's deletion (second round), which its reference would then block.
        PageRunner.Applied a = apply(page(batch("source", "upsert", source, "[900,\"test-source\",\"Nguồn thử\",\"Test source\"]"),
                batch("source", "delete", "[\"id\"]", "[900]"),
                batch("source", "upsert", source, "[900,\"test-source\",\"Nguồn thử lại\",\"Test source again\"]"),
                batch("observation", "upsert", OBS_FIELDS, "[" + series[0] + "," + series[1] + ",209901,42.5,20990210,900,1,90]")));
        assertThat(a.result().counts().get("source")).containsExactly(2, 0, 1, 0);
        assertThat(a.result().counts().get("observation")).containsExactly(1, 0, 0, 0);
        assertThat(one("SELECT name_en FROM sources WHERE id = 900")).isEqualTo("Test source again");
        assertThat(one("SELECT last_period || ' ' || last_value FROM kpi_scope_stats WHERE kpi_id = " + series[0] + " AND scope_id = " + series[1]))
                .isEqualTo("209901 42.5");
        assertRollupsEqualARebuild();
    }

    @Test
    void aPageThatChangesAndDeletesReportsKeepsReportsByMonthRight() throws Exception {
        // Two reports of one commune: the first now arrives late (a corrected reception date), the
        // second is withdrawn. Its month's counts, and its province's, must move with them.
        String[][] rows = cache.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT o.kpi_id, o.scope_id, o.period, o.version"
                    + " FROM observations o JOIN scopes s ON s.id = o.scope_id WHERE s.kind = 'commune'"
                    + " AND o.reported_at <= (o.period + CASE WHEN o.period % 100 = 12 THEN 89 ELSE 1 END) * 100 + 10"
                    + " ORDER BY o.kpi_id, o.scope_id, o.period LIMIT 2")) {
                String[][] out = new String[2][];
                for (int i = 0; i < 2; i++) {
                    rs.next();
                    out[i] = new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
                }
                return out;
            }
        });
        String late = "[" + rows[0][0] + "," + rows[0][1] + "," + rows[0][2] + ",1.5,20991231,1,1," + (Long.parseLong(rows[0][3]) + 10) + "]";
        String gone = "[" + rows[1][0] + "," + rows[1][1] + "," + rows[1][2] + "," + (Long.parseLong(rows[1][3]) + 10) + "]";
        String lateBefore = one("SELECT n_late FROM report_rollup_month WHERE scope_id = " + rows[0][1] + " AND period = " + rows[0][2]);
        apply(page(batch("observation", "upsert", OBS_FIELDS, late),
                batch("observation", "delete", "[\"kpi_id\",\"scope_id\",\"period\",\"version\"]", gone)));
        assertThat(one("SELECT count(*) FROM observations WHERE kpi_id = " + rows[1][0] + " AND scope_id = " + rows[1][1]
                + " AND period = " + rows[1][2])).isEqualTo("0");
        assertThat(Long.parseLong(one("SELECT n_late FROM report_rollup_month WHERE scope_id = " + rows[0][1] + " AND period = " + rows[0][2])))
                .isEqualTo(Long.parseLong(lateBefore) + 1);
        assertRollupsEqualARebuild();
    }

    @Test
    void aRowTheCacheRefusesIsNamedAndNothingIsApplied() throws Exception {
        Map<String, String> before = cache.read(Checksums::of);
        // the deadline passes validation (text) but not the table's CHECK (ten characters)
        String bad = "[900004,1,\"x\",\"x\",1,null,\"2027-3-1\",null,50]";
        assertThatThrownBy(() -> apply(page(batch("task", "upsert", TASK_FIELDS, task(900003, null, 50), bad, task(900005, null, 50)))))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("task 900004 could not be stored")
                .hasMessageContaining("CHECK");
        assertThat(cache.read(Checksums::of)).isEqualTo(before);
        // the triggers a page turns off for its sets came back with the rollback
        assertThat(cache.read(DeltaStageTest::triggers)).isEqualTo(ALL_TRIGGERS);
    }

    @Test
    void theTriggersAreBackAfterAPage() throws Exception {
        apply(page(batch("task", "upsert", TASK_FIELDS, task(900006, null, 50))));
        assertThat(cache.read(DeltaStageTest::triggers)).isEqualTo(ALL_TRIGGERS);
        // and they work: a local edit after the page keeps the rollups right
        cache.writeAndWait(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE tasks SET completed_at = '2026-11-24' WHERE id = 900006");
            }
            return null;
        });
        assertRollupsEqualARebuild();
    }

    private static final List<String> ALL_TRIGGERS = List.of("kss_rollup_ad", "kss_rollup_ai", "obs_report_ad", "obs_report_ai", "obs_report_au",
            "obs_rollup_ad", "obs_rollup_ai",
            "obs_rollup_au", "tasks_rollup_ad", "tasks_rollup_ai", "tasks_rollup_au");

    private static List<String> triggers(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
