package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.query.ChangeSummary;
import vn.r57desk.store.query.DrillDown;

/** What a sync changed, read back from the change history its pages wrote. */
class ChangeSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = DatasetGenerator.AS_OF;
    @TempDir Path dir;
    private Cache cache;

    @BeforeEach
    void open() throws Exception {
        cache = Cache.openExisting(DemoCacheFixture.copy(dir));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    /** The row as the server would send it, with some fields changed. */
    private String row(String entity, String where, Object... fieldValues) throws Exception {
        Entity e = Entities.byName(entity);
        String cols = String.join(", ", e.fields().stream().map(Entity.Field::name).toList());
        String json = cache.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + e.table() + " WHERE " + where)) {
                rs.next();
                return PageWriter.encodeRow(e, rs);
            } catch (java.io.IOException x) {
                throw new IllegalStateException(x);
            }
        });
        ArrayNode a = (ArrayNode) JSON.readTree(json);
        for (int i = 0; i < fieldValues.length; i += 2) {
            int idx = e.fields().indexOf(e.field((String) fieldValues[i]));
            a.set(idx, JSON.valueToTree(fieldValues[i + 1]));
        }
        return a.toString();
    }

    private static String batch(String entity, String... rows) {
        Entity e = Entities.byName(entity);
        String fields = JSON.valueToTree(e.fields().stream().map(Entity.Field::name).toList()).toString();
        return "{\"entity\":\"" + entity + "\",\"op\":\"upsert\",\"fields\":" + fields + ",\"rows\":[" + String.join(",", rows) + "]}";
    }

    private static String page(int rows, String... batches) {
        return "{\"protocol\":\"1.0\",\"kind\":\"delta\",\"generation\":\"g\",\"batches\":[" + String.join(",", batches) + "],\"row_count\":" + rows
                + ",\"next_cursor\":\"c2\",\"has_more\":false,\"complete\":false}";
    }

    private long single(String sql) throws Exception {
        return cache.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aSyncsChangesAreSummedUpByInitiativeTaskAndKpi() throws Exception {
        DrillDown dd = new DrillDown(cache);
        // a lagging initiative catches up: its RAG status changes as of the same day
        Initiative lagging = dd.catalog().initiatives().values().stream()
                .filter(i -> i.status() == Initiative.Status.IN_PROGRESS
                        && vn.r57desk.store.metrics.InitiativeStatusRule.rag(i.status(), i.progress(), i.startDate(), i.deadline(), TODAY) != Rag.GREEN
                        && !TODAY.isAfter(i.deadline()))
                .findFirst().orElseThrow();
        double expected = vn.r57desk.store.metrics.InitiativeStatusRule.expectedProgress(lagging.startDate(), lagging.deadline(), TODAY);
        long openTask = single("SELECT min(id) FROM tasks WHERE completed_at IS NULL");
        long kpi = single("SELECT kpi_id FROM kpi_scope_stats ORDER BY kpi_id, scope_id LIMIT 1");
        long scope = single("SELECT scope_id FROM kpi_scope_stats ORDER BY kpi_id, scope_id LIMIT 1");
        long last = single("SELECT last_period FROM kpi_scope_stats ORDER BY kpi_id, scope_id LIMIT 1");
        String where = "kpi_id = " + kpi + " AND scope_id = " + scope + " AND period = " + last;
        long before = single("SELECT coalesce(max(id), 0) FROM sync_runs");

        String body = page(4,
                batch("initiative", row("initiative", "id = " + lagging.id(), "progress", Math.min(1.0, expected), "version", 50)),
                batch("task", row("task", "id = " + openTask, "completed_at", "2026-11-19", "version", 50)),
                batch("observation", row("observation", where, "value", 12.34, "version", 50),
                        row("observation", where, "period", vn.r57desk.store.model.Period.next((int) last), "value", 13.5, "version", 51)));
        long run = PageRunner.apply(cache, body, true).run();
        cache.writeAndWait(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE sync_runs SET status = 'succeeded', finished_at = '2026-11-25T00:00:05Z' WHERE id = " + run);
            }
            return null;
        });

        ChangeSummary s = dd.changes(before, run, TODAY);
        assertThat(s.span().runs()).isEqualTo(1);
        assertThat(s.span().to()).isEqualTo(Instant.parse("2026-11-25T00:00:05Z"));
        assertThat(s.span().reloaded()).isFalse();
        assertThat(s.initiatives()).hasSize(1);
        ChangeSummary.InitiativeMove m = s.initiatives().getFirst();
        assertThat(m.initiative().id()).isEqualTo(lagging.id());
        // kept to the millionth, whatever SQLite version wrote change_log (docs/metrics.md, "What changed")
        assertThat(m.oldProgress()).isEqualTo(Math.round(lagging.progress() * 1e6) / 1e6);
        assertThat(m.newProgress()).isEqualTo(Math.round(Math.min(1.0, expected) * 1e6) / 1e6);
        assertThat(m.oldRag()).isIn(Rag.AMBER, Rag.RED);
        assertThat(m.newRag()).isEqualTo(Rag.GREEN);
        assertThat(m.ragChanged()).isTrue();
        assertThat(s.tasks()).isEqualTo(new ChangeSummary.TaskMoves(1, 0, 0, 0));
        assertThat(s.kpis()).singleElement().satisfies(k -> {
            assertThat(k.kpi().id()).isEqualTo(kpi);
            assertThat(k.reported()).isEqualTo(1);
            assertThat(k.revised()).isEqualTo(1);
            assertThat(k.withdrawn()).isZero();
        });

        // by time: the same run is "since" a moment before it, nothing is since after it
        assertThat(dd.changesSince(Instant.parse("2026-11-25T00:00:00Z"), TODAY).initiatives()).hasSize(1);
        ChangeSummary none = dd.changesSince(Instant.parse("2026-11-25T00:00:06Z"), TODAY);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.span().runs()).isZero();
        // a run that failed counts for nothing
        cache.writeAndWait(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE sync_runs SET status = 'failed' WHERE id = " + run);
            }
            return null;
        });
        assertThat(dd.changes(before, run, TODAY).isEmpty()).isTrue();
    }


    /**
     * The rows behind the counts: each changed task (one per change, as counted) with its
     * initiative, and each changed KPI value with its scope and period; filtered by kind, system,
     * agency and province, a page at a time.
     */
    @Test
    void theChangedTasksAndValuesAreListedFilteredAndPaged() throws Exception {
        DrillDown dd = new DrillDown(cache);
        long commune = single("SELECT min(t.id) FROM tasks t JOIN localities l ON l.id = t.locality_id WHERE l.level = 'commune' AND t.completed_at IS NULL");
        long province = single("SELECT l.parent_id FROM tasks t JOIN localities l ON l.id = t.locality_id WHERE t.id = " + commune);
        long agencyTask = single("SELECT min(id) FROM tasks WHERE agency_id IS NOT NULL AND completed_at IS NULL");
        long agency = single("SELECT agency_id FROM tasks WHERE id = " + agencyTask);
        long system = single("SELECT i.system_id FROM tasks t JOIN initiatives i ON i.id = t.initiative_id WHERE t.id = " + commune);
        long otherSystem = single("SELECT min(id) FROM systems WHERE id <> " + system
                + " AND id <> (SELECT i.system_id FROM tasks t JOIN initiatives i ON i.id = t.initiative_id WHERE t.id = " + agencyTask + ")");
        long kpi = single("SELECT kpi_id FROM kpi_scope_stats ORDER BY kpi_id, scope_id LIMIT 1");
        long scope = single("SELECT scope_id FROM kpi_scope_stats ORDER BY kpi_id, scope_id LIMIT 1");
        long last = single("SELECT last_period FROM kpi_scope_stats ORDER BY kpi_id, scope_id LIMIT 1");
        String where = "kpi_id = " + kpi + " AND scope_id = " + scope + " AND period = " + last;
        String body = page(4,
                batch("task", row("task", "id = " + commune, "completed_at", "2026-11-19", "version", 50),
                        row("task", "id = " + agencyTask, "deadline", "2027-06-30", "version", 50)),
                batch("observation", row("observation", where, "value", 12.34, "version", 50),
                        row("observation", where, "period", vn.r57desk.store.model.Period.next((int) last), "value", 13.5, "version", 51)));
        long run = PageRunner.apply(cache, body, true).run();
        cache.writeAndWait(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE sync_runs SET status = 'succeeded', finished_at = '2026-11-25T00:00:05Z' WHERE id = " + run);
            }
            return null;
        });
        Instant since = Instant.parse("2026-11-25T00:00:00Z");
        ChangeSummary.Filter all = ChangeSummary.Filter.ALL;

        var tasks = dd.taskChangesSince(since, all, 0, 50);
        assertThat(tasks.total()).as("as many rows as the counts say").isEqualTo(dd.changesSince(since, TODAY).tasks().total()).isEqualTo(2);
        ChangeSummary.TaskChange done = tasks.rows().getFirst();
        assertThat(done.taskId()).as("completed tasks come first").isEqualTo(commune);
        assertThat(done.kind()).isEqualTo(ChangeSummary.TaskKind.COMPLETED);
        assertThat(done.completedAt()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(done.initiative().systemId()).isEqualTo(system);
        assertThat(done.title()).isNotNull();
        assertThat(done.assignee()).as("the commune's name").isNotNull();
        assertThat(tasks.rows().stream().filter(t -> t.taskId() == agencyTask).findFirst().orElseThrow().kind())
                .as("a new deadline is another update").isEqualTo(ChangeSummary.TaskKind.OTHER);

        assertThat(dd.taskChangesSince(since, new ChangeSummary.Filter(ChangeSummary.TaskKind.COMPLETED, null, null, null), 0, 50).rows())
                .extracting(ChangeSummary.TaskChange::taskId).containsExactly(commune);
        assertThat(dd.taskChangesSince(since, new ChangeSummary.Filter(ChangeSummary.TaskKind.ADDED, null, null, null), 0, 50).total()).isZero();
        assertThat(dd.taskChangesSince(since, new ChangeSummary.Filter(null, null, null, province), 0, 50).rows())
                .as("a commune's task is its province's").extracting(ChangeSummary.TaskChange::taskId).containsExactly(commune);
        assertThat(dd.taskChangesSince(since, new ChangeSummary.Filter(null, null, agency, null), 0, 50).rows())
                .extracting(ChangeSummary.TaskChange::taskId).containsExactly(agencyTask);
        assertThat(dd.taskChangesSince(since, new ChangeSummary.Filter(null, system, null, null), 0, 50).rows())
                .extracting(ChangeSummary.TaskChange::taskId).contains(commune);
        assertThat(dd.taskChangesSince(since, new ChangeSummary.Filter(null, otherSystem, null, null), 0, 50).total()).isZero();
        var second = dd.taskChangesSince(since, all, 1, 1);
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.rows()).as("the second page of one").hasSize(1).doesNotContain(dd.taskChangesSince(since, all, 0, 1).rows().getFirst());

        var values = dd.valueChangesSince(since, all, 0, 50);
        assertThat(values.total()).isEqualTo(2);
        assertThat(values.rows()).allSatisfy(v -> {
            assertThat(v.kpi().id()).isEqualTo(kpi);
            assertThat(v.scopeId()).isEqualTo(scope);
        });
        assertThat(values.rows()).anySatisfy(v -> {
            assertThat(v.op()).isEqualTo("update");
            assertThat(v.period()).isEqualTo((int) last);
            assertThat(v.newValue()).isEqualTo(12.34);
            assertThat(v.oldValue()).isNotNull();
        });
        assertThat(values.rows()).anySatisfy(v -> {
            assertThat(v.op()).isEqualTo("insert");
            assertThat(v.oldValue()).isNull();
            assertThat(v.newValue()).isEqualTo(13.5);
        });
        long kpiSystem = dd.catalog().kpis().get(kpi).systemId();
        assertThat(dd.valueChangesSince(since, new ChangeSummary.Filter(null, kpiSystem, null, null), 0, 50).total()).isEqualTo(2);
        assertThat(dd.valueChangesSince(since, new ChangeSummary.Filter(null, kpiSystem == 1 ? 2L : 1L, null, null), 0, 50).total()).isZero();
        assertThat(dd.taskChangesSince(Instant.parse("2026-11-25T00:00:06Z"), all, 0, 50).total()).as("nothing after the run").isZero();
    }

    /** A span runs from its earliest start to its latest finish as times: "…:05Z" is before "…:05.5Z", though after it as text. */
    @Test
    void aSpanRunsFromTheEarliestStartToTheLatestFinishAsTimes() throws Exception {
        long before = single("SELECT coalesce(max(id), 0) FROM sync_runs");
        cache.writeAndWait(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO sync_runs (kind, source, started_at, finished_at, status) VALUES"
                        + " ('delta', 't', '2026-11-25T00:00:01.25Z', '2026-11-25T00:00:05.5Z', 'succeeded'),"
                        + " ('delta', 't', '2026-11-25T00:00:01Z', '2026-11-25T00:00:05Z', 'succeeded')");
            }
            return null;
        });
        ChangeSummary.Span span = new DrillDown(cache).changes(before, before + 2, TODAY).span();
        assertThat(span.runs()).isEqualTo(2);
        assertThat(span.from()).isEqualTo(Instant.parse("2026-11-25T00:00:01Z"));
        assertThat(span.to()).isEqualTo(Instant.parse("2026-11-25T00:00:05.500Z"));
    }

    /**
     * A row-level write (StoreWriter: local edits, tests) keeps the same change history as a sync
     * page's set-based apply, so the Changes section reads both alike: the same changes made both
     * ways leave the same rows in change_log, and a task completed either way counts as completed.
     */
    @Test
    void rowLevelWritesKeepTheSameHistoryAsASyncPage(@TempDir Path other) throws Exception {
        long initiative = single("SELECT min(id) FROM initiatives WHERE status = 'in_progress'");
        String status = cache.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT status FROM initiatives WHERE id = " + initiative)) {
                rs.next();
                return rs.getString(1);
            }
        });
        long openTask = single("SELECT min(id) FROM tasks WHERE completed_at IS NULL");
        long kpi = single("SELECT kpi_id FROM kpi_scope_stats ORDER BY kpi_id, scope_id LIMIT 1");
        long scope = single("SELECT scope_id FROM kpi_scope_stats ORDER BY kpi_id, scope_id LIMIT 1");
        int last = (int) single("SELECT last_period FROM kpi_scope_stats ORDER BY kpi_id, scope_id LIMIT 1");
        String where = "kpi_id = " + kpi + " AND scope_id = " + scope + " AND period = " + last;
        long before = single("SELECT coalesce(max(id), 0) FROM sync_runs");
        vn.r57desk.store.model.Task task = cache.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT initiative_id, title_vi, title_en, agency_id, locality_id, deadline FROM tasks WHERE id = " + openTask)) {
                rs.next();
                return new vn.r57desk.store.model.Task(openTask, rs.getLong(1), new vn.r57desk.store.model.Bilingual(rs.getString(2), rs.getString(3)),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getObject(5) == null ? null : rs.getLong(5),
                        LocalDate.parse(rs.getString(6)), LocalDate.of(2026, 11, 19));
            }
        });

        String body = page(4,
                batch("initiative", row("initiative", "id = " + initiative, "progress", 0.625, "version", 50)),
                batch("task", row("task", "id = " + openTask, "completed_at", "2026-11-19", "version", 50)),
                batch("observation", row("observation", where, "value", 12.34, "version", 50),
                        row("observation", where, "period", vn.r57desk.store.model.Period.next(last), "value", 13.5, "version", 51)));
        long pageRun = PageRunner.apply(cache, body, true).run();

        try (Cache rowLevel = Cache.openExisting(DemoCacheFixture.copy(other))) {
            long writerRun = rowLevel.writeAndWait(c -> {
                var w = vn.r57desk.store.change.StoreWriter.begin(c, "local", "test", Instant.parse("2026-11-25T00:00:00Z"));
                w.updateInitiativeProgress(initiative, status, 0.625);
                w.upsertTask(task);
                w.upsertObservation(kpi, scope, last, 12.34, LocalDate.of(2026, 11, 19), 1, true);
                w.upsertObservation(kpi, scope, vn.r57desk.store.model.Period.next(last), 13.5, LocalDate.of(2026, 11, 19), 1, true);
                w.finish("c2", Instant.parse("2026-11-25T00:00:05Z"));
                return w.runId();
            });
            String history = "SELECT entity, entity_key, op, quote(old_value), quote(new_value) FROM change_log WHERE run_id = %d ORDER BY entity, entity_key";
            assertThat(rows(rowLevel, history.formatted(writerRun))).hasSize(4).isEqualTo(rows(cache, history.formatted(pageRun)));
            ChangeSummary s = new DrillDown(rowLevel).changes(before, writerRun, TODAY);
            assertThat(s.tasks()).isEqualTo(new ChangeSummary.TaskMoves(1, 0, 0, 0));
            assertThat(s.initiatives()).singleElement().satisfies(m -> assertThat(m.newProgress()).isEqualTo(0.625));
        }
    }

    private static java.util.List<String> rows(Cache cache, String sql) throws Exception {
        return cache.read(c -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) b.append(rs.getString(i)).append(" | ");
                    out.add(b.toString());
                }
            }
            return out;
        });
    }
}
