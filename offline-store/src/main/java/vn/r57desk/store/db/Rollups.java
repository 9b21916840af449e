package vn.r57desk.store.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Summary tables kept in step with the data when it is written, so that a drill-down reads a few
 * hundred summary rows instead of scanning tasks or observations (docs/data-model.md, "Rollups").
 *
 * <p>Each rollup is defined once here and used twice: as triggers that adjust it row by row (sync
 * deltas, local edits) and as a set-based rebuild (bulk generation, repair). Both are generated
 * from the same membership definitions, so they cannot drift apart; a test checks that the
 * trigger-maintained tables equal a rebuild after random edits.
 */
public final class Rollups {
    private Rollups() {}

    /**
     * The groups a task is counted in. Keys are {@code kind offset + id}; each kind's key and
     * condition are written over a task's {@linkplain #taskFacts facts} (f.s system, f.i initiative,
     * f.a agency, f.p province, f.c commune).
     */
    public enum TaskGroup {
        NATIONAL(0L, true, "0", "1", f -> 0L),
        SYSTEM(1_000_000_000L, true, "1000000000 + f.s", "f.s IS NOT NULL", f -> f.s() == null ? -1 : 1_000_000_000L + f.s()),
        INITIATIVE(2_000_000_000L, true, "2000000000 + f.i", "1", f -> 2_000_000_000L + f.i()),
        AGENCY(3_000_000_000L, true, "3000000000 + f.a", "f.a IS NOT NULL", f -> f.a() == null ? -1 : 3_000_000_000L + f.a()),
        PROVINCE(4_000_000_000L, true, "4000000000 + f.p", "f.p IS NOT NULL", f -> f.p() == null ? -1 : 4_000_000_000L + f.p()),
        COMMUNE(5_000_000_000L, true, "5000000000 + f.c", "f.c IS NOT NULL", f -> f.c() == null ? -1 : 5_000_000_000L + f.c()),
        /** Which initiatives have tasks in a province: one all-time row in the month table (month 0). */
        PROVINCE_INITIATIVE(6_000_000_000L, false, "6000000000 + 1000000 * f.p + f.i", "f.p IS NOT NULL",
                f -> f.p() == null ? -1 : 6_000_000_000L + 1_000_000L * f.p() + f.i());

        public final long offset;
        final boolean inDayTable;
        final String keyExpr;
        final String condition;
        /**
         * The same key and condition in Java (-1: not counted), for rollups built while a snapshot
         * streams in ({@link StreamedRollups}); written beside the SQL so that the two are read
         * together, and held equal by the tests that compare a bootstrap's rollups with a rebuild.
         */
        final java.util.function.ToLongFunction<TaskFacts> javaKey;

        TaskGroup(long offset, boolean inDayTable, String keyExpr, String condition, java.util.function.ToLongFunction<TaskFacts> javaKey) {
            this.offset = offset;
            this.inDayTable = inDayTable;
            this.keyExpr = keyExpr;
            this.condition = condition;
            this.javaKey = javaKey;
        }

        public long key(long id) {
            return offset + id;
        }

        /** Upper bound (exclusive) of this kind's keys, for range reads. */
        public long end() {
            return offset + 1_000_000_000L;
        }

        public static long provinceInitiativeKey(long provinceId, long initiativeId) {
            return PROVINCE_INITIATIVE.offset + 1_000_000L * provinceId + initiativeId;
        }
    }

    /**
     * What the rollups need of one task row {@code X}: deadline day (d) and month (m), open (o),
     * done on time (t), and the ids it is grouped by. Used with X = NEW/OLD in triggers and
     * X = each row of {@code tasks} in a rebuild.
     */
    static String taskFacts(String x) {
        return ("SELECT X.deadline AS d, CAST(substr(X.deadline, 1, 4) || substr(X.deadline, 6, 2) AS INTEGER) AS m,"
                + " (X.completed_at IS NULL) AS o, (X.completed_at IS NOT NULL AND X.completed_at <= X.deadline) AS t,"
                + " (SELECT system_id FROM initiatives WHERE id = X.initiative_id) AS s, X.initiative_id AS i, X.agency_id AS a,"
                + " (SELECT coalesce(parent_id, id) FROM localities WHERE id = X.locality_id) AS p,"
                + " (SELECT id FROM localities WHERE id = X.locality_id AND parent_id IS NOT NULL) AS c").replace("X.", x + ".");
    }

