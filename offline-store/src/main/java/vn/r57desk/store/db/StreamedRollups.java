package vn.r57desk.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The rollups of a snapshot, built from its rows as they stream in instead of by passes over
 * millions of rows when the bootstrap finishes: the KPI series statistics ({@code kpi_scope_stats})
 * and the task rollups by day and month. Those passes took ~1.6 s of CPU for the statistics (and
 * the bootstrap waited ~0.6 s for them) and ~0.85 s for the task rollups (docs/performance.md).
 *
 * <ul>
 *   <li>A snapshot sends rows in key order, so a series' observations come one after the other
 *       (KPI, scope, period): its statistics are a running count, its first row and its last two.</li>
 *   <li>A task adds one to each (group, day) and (group, month) it counts in; counts add up, so each
 *       page adds what it saw to the tables.</li>
 * </ul>
 *
 * <p>The SQL in {@link Rollups} stays the definition (the task groups carry their Java key beside
 * their SQL). A snapshot that breaks the order (a row repeated or out of key order) or carries a
 * date this code does not read the way SQLite does stops the streaming, and the finishing step
 * rebuilds the rollups in SQL as before. The tests that sync against the reference server compare
 * the rollups with a rebuild, across killed and resumed bootstraps too.
 *
 * <p>Resumable: a page writes what it streamed in its own transaction, the series still open
 * included. A process that resumes the bootstrap, or a page that rolled back, starts again from
 * what the file holds: the last series written, the highest task id.
 */
public final class StreamedRollups {
    /**
     * Present in a bootstrap file while its rollups are streamed and complete so far; dropped in
     * the page's transaction when streaming stops. {@link BulkLoad#finish} reads it.
     */
    static final String MARKER = "bulk_rollups_streamed";
    private static final int CHUNK = 64;

    private final Connection c;
    /** The in-memory state must be read from the file again (first row, or after a rollback). */
    private boolean reload = true;
    private boolean streaming;
    /** Streaming stopped in this page: the marker goes when it commits. */
    private boolean stopped;

    /** The open series ({@link #has} false: none). */
    private boolean has;
    private long kpi, scope, n, late, unverified, firstPeriod, lastPeriod, prevPeriod;
    private double firstValue, lastValue, prevValue;
    private boolean hasPrev;

    private long lastTaskId;
    /** Task counts of this page: (group, bucket) → {total, open, on time}; the key is group × 10⁸ + bucket. */
    private final Map<Long, long[]> days = new HashMap<>();
    private final Map<Long, long[]> months = new HashMap<>();
    private final Map<Long, Long> systemOf = new HashMap<>();
    /** locality → {its province (its parent, or itself), 1 if it is a commune} */
    private final Map<Long, long[]> localityOf = new HashMap<>();

    /** Closed series waiting to be written: 8 longs (prev_period last) and 3 doubles each. */
    private final long[] pendingLongs = new long[CHUNK * 8];
    private final double[] pendingDoubles = new double[CHUNK * 3];
    private final boolean[] pendingHasPrev = new boolean[CHUNK];
    private int pendingCount;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public StreamedRollups(Connection c) {
        this.c = c;
    }