    /** A task's {@linkplain #taskFacts facts} that group it (s system, i initiative, a agency, p province, c commune; null: none). */
    record TaskFacts(Long s, long i, Long a, Long p, Long c) {}

    /** One row per (group, bucket) a task's facts count in, from a relation {@code facts} with columns d, m, o, t, s, i, a, p, c. */
    private static String groupRows(String facts, boolean dayTable) {
        StringBuilder key = new StringBuilder("CASE g.kind");
        StringBuilder cond = new StringBuilder("CASE g.kind");
        StringBuilder bucket = new StringBuilder("CASE g.kind");
        StringBuilder kinds = new StringBuilder();
        for (TaskGroup tg : TaskGroup.values()) {
            if (dayTable && !tg.inDayTable) continue;
            key.append(" WHEN ").append(tg.ordinal()).append(" THEN ").append(tg.keyExpr);
            cond.append(" WHEN ").append(tg.ordinal()).append(" THEN ").append(tg.condition);
            // Province × initiative only needs "any task at all": one all-time bucket (month 0).
            bucket.append(" WHEN ").append(tg.ordinal()).append(" THEN ").append(dayTable ? "f.d" : tg.inDayTable ? "f.m" : "0");
            kinds.append(kinds.isEmpty() ? "SELECT " : " UNION ALL SELECT ").append(tg.ordinal()).append(" AS kind");
        }
        return "SELECT " + key + " END AS g, " + bucket + " END AS k, f.o AS o, f.t AS t FROM (" + facts + ") f, (" + kinds + ") g"
                + " WHERE " + cond + " END";
    }

    private static String taskUpsert(String alias, boolean dayTable, int sign) {
        String table = dayTable ? "task_rollup_day" : "task_rollup_month";
        String keyCol = dayTable ? "day" : "month";
        return "INSERT INTO " + table + " (grp, " + keyCol + ", n_total, n_open, n_on_time) "
                + "SELECT g, k, " + sign + ", " + sign + " * o, " + sign + " * t FROM (" + groupRows(taskFacts(alias), dayTable)
                + ") WHERE g IS NOT NULL"
                + " ON CONFLICT (grp, " + keyCol + ") DO UPDATE SET n_total = n_total + excluded.n_total,"
                + " n_open = n_open + excluded.n_open, n_on_time = n_on_time + excluded.n_on_time;";
    }

    /** Set-based rebuild: the facts of every task are computed once into a narrow temporary table. */
    private static List<String> taskRebuild() {
        List<String> out = new ArrayList<>();
        out.add("DROP TABLE IF EXISTS temp.task_facts");
        out.add("CREATE TEMP TABLE task_facts AS " + taskFacts("X").replace("SELECT ", "SELECT ") + " FROM tasks X");
        out.add("INSERT INTO task_rollup_day (grp, day, n_total, n_open, n_on_time) "
                + "SELECT g, k, count(*), sum(o), sum(t) FROM (" + groupRows("SELECT * FROM temp.task_facts", true)
                + ") WHERE g IS NOT NULL GROUP BY g, k");
        // Months of the groups that have days are sums of their days, grouped by the month as the
        // triggers compute it: a deadline in another shape (2026/05/01) then still lands in one row.
        out.add("INSERT INTO task_rollup_month (grp, month, n_total, n_open, n_on_time) "
                + "SELECT grp, CAST(substr(day, 1, 4) || substr(day, 6, 2) AS INTEGER) AS m, sum(n_total), sum(n_open), sum(n_on_time)"
                + " FROM task_rollup_day GROUP BY grp, m");
        String monthOnly = java.util.Arrays.stream(TaskGroup.values()).filter(g -> !g.inDayTable)
                .map(g -> "SELECT " + g.keyExpr + " AS g, 0 AS k, f.o AS o, f.t AS t FROM temp.task_facts f WHERE " + g.condition)
                .collect(Collectors.joining(" UNION ALL "));
        out.add("INSERT INTO task_rollup_month (grp, month, n_total, n_open, n_on_time) "
                + "SELECT g, k, count(*), sum(o), sum(t) FROM (" + monthOnly + ") WHERE g IS NOT NULL GROUP BY g, k");
        out.add("DROP TABLE temp.task_facts");
        return out;
    }