    /** Marks a new bootstrap file as streaming its rollups (before its first page). */
    public static void begin(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + MARKER + " (since TEXT)");
        }
    }

    /** True while the rollups written so far are those of every row written so far. */
    static boolean complete(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '" + MARKER + "'")) {
            return rs.next();
        }
    }

    /** One observation row of the snapshot. */
    public void observation(long kpiId, long scopeId, long period, double value, long reportedAt, boolean verified) throws SQLException {
        if (!streaming) return;
        if (has && kpiId == kpi && scopeId == scope) {
            if (period <= lastPeriod) {
                stop();
                return;
            }
            prevPeriod = lastPeriod;
            prevValue = lastValue;
            hasPrev = true;
        } else {
            if (has && (kpiId < kpi || kpiId == kpi && scopeId < scope)) {
                stop();
                return;
            }
            if (has) closeSeries();
            has = true;
            kpi = kpiId;
            scope = scopeId;
            n = late = unverified = 0;
            firstPeriod = period;
            firstValue = value;
            hasPrev = false;
        }
        n++;
        if (reportedAt > Rollups.dueDate(period)) late++;
        if (!verified) unverified++;
        lastPeriod = period;
        lastValue = value;
    }

    /**
     * One task row of the snapshot. Its initiative and locality were checked to exist and written
     * before it (a page sends rows others refer to first).
     */
    public void task(long id, long initiativeId, Long agencyId, Long localityId, String deadline, String completedAt) throws SQLException {
        if (!streaming) return;
        if (Boolean.getBoolean("r57.sqlTasks")) { stop(); return; }
        // Dates SQLite compares and cuts as text: other shapes are left to the SQL rebuild.
        long day = dayOf(deadline);
        if (id <= lastTaskId || day < 0 || completedAt != null && dayOf(completedAt) < 0) {
            stop();
            return;
        }
        lastTaskId = id;
        Long system = systemOf.get(initiativeId);
        if (system == null && !systemOf.containsKey(initiativeId)) {
            system = lookup("SELECT system_id FROM initiatives WHERE id = ?", initiativeId);
            systemOf.put(initiativeId, system);
        }
        Long province = null, commune = null;
        if (localityId != null) {
            long[] loc = localityOf.get(localityId);
            if (loc == null) {
                Long parent = lookup("SELECT parent_id FROM localities WHERE id = ?", localityId);
                loc = new long[] {parent == null ? localityId : parent, parent == null ? 0 : 1};
                localityOf.put(localityId, loc);
            }
            province = loc[0];
            if (loc[1] == 1) commune = localityId;
        }
        Rollups.TaskFacts f = new Rollups.TaskFacts(system, initiativeId, agencyId, province, commune);
        long month = day / 100;
        boolean open = completedAt == null;
        boolean onTime = !open && completedAt.compareTo(deadline) <= 0;
        for (Rollups.TaskGroup g : Rollups.TaskGroup.values()) {
            long key = g.javaKey.applyAsLong(f);
            if (key < 0) continue;
            if (g.inDayTable) count(days, key * 100_000_000L + day, open, onTime);
            count(months, key * 100_000_000L + (g.inDayTable ? month : 0), open, onTime);
        }
    }

    /** yyyy-mm-dd as yyyymmdd, or -1 for any other shape (checked by hand: a regex per row cost more than the rest). */
    static long dayOf(String date) {
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') return -1;
        long v = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 4 || i == 7) continue;
            char ch = date.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static void count(Map<Long, long[]> m, long key, boolean open, boolean onTime) {
        long[] v = m.computeIfAbsent(key, k -> new long[3]);
        v[0]++;
        if (open) v[1]++;
        if (onTime) v[2]++;
    }

    /**
     * A page begins, before any of its rows is written: after a rollback, or in a process that
     * resumes the bootstrap, the state is read from what the file holds.
     */
    public void beginPage() throws SQLException {
        if (reload) load();
    }

    /** The page is read: writes what it streamed, inside the page's transaction. */
    public void pageDone() throws SQLException {
        if (reload) throw new IllegalStateException("pageDone without beginPage");
        if (stopped) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + MARKER);
            }
            stopped = false;
            return;
        }
        if (!streaming) return;
        long t0 = Timings.start();
        if (has) queue();
        flushSeries(true);
        addCounts(days, "task_rollup_day", "day");
        addCounts(months, "task_rollup_month", "month");
        Timings.add("rollups: page done", t0);
    }

    /** The page's transaction rolled back: what is in memory may not be in the file. */
    public void rolledBack() {
        reload = true;
    }

    private void load() throws SQLException {
        reload = false;
        streaming = false;
        stopped = false;
        has = false;
        pendingCount = 0;
        days.clear();
        months.clear();
        streaming = complete(c);
        if (!streaming) return;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM tasks")) {
                rs.next();
                lastTaskId = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT kpi_id, scope_id, n_reports, n_late, n_unverified, first_period, last_period,"
                    + " first_value, last_value, prev_period, prev_value FROM kpi_scope_stats ORDER BY kpi_id DESC, scope_id DESC LIMIT 1")) {
                if (!rs.next()) return;
                has = true;
                kpi = rs.getLong(1);
                scope = rs.getLong(2);
                n = rs.getLong(3);
                late = rs.getLong(4);
                unverified = rs.getLong(5);
                firstPeriod = rs.getLong(6);
                lastPeriod = rs.getLong(7);
                firstValue = rs.getDouble(8);
                lastValue = rs.getDouble(9);
                prevPeriod = rs.getLong(10);
                hasPrev = !rs.wasNull();
                prevValue = rs.getDouble(11);
            }
        }
    }

    private Long lookup(String sql, long id) throws SQLException {
        PreparedStatement ps = statement(sql);
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return null;
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    /** Out of order, or a shape only SQL reads right: the finishing step rebuilds the rollups in SQL. */
    private void stop() {
        streaming = false;
        stopped = true;
        has = false;
        pendingCount = 0;
        days.clear();
        months.clear();
    }

    private void closeSeries() throws SQLException {
        queue();
        if (pendingCount == CHUNK) flushSeries(false);
    }

    private void queue() {
        int l = pendingCount * 8, d = pendingCount * 3;
        pendingLongs[l] = kpi;
        pendingLongs[l + 1] = scope;
        pendingLongs[l + 2] = n;
        pendingLongs[l + 3] = late;
        pendingLongs[l + 4] = unverified;
        pendingLongs[l + 5] = firstPeriod;
        pendingLongs[l + 6] = lastPeriod;
        pendingLongs[l + 7] = prevPeriod;
        pendingDoubles[d] = firstValue;
        pendingDoubles[d + 1] = lastValue;
        pendingDoubles[d + 2] = prevValue;
        pendingHasPrev[pendingCount] = hasPrev;
        pendingCount++;
    }

    /**
     * Writes the queued series, 64 to a statement. INSERT OR REPLACE: the series left open at the
     * end of a page is written again when a later page closes it.
     */
    private void flushSeries(boolean all) throws SQLException {
        int from = 0;
        if (pendingCount == CHUNK) {
            bindSeries(statement(seriesSql(CHUNK)), 0, CHUNK).executeUpdate();
            from = CHUNK;
        }
        if (all) for (int r = from; r < pendingCount; r++) bindSeries(statement(seriesSql(1)), r, 1).executeUpdate();
        if (all || from == CHUNK) pendingCount = 0;
    }

    private PreparedStatement bindSeries(PreparedStatement ps, int from, int count) throws SQLException {
        int p = 1;
        for (int r = from; r < from + count; r++) {
            int l = r * 8, d = r * 3;
            for (int k = 0; k < 7; k++) ps.setLong(p++, pendingLongs[l + k]);
            ps.setDouble(p++, pendingDoubles[d]);
            ps.setDouble(p++, pendingDoubles[d + 1]);
            if (pendingHasPrev[r]) {
                ps.setLong(p++, pendingLongs[l + 7]);
                ps.setDouble(p++, pendingDoubles[d + 2]);
            } else {
                ps.setNull(p++, java.sql.Types.INTEGER);
                ps.setNull(p++, java.sql.Types.REAL);
            }
        }
        return ps;
    }

    private static String seriesSql(int rows) {
        return "INSERT OR REPLACE INTO kpi_scope_stats (kpi_id, scope_id, n_reports, n_late, n_unverified, first_period, last_period,"
                + " first_value, last_value, prev_period, prev_value) VALUES " + values(11, rows);
    }

    private static String values(int cols, int rows) {
        return String.join(", ", Collections.nCopies(rows, "(" + String.join(", ", Collections.nCopies(cols, "?")) + ")"));
    }

    /** Adds this page's task counts to a rollup table, in key order, and forgets them. */
    private void addCounts(Map<Long, long[]> counts, String table, String bucketColumn) throws SQLException {
        if (counts.isEmpty()) return;
        long[] keys = new long[counts.size()];
        int k = 0;
        for (long key : counts.keySet()) keys[k++] = key;
        Arrays.sort(keys);
        boolean day = bucketColumn.equals("day");
        String head = "INSERT INTO " + table + " (grp, " + bucketColumn + ", n_total, n_open, n_on_time) VALUES ";
        String tail = " ON CONFLICT (grp, " + bucketColumn + ") DO UPDATE SET n_total = n_total + excluded.n_total,"
                + " n_open = n_open + excluded.n_open, n_on_time = n_on_time + excluded.n_on_time";
        PreparedStatement chunk = statement(head + values(5, CHUNK) + tail), one = statement(head + values(5, 1) + tail);
        char[] text = "0000-00-00".toCharArray();
        for (int i = 0; i < keys.length; ) {
            PreparedStatement ps = keys.length - i >= CHUNK ? chunk : one;
            int rows = ps == chunk ? CHUNK : 1;
            int p = 1;
            for (int r = 0; r < rows; r++, i++) {
                long[] v = counts.get(keys[i]);
                long bucket = keys[i] % 100_000_000L;
                ps.setLong(p++, keys[i] / 100_000_000L);
                if (day) ps.setString(p++, dayText(bucket, text));
                else ps.setLong(p++, bucket);
                ps.setLong(p++, v[0]);
                ps.setLong(p++, v[1]);
                ps.setLong(p++, v[2]);
            }
            ps.executeUpdate();
        }
        counts.clear();
    }

    /** yyyymmdd as the deadline text it came from, yyyy-mm-dd. */
    private static String dayText(long yyyymmdd, char[] buf) {
        long v = yyyymmdd;
        for (int i = 9; i >= 0; i--) {
            if (i == 4 || i == 7) continue;
            buf[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return new String(buf);
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Closes the statements (the connection stays the caller's). */
    public void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            try { ps.close(); } catch (SQLException e) { /* closing anyway */ }
        }
        statements.clear();
    }
}