    /**
     * The due date of a report as yyyymmdd: the 10th of the month after its period (docs/metrics.md,
     * and {@code Period.dueDate}, which DueDateTest holds equal to this).
     */
    public static String dueDateSql(String period) {
        String p = "(" + period + ")";
        return "((CASE WHEN " + p + " % 100 = 12 THEN " + p + " + 89 ELSE " + p + " + 1 END) * 100 + 10)";
    }

    /** {@link #dueDateSql} in Java, for statistics computed outside SQL ({@link StreamedRollups}); DueDateTest holds them equal. */
    public static long dueDate(long period) {
        return (period % 100 == 12 ? period + 89 : period + 1) * 100 + 10;
    }

    static List<String> tablesDdl() {
        return List.of(
                """
                CREATE TABLE kpi_scope_stats (
                  kpi_id INTEGER NOT NULL, scope_id INTEGER NOT NULL,
                  n_reports INTEGER NOT NULL, n_late INTEGER NOT NULL, n_unverified INTEGER NOT NULL,
                  first_period INTEGER NOT NULL, last_period INTEGER NOT NULL,
                  first_value REAL NOT NULL, last_value REAL NOT NULL,
                  prev_period INTEGER, prev_value REAL,
                  PRIMARY KEY (kpi_id, scope_id)
                ) STRICT, WITHOUT ROWID""",
                "CREATE INDEX kpi_scope_stats_scope ON kpi_scope_stats(scope_id)",
                // Per scope; a province's row also counts its communes' reports.
                """
                CREATE TABLE report_stats (
                  scope_id INTEGER PRIMARY KEY,
                  n_reports INTEGER NOT NULL, n_late INTEGER NOT NULL, n_unverified INTEGER NOT NULL
                ) STRICT""",
                """
                CREATE TABLE task_rollup_day (
                  grp INTEGER NOT NULL, day TEXT NOT NULL,
                  n_total INTEGER NOT NULL, n_open INTEGER NOT NULL, n_on_time INTEGER NOT NULL,
                  PRIMARY KEY (grp, day)
                ) STRICT, WITHOUT ROWID""",
                """
                CREATE TABLE task_rollup_month (
                  grp INTEGER NOT NULL, month INTEGER NOT NULL,
                  n_total INTEGER NOT NULL, n_open INTEGER NOT NULL, n_on_time INTEGER NOT NULL,
                  PRIMARY KEY (grp, month)
                ) STRICT, WITHOUT ROWID""");
    }

    // ---- observation rollups ------------------------------------------------------------------

    static String kpiScopeSelect(String filter) {
        return kpiScopeSelect("observations o " + filter, "o");
    }

    /**
     * The statistics of each series in {@code from}, which joins {@code observations o} and names
     * each series by {@code k}.kpi_id/scope_id: "o" to scan observations, or a table of series
     * to seek them one by one in key order (no sort for the GROUP BY).
     */
    private static String kpiScopeSelect(String from, String k) {
        // first/last/previous values ride along so that a list of communes reads one row each.
        String one = "(SELECT value FROM observations o2 WHERE o2.kpi_id = g.kpi_id AND o2.scope_id = g.scope_id AND o2.period = ";
        // With a single max() aggregate, SQLite takes bare columns (value) from the row holding the maximum.
        return ("SELECT kpi_id, scope_id, n, l, u, fp, lp, " + one + "fp), lv, pp, " + one + "pp) FROM ("
                + "SELECT K.kpi_id AS kpi_id, K.scope_id AS scope_id, count(*) AS n, sum(o.reported_at > " + dueDateSql("o.period") + ") AS l,"
                + " sum(o.verified = 0) AS u,"
                + " (SELECT period FROM observations o4 WHERE o4.kpi_id = K.kpi_id AND o4.scope_id = K.scope_id ORDER BY period LIMIT 1) AS fp,"
                + " max(o.period) AS lp, o.value AS lv,"
                + " (SELECT max(period) FROM observations o3 WHERE o3.kpi_id = K.kpi_id AND o3.scope_id = K.scope_id AND o3.period < max(o.period)) AS pp"
                + " FROM " + from + " GROUP BY K.kpi_id, K.scope_id) g").replace("K.", k + ".");
    }

    private static String kpiScopeInsert(String filter) {
        return "INSERT INTO kpi_scope_stats (kpi_id, scope_id, n_reports, n_late, n_unverified, first_period, last_period,"
                + " first_value, last_value, prev_period, prev_value) " + kpiScopeSelect(filter);
    }

    /** Scopes a kpi_scope_stats row counts toward: itself, and its province when it is a commune. */
    private static String reportTargets(String alias) {
        return "SELECT " + alias + ".scope_id AS s UNION ALL SELECT parent_scope_id FROM scopes WHERE id = "
                + alias + ".scope_id AND kind = 'commune'";
    }

    private static String reportUpsert(String alias, int sign) {
        return "INSERT INTO report_stats (scope_id, n_reports, n_late, n_unverified) SELECT s, "
                + sign + " * " + alias + ".n_reports, " + sign + " * " + alias + ".n_late, " + sign + " * " + alias + ".n_unverified"
                + " FROM (" + reportTargets(alias) + ") WHERE true"
                + " ON CONFLICT (scope_id) DO UPDATE SET n_reports = n_reports + excluded.n_reports,"
                + " n_late = n_late + excluded.n_late, n_unverified = n_unverified + excluded.n_unverified;";
    }

    private static String reportRebuild() {
        return "INSERT INTO report_stats (scope_id, n_reports, n_late, n_unverified) "
                + "SELECT s, sum(r), sum(l), sum(u) FROM ("
                + " SELECT k.scope_id AS s, k.n_reports AS r, k.n_late AS l, k.n_unverified AS u FROM kpi_scope_stats k"
                + " UNION ALL SELECT sc.parent_scope_id, k.n_reports, k.n_late, k.n_unverified"
                + " FROM kpi_scope_stats k JOIN scopes sc ON sc.id = k.scope_id WHERE sc.kind = 'commune'"
                + ") GROUP BY s";
    }

    // ---- reports by month (reporting timeliness over a range of months) --------------------------

    /**
     * Reports received and received late per scope and month (a province's rows count its
     * communes too): reporting timeliness then counts only the months that are due and inside the
     * chosen range, from a few dozen rows per scope (docs/metrics.md, "Reporting timeliness").
     */
    static final String REPORT_MONTH_DDL = """
            CREATE TABLE report_rollup_month (
              scope_id INTEGER NOT NULL, period INTEGER NOT NULL,
              n_reports INTEGER NOT NULL, n_late INTEGER NOT NULL,
              PRIMARY KEY (scope_id, period)
            ) STRICT, WITHOUT ROWID""";

    static final List<String> REPORT_MONTH_TRIGGERS = List.of("obs_report_ai", "obs_report_ad", "obs_report_au");

    /** Adds (1) or removes (-1) one observation row {@code alias} (NEW/OLD) to its scope's month and its province's. */
    private static String reportMonthUpsert(String alias, int sign) {
        return "INSERT INTO report_rollup_month (scope_id, period, n_reports, n_late) SELECT s, " + alias + ".period, " + sign + ", "
                + sign + " * (" + alias + ".reported_at > " + dueDateSql(alias + ".period") + ") FROM (" + reportTargets(alias)
                + ") WHERE true ON CONFLICT (scope_id, period) DO UPDATE SET n_reports = n_reports + excluded.n_reports,"
                + " n_late = n_late + excluded.n_late;";
    }

    /** Row-by-row upkeep; kept apart from the series triggers, which a sync page suspends, because these are cheap. */
    static List<String> reportMonthTriggersDdl() {
        return List.of(
                "CREATE TRIGGER obs_report_ai AFTER INSERT ON observations BEGIN " + reportMonthUpsert("NEW", 1) + " END",
                "CREATE TRIGGER obs_report_ad AFTER DELETE ON observations BEGIN " + reportMonthUpsert("OLD", -1) + " END",
                "CREATE TRIGGER obs_report_au AFTER UPDATE OF scope_id, period, reported_at ON observations BEGIN "
                        + reportMonthUpsert("OLD", -1) + reportMonthUpsert("NEW", 1) + " END");
    }

    /**
     * Set-based fill from the observations: one pass grouped by scope and month into a temporary
     * table (observations are clustered by KPI, so this is the one sort), then each commune's rows
     * added to its province's.
     */
    static List<String> reportMonthRebuild() {
        return List.of(
                "DROP TABLE IF EXISTS temp.report_months",
                "CREATE TEMP TABLE report_months AS SELECT scope_id AS s, period AS p, count(*) AS n, sum(reported_at > "
                        + dueDateSql("period") + ") AS l FROM observations GROUP BY scope_id, period",
                "INSERT INTO report_rollup_month (scope_id, period, n_reports, n_late) SELECT s, p, sum(n), sum(l) FROM ("
                        + " SELECT s, p, n, l FROM temp.report_months"
                        + " UNION ALL SELECT sc.parent_scope_id, r.p, r.n, r.l FROM temp.report_months r JOIN scopes sc ON sc.id = r.s"
                        + " WHERE sc.kind = 'commune') GROUP BY s, p",
                "DROP TABLE temp.report_months");
    }

    /**
     * Large change sets of observations (a sync page): the per-row report triggers are turned off
     * inside the caller's transaction and the caller brackets its writes with
     * {@link #adjustReportMonths} (-1 for the rows at the touched keys as they were, +1 as they
     * are); {@link #restoreReportMonthTriggers} brings them back, and so does a rollback.
     */
    public static void suspendReportMonthTriggers(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String name : REPORT_MONTH_TRIGGERS) st.execute("DROP TRIGGER IF EXISTS " + name);
        }
    }

    public static void restoreReportMonthTriggers(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String name : REPORT_MONTH_TRIGGERS) st.execute("DROP TRIGGER IF EXISTS " + name);
            for (String ddl : reportMonthTriggersDdl()) st.execute(ddl);
        }
    }

    /**
     * Adds ({@code sign} 1) or removes (-1) the report counts of the observations at the keys
     * {@code keysSql} selects (columns kpi_id, scope_id, period, each key once), as they are now:
     * the set form of the obs_report triggers, one upsert per (scope, month).
     */
    public static void adjustReportMonths(Connection c, String keysSql, int sign) throws SQLException {
        String rows = "SELECT o.scope_id AS s, o.period AS p, (o.reported_at > " + dueDateSql("o.period") + ") AS l"
                + " FROM (" + keysSql + ") k JOIN observations o ON o.kpi_id = k.kpi_id AND o.scope_id = k.scope_id AND o.period = k.period";
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO report_rollup_month (scope_id, period, n_reports, n_late) SELECT s, p, " + sign + " * count(*), "
                    + sign + " * sum(l) FROM (SELECT s, p, l FROM (" + rows + ")"
                    + " UNION ALL SELECT sc.parent_scope_id, r.p, r.l FROM (" + rows + ") r JOIN scopes sc ON sc.id = r.s WHERE sc.kind = 'commune')"
                    + " WHERE true GROUP BY s, p ON CONFLICT (scope_id, period) DO UPDATE SET n_reports = n_reports + excluded.n_reports,"
                    + " n_late = n_late + excluded.n_late");
        }
    }

    /** Migration step: the table, filled from what the cache holds, and its triggers. */
    static List<String> reportMonthMigration() {
        List<String> out = new ArrayList<>();
        out.add(REPORT_MONTH_DDL);
        out.addAll(reportMonthRebuild());
        out.addAll(reportMonthTriggersDdl());
        return out;
    }

    private static String recomputeKpiScope(String alias) {
        return "DELETE FROM kpi_scope_stats WHERE kpi_id = " + alias + ".kpi_id AND scope_id = " + alias + ".scope_id; "
                + kpiScopeInsert("WHERE kpi_id = " + alias + ".kpi_id AND scope_id = " + alias + ".scope_id") + ";";
    }

    // ---- triggers -----------------------------------------------------------------------------

    static final List<String> TRIGGER_NAMES = List.of(
            "tasks_rollup_ai", "tasks_rollup_ad", "tasks_rollup_au",
            "obs_rollup_ai", "obs_rollup_ad", "obs_rollup_au",
            "kss_rollup_ai", "kss_rollup_ad",
            "obs_report_ai", "obs_report_ad", "obs_report_au");

    /** The triggers of schema 1; {@link #reportMonthTriggersDdl} came with a later step. */
    static List<String> triggersDdl() {
        List<String> t = new ArrayList<>();
        t.add("CREATE TRIGGER tasks_rollup_ai AFTER INSERT ON tasks BEGIN "
                + taskUpsert("NEW", true, 1) + taskUpsert("NEW", false, 1) + " END");
        t.add("CREATE TRIGGER tasks_rollup_ad AFTER DELETE ON tasks BEGIN "
                + taskUpsert("OLD", true, -1) + taskUpsert("OLD", false, -1) + " END");
        t.add("CREATE TRIGGER tasks_rollup_au AFTER UPDATE OF initiative_id, agency_id, locality_id, deadline, completed_at ON tasks BEGIN "
                + taskUpsert("OLD", true, -1) + taskUpsert("OLD", false, -1)
                + taskUpsert("NEW", true, 1) + taskUpsert("NEW", false, 1) + " END");
        t.add("CREATE TRIGGER obs_rollup_ai AFTER INSERT ON observations BEGIN " + recomputeKpiScope("NEW") + " END");
        t.add("CREATE TRIGGER obs_rollup_ad AFTER DELETE ON observations BEGIN " + recomputeKpiScope("OLD") + " END");
        t.add("CREATE TRIGGER obs_rollup_au AFTER UPDATE ON observations BEGIN "
                + recomputeKpiScope("OLD") + recomputeKpiScope("NEW") + " END");
        t.add("CREATE TRIGGER kss_rollup_ai AFTER INSERT ON kpi_scope_stats BEGIN " + reportUpsert("NEW", 1) + " END");
        t.add("CREATE TRIGGER kss_rollup_ad AFTER DELETE ON kpi_scope_stats BEGIN " + reportUpsert("OLD", -1) + " END");
        return t;
    }

    /**
     * Bulk path: drop the per-row triggers, let the caller load data, then {@link #rebuildAll} and
     * {@link #restoreTriggers}. Used by the generator and by whole-snapshot loads, where adjusting
     * summaries row by row would cost more than recomputing them once.
     */
    public static void dropTriggers(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String name : TRIGGER_NAMES) st.execute("DROP TRIGGER IF EXISTS " + name);
        }
    }

    public static void restoreTriggers(Connection c) throws SQLException {
        dropTriggers(c);
        try (Statement st = c.createStatement()) {
            for (String ddl : triggersDdl()) st.execute(ddl);
            for (String ddl : reportMonthTriggersDdl()) st.execute(ddl);
        }
    }

    private static final List<String> OBSERVATION_TRIGGERS = List.of("obs_rollup_ai", "obs_rollup_ad", "obs_rollup_au");

    /**
     * Large change sets (a sync page): instead of recomputing a KPI series' statistics once per
     * changed row, turn the per-row observation triggers off inside the caller's transaction, note
     * which (kpi, scope) series changed, and recompute each of them once with
     * {@link #recomputeSeries}. DDL is transactional in SQLite: a rollback brings the triggers back.
     */
    public static void suspendObservationTriggers(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String name : OBSERVATION_TRIGGERS) st.execute("DROP TRIGGER IF EXISTS " + name);
            st.execute("CREATE TEMP TABLE IF NOT EXISTS touched_series (kpi_id INTEGER, scope_id INTEGER, PRIMARY KEY (kpi_id, scope_id)) WITHOUT ROWID");
            st.execute("DELETE FROM temp.touched_series");
        }
    }

    /** The statement that records one changed series (two parameters: kpi, scope). */
    public static String touchSeriesSql() {
        return "INSERT OR IGNORE INTO temp.touched_series (kpi_id, scope_id) VALUES (?, ?)";
    }

    private static final List<String> SERIES_TRIGGERS = List.of("kss_rollup_ai", "kss_rollup_ad");

    /**
     * Recomputes the statistics of every touched series and restores the triggers. report_stats
     * is adjusted once for the set (the old rows' counts out, the new ones in) rather than by the
     * per-row kss triggers, which would run four upserts for each of thousands of series.
     */
    public static void recomputeSeries(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String name : SERIES_TRIGGERS) st.execute("DROP TRIGGER IF EXISTS " + name);
            String filter = "WHERE (kpi_id, scope_id) IN (SELECT kpi_id, scope_id FROM temp.touched_series)";
            Timings.lap("series: start");
            st.execute(reportAdjust(filter, -1));
            Timings.lap("series: reports out");
            st.execute("DELETE FROM kpi_scope_stats " + filter);
            Timings.lap("series: delete");
            st.execute("INSERT INTO kpi_scope_stats (kpi_id, scope_id, n_reports, n_late, n_unverified, first_period, last_period,"
                    + " first_value, last_value, prev_period, prev_value) "
                    + kpiScopeSelect("temp.touched_series t JOIN observations o ON o.kpi_id = t.kpi_id AND o.scope_id = t.scope_id", "t"));
            Timings.lap("series: insert");
            st.execute(reportAdjust(filter, 1));
            Timings.lap("series: reports in");
            st.execute("DELETE FROM temp.touched_series");
        }
        restore(c, OBSERVATION_TRIGGERS);
        restore(c, SERIES_TRIGGERS);
    }

    /** The set form of the kss triggers: adds (1) or removes (-1) the report counts of the series {@code filter} picks. */
    private static String reportAdjust(String filter, int sign) {
        String k = "(SELECT scope_id, n_reports, n_late, n_unverified FROM kpi_scope_stats " + filter + ")";
        return "INSERT INTO report_stats (scope_id, n_reports, n_late, n_unverified) "
                + "SELECT s, " + sign + " * sum(r), " + sign + " * sum(l), " + sign + " * sum(u) FROM ("
                + " SELECT k.scope_id AS s, k.n_reports AS r, k.n_late AS l, k.n_unverified AS u FROM " + k + " k"
                + " UNION ALL SELECT sc.parent_scope_id, k.n_reports, k.n_late, k.n_unverified"
                + " FROM " + k + " k JOIN scopes sc ON sc.id = k.scope_id WHERE sc.kind = 'commune'"
                + ") WHERE true GROUP BY s"
                + " ON CONFLICT (scope_id) DO UPDATE SET n_reports = n_reports + excluded.n_reports,"
                + " n_late = n_late + excluded.n_late, n_unverified = n_unverified + excluded.n_unverified";
    }

    private static final List<String> TASK_TRIGGERS = List.of("tasks_rollup_ai", "tasks_rollup_ad", "tasks_rollup_au");

    /**
     * Large change sets of tasks (a sync page): the per-row task triggers are turned off inside the
     * caller's transaction, and the caller brackets its writes with {@link #adjustTasks} (-1 for the
     * touched tasks as they were, +1 as they are), which is what the triggers do row by row, done
     * once per set. {@link #restoreTaskTriggers} brings them back; so does a rollback.
     */
    public static void suspendTaskTriggers(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String name : TASK_TRIGGERS) st.execute("DROP TRIGGER IF EXISTS " + name);
        }
    }

    public static void restoreTaskTriggers(Connection c) throws SQLException {
        restore(c, TASK_TRIGGERS);
    }

    /**
     * Adds ({@code sign} 1) or removes (-1) the rollup counts of the tasks whose ids {@code idsSql}
     * selects, as they are now: the set form of the task triggers, grouped, one upsert per
     * (group, bucket) instead of 28 per changed task.
     */
    public static void adjustTasks(Connection c, String idsSql, int sign) throws SQLException {
        String facts = taskFacts("X") + " FROM tasks X WHERE X.id IN (" + idsSql + ")";
        try (Statement st = c.createStatement()) {
            for (boolean dayTable : new boolean[] {true, false}) {
                String table = dayTable ? "task_rollup_day" : "task_rollup_month";
                String keyCol = dayTable ? "day" : "month";
                st.execute("INSERT INTO " + table + " (grp, " + keyCol + ", n_total, n_open, n_on_time) "
                        + "SELECT g, k, " + sign + " * count(*), " + sign + " * sum(o), " + sign + " * sum(t) FROM ("
                        + groupRows(facts, dayTable) + ") WHERE g IS NOT NULL GROUP BY g, k"
                        + " ON CONFLICT (grp, " + keyCol + ") DO UPDATE SET n_total = n_total + excluded.n_total,"
                        + " n_open = n_open + excluded.n_open, n_on_time = n_on_time + excluded.n_on_time");
            }
        }
    }

    private static void restore(Connection c, List<String> names) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : triggersDdl()) {
                for (String name : names) if (ddl.startsWith("CREATE TRIGGER " + name + " ")) st.execute(ddl);
            }
        }
    }

    /** Recomputes every rollup from the base tables. Triggers must be dropped while this runs. */
    public static void rebuildAll(Connection c) throws SQLException {
        rebuild(c, false, () -> {
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM kpi_scope_stats");
                st.execute(kpiScopeInsert(""));
            }
        });
    }

    /**
     * Fills kpi_scope_stats (deleting what it held first, if it recomputes them); lets a bulk load
     * compute it elsewhere in parallel, or keep what a bootstrap streamed.
     */
    @FunctionalInterface
    public interface KpiScopeFill {
        void fill() throws SQLException;
    }

    /** {@code tasksDone}: the task rollups are in already (streamed by a bootstrap) and are kept. */
    static void rebuild(Connection c, boolean tasksDone, KpiScopeFill kpiScope) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM report_stats");
            st.execute("DELETE FROM report_rollup_month");
            for (String sql : reportMonthRebuild()) st.execute(sql);
            Timings.lap("report_rollup_month");
            if (!tasksDone) {
                st.execute("DELETE FROM task_rollup_day");
                st.execute("DELETE FROM task_rollup_month");
                for (String sql : taskRebuild()) {
                    st.execute(sql);
                    Timings.lap(sql.substring(0, Math.min(40, sql.length())));
                }
            }
            kpiScope.fill();
            Timings.lap("kpi_scope_stats");
            st.execute(reportRebuild());
        }
    }

    /**
     * Every rollup row, ignoring rows that triggers brought back to zero (a rebuild never writes
     * those): equal lists mean equal rollups. For consistency checks after syncs and in tests.
     */
    public static List<String> contents(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        String[] queries = {
                "SELECT grp, day, n_total, n_open, n_on_time FROM task_rollup_day WHERE n_total <> 0 ORDER BY 1, 2",
                "SELECT grp, month, n_total, n_open, n_on_time FROM task_rollup_month WHERE n_total <> 0 ORDER BY 1, 2",
                "SELECT * FROM kpi_scope_stats ORDER BY 1, 2",
                "SELECT * FROM report_stats WHERE n_reports <> 0 ORDER BY 1",
                "SELECT * FROM report_rollup_month WHERE n_reports <> 0 ORDER BY 1, 2"};
        try (Statement st = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = st.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder(q.substring(q.indexOf("FROM") + 5, q.indexOf("FROM") + 20)).append(':');
                        for (int i = 1; i <= n; i++) b.append(rs.getObject(i)).append(',');
                        out.add(b.toString());
                    }
                }
            }
        }
        return out;
    }
}
