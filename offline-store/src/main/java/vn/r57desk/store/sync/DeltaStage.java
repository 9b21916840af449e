package vn.r57desk.store.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import vn.r57desk.store.db.Rollups;
import vn.r57desk.store.db.Timings;

/**
 * Applies the rows of a delta page set by set instead of row by row (docs/performance.md, "Sync").
 *
 * <p>Validated rows are first written to a temporary table per entity. At the end of the page
 * (a {@link #flush}) each entity's rows are applied with a handful of statements: one join finds
 * what is new, newer or stale (the counts and the change history), one {@code INSERT … SELECT …
 * ON CONFLICT} writes them, one {@code DELETE} removes tombstoned rows, and the task and KPI
 * rollups are adjusted once for the set. Row by row this cost ~100 µs a row: a version probe, an
 * upsert firing up to 28 rollup statements, and a change-history insert, each a JDBC round trip.
 *
 * <p>The result is the same as applying the rows one after the other, in page order:
 * <ul>
 *   <li>a key that occurs again in the page goes into the next <i>round</i>; rounds are applied in
 *       order, so each occurrence sees the state the previous one left (the version guard, a
 *       delete then a re-insert);</li>
 *   <li>within a round, parents are written before the rows that refer to them, and deletions go
 *       children first;</li>
 *   <li>a row others may refer to that is deleted and then sent again is applied after the
 *       deletion and before anything that follows it (which may refer to it);</li>
 *   <li>if the server sends another set of fields for an entity in mid-page, what is staged is
 *       applied first.</li>
 * </ul>
 * If a statement fails (a CHECK or foreign key the page broke), its rows are tried one by one to
 * name the row in the error; the caller rolls the page back.
 */
final class DeltaStage {
    /**
     * A key repeated more often than this starts a new flush. Rounds are cheap (the stage is keyed
     * by round) but each costs a few statements; initiatives, a few hundred rows moved forward all
     * day, repeat tens of times in a large page.
     */
    private static final int MAX_ROUNDS = 1024;

    private final Connection c;
    private final Map<String, Stream> streams = new LinkedHashMap<>();
    /** The applier's statement cache: prepared once per shape, closed with the applier. */
    private final Statements statements;

    @FunctionalInterface
    interface Statements {
        PreparedStatement get(String key, String sql) throws SQLException;
    }

    private long runId;
    /** The page's counts: entity → {inserted, updated, deleted, skipped as stale}. */
    private Map<String, long[]> counts;
    private long staged;
    private boolean tasksSuspended;
    private boolean seriesSuspended;

    /** What is staged of one entity in this flush. */
    private final class Stream {
        final Entity e;
        final String stage;
        final boolean selfReferencing;
        /** The fields the staged upserts carry (null: none staged yet). */
        List<Entity.Field> present;
        final Map<Object, Integer> ranks = new HashMap<>();
        int maxRank;
        boolean upserts;
        boolean deletes;
        boolean createdThisPage;
        /** Keys of rows others refer to that this flush deletes. */
        final java.util.Set<Object> deletedParents = new java.util.HashSet<>();
        /** Statements that stage a row; the upsert one is for {@link #present} and goes with it. */
        PreparedStatement upsert, delete, deleteVersioned;

        final int[] keyIdx;
        /** The version's position in a row, or -1 for an entity without versions. */
        final int versionIdx;

        Stream(Entity e) {
            this.e = e;
            this.keyIdx = e.keyIndexes();
            this.versionIdx = e.versioned() ? e.fields().indexOf(e.field("version")) : -1;
            this.stage = "temp.stage_" + e.table();
            this.selfReferencing = e.fields().stream().anyMatch(f -> e.name().equals(f.ref()));
        }

        boolean empty() {
            return !upserts && !deletes;
        }
    }

    DeltaStage(Connection c, Statements statements) {
        this.c = c;
        this.statements = statements;
        for (Entity e : Entities.all()) streams.put(e.name(), new Stream(e));
    }

    /**
     * A new page (and transaction) begins. A page that failed was rolled back with everything it
     * did, the triggers it had turned off and the stage tables it had made included.
     */
    void beginPage(long runId, Map<String, long[]> counts) {
        this.runId = runId;
        this.counts = counts;
        this.staged = 0;
        this.tasksSuspended = false;
        this.seriesSuspended = false;
        for (Stream s : streams.values()) {
            reset(s);
            s.createdThisPage = false;
        }
    }

    /**
     * Stages one validated row; {@code present} are the fields its batch carries and
     * {@code presentIdx} their positions in {@code row}; {@code seq} is its position in the page (from 1).
     */
    void add(Entity e, List<Entity.Field> present, int[] presentIdx, boolean delete, Object[] row, String nameSearch, long seq)
            throws SQLException, SyncException {
        Stream s = streams.get(e.name());
        Object key = key(s.keyIdx, row);
        // A row others refer to, deleted and now back: rows after this one may refer to it and would
        // be applied in an earlier round than its return. What is staged goes first.
        if (!delete && e.parent() && s.deletedParents.contains(key)) flush();
        if (!delete && s.present != null && s.present != present && !s.present.equals(present)) flush();
        Integer rank = s.ranks.get(key);
        if (rank != null && rank >= MAX_ROUNDS) flush();
        if (delete && e.parent()) s.deletedParents.add(key);
        stageRow(s, key, present, presentIdx, delete, row, nameSearch, seq);
    }

    private void stageRow(Stream s, Object key, List<Entity.Field> present, int[] presentIdx, boolean delete, Object[] row,
                          String nameSearch, long seq) throws SQLException {
        Entity e = s.e;
        int rank = s.ranks.merge(key, 1, Integer::sum);
        if (!s.createdThisPage) {
            try (Statement st = c.createStatement()) {
                st.execute(stageDdl(e));
                st.execute("DELETE FROM " + s.stage);
            }
            s.createdThisPage = true;
        }
        boolean deleteVersion = delete && s.versionIdx >= 0 && carries(presentIdx, s.versionIdx);
        if (!delete && s.present == null) s.present = present;
        PreparedStatement ps = delete ? (deleteVersion ? s.deleteVersioned : s.delete) : s.upsert;
        if (ps == null) {
            List<String> cols = new ArrayList<>();
            if (delete) {
                cols.addAll(e.key());
                if (deleteVersion) cols.add("version");
            } else {
                for (Entity.Field f : present) cols.add(f.name());
                if (nameSearch != null) cols.add("name_search");
            }
            ps = statements.get("S|" + e.name() + "|" + delete + "|" + cols, "INSERT INTO " + s.stage + " (seq, rnd, del, "
                    + String.join(", ", cols) + ") VALUES (?, ?, ?" + ", ?".repeat(cols.size()) + ")");
            if (!delete) s.upsert = ps;
            else if (deleteVersion) s.deleteVersioned = ps;
            else s.delete = ps;
        }
        int i = 1;
        ps.setLong(i++, seq);
        ps.setInt(i++, rank);
        ps.setInt(i++, delete ? 1 : 0);
        if (delete) {
            for (int k : s.keyIdx) ps.setObject(i++, row[k]);
            if (deleteVersion) ps.setObject(i, row[s.versionIdx]);
        } else {
            for (int idx : presentIdx) ps.setObject(i++, row[idx]);
            if (nameSearch != null) ps.setString(i, nameSearch);
        }
        ps.executeUpdate();
        s.maxRank = Math.max(s.maxRank, rank);
        if (delete) s.deletes = true; else s.upserts = true;
        staged++;
    }

    private static boolean carries(int[] presentIdx, int field) {
        for (int idx : presentIdx) if (idx == field) return true;
        return false;
    }

    private static String stageDdl(Entity e) {
        StringJoiner cols = new StringJoiner(", ");
        for (Entity.Field f : e.fields()) cols.add(f.name());
        if (e.table().equals("localities")) cols.add("name_search");
        // Untyped columns: the values were checked already, and the target's STRICT types check them again.
        return "CREATE TEMP TABLE IF NOT EXISTS stage_" + e.table() + " (seq INTEGER NOT NULL, rnd INTEGER NOT NULL,"
                + " del INTEGER NOT NULL, " + cols + ", PRIMARY KEY (rnd, del, seq)) WITHOUT ROWID";
    }

    private static Object key(int[] k, Object[] row) {
        if (k.length == 1) return row[k[0]];
        Object[] parts = new Object[k.length];
        for (int i = 0; i < k.length; i++) parts[i] = row[k[i]];
        return java.util.Arrays.asList(parts);
    }

    /** Applies everything staged, in rounds, and empties the stage. */
    private void flush() throws SQLException, SyncException {
        if (staged == 0) return;
        Stream tasks = streams.get("task");
        Stream observations = streams.get("observation");
        if (!observations.empty()) {
            if (!seriesSuspended) {
                Rollups.suspendObservationTriggers(c);
                Rollups.suspendReportMonthTriggers(c);
                seriesSuspended = true;
            }
            long t0 = Timings.start();
            exec("INSERT OR IGNORE INTO temp.touched_series (kpi_id, scope_id) SELECT kpi_id, scope_id FROM " + observations.stage);
            Timings.add("touched series", t0);
            t0 = Timings.start();
            Rollups.adjustReportMonths(c, reportKeys(observations), -1);
            Timings.add("report months -", t0);
        }
        String taskIds = "SELECT id FROM " + tasks.stage;
        if (!tasks.empty()) {
            if (!tasksSuspended) {
                Rollups.suspendTaskTriggers(c);
                tasksSuspended = true;
            }
            long t0 = Timings.start();
            Rollups.adjustTasks(c, taskIds, -1);
            Timings.add("task rollups -", t0);
        }
        int rounds = 0;
        for (Stream s : streams.values()) rounds = Math.max(rounds, s.maxRank);
        List<Stream> order = new ArrayList<>(streams.values());
        List<Stream> reverse = new ArrayList<>(order);
        Collections.reverse(reverse);
        for (int r = 1; r <= rounds; r++) {
            for (Stream s : order) if (s.upserts && r <= s.maxRank) upserts(s, r, counts.computeIfAbsent(s.e.name(), k -> new long[4]));
            for (Stream s : reverse) if (s.deletes && r <= s.maxRank) deletes(s, r, counts.computeIfAbsent(s.e.name(), k -> new long[4]));
        }
        long t1 = Timings.start();
        if (!tasks.empty()) Rollups.adjustTasks(c, taskIds, 1);
        Timings.add("task rollups +", t1);
        t1 = Timings.start();
        if (!observations.empty()) Rollups.adjustReportMonths(c, reportKeys(observations), 1);
        Timings.add("report months +", t1);
        for (Stream s : streams.values()) {
            if (!s.empty()) exec("DELETE FROM " + s.stage);
            reset(s);
        }
        staged = 0;
    }

    /** The page is read: applies what is staged, recomputes the touched KPI series and turns the triggers back on. */
    void finishPage() throws SQLException, SyncException {
        flush();
        long t0 = Timings.start();
        if (seriesSuspended) {
            Rollups.recomputeSeries(c);
            Rollups.restoreReportMonthTriggers(c);
        }
        Timings.add("series recompute", t0);
        if (tasksSuspended) Rollups.restoreTaskTriggers(c);
        seriesSuspended = false;
        tasksSuspended = false;
    }

    /** The observation keys a flush touches, each once (a key can be staged in several rounds). */
    private static String reportKeys(Stream observations) {
        return "SELECT DISTINCT kpi_id, scope_id, period FROM " + observations.stage;
    }

    private void reset(Stream s) {
        s.present = null;
        s.upsert = null;
        s.ranks.clear();
        s.deletedParents.clear();
        s.maxRank = 0;
        s.upserts = false;
        s.deletes = false;
    }

    private void upserts(Stream s, int round, long[] count) throws SQLException, SyncException {
        Entity e = s.e;
        String t = e.table();
        String join = join(e);
        String first = "t." + e.key().get(0);
        boolean guarded = e.versioned() && s.present.contains(e.field("version"));
        String applies = guarded ? "(" + first + " IS NULL OR s.version > t.version)" : "1";
        String from = " FROM " + s.stage + " s LEFT JOIN " + t + " t ON " + join + " WHERE s.rnd = ? AND s.del = 0";
        PreparedStatement q = statements.get("C|" + e.name() + "|" + guarded, "SELECT count(*), sum(" + first + " IS NULL), sum("
                + first + " IS NOT NULL AND " + applies + ")" + from);
        q.setInt(1, round);
        long t0 = Timings.start();
        try (ResultSet rs = q.executeQuery()) {
            rs.next();
            long all = rs.getLong(1), inserted = rs.getLong(2), updated = rs.getLong(3);
            count[0] += inserted;
            count[1] += updated;
            count[3] += all - inserted - updated;
        }
        Timings.add(e.name() + " count", t0);
        t0 = Timings.start();
        if (runId > 0) {
            PreparedStatement log = statements.get("L|" + e.name() + "|" + guarded, "INSERT INTO change_log (run_id, seq, entity, entity_key, op,"
                    + " old_value, new_value) SELECT ?, s.seq, '" + e.name() + "', " + keyText(e) + ", CASE WHEN " + first
                    + " IS NULL THEN 'insert' ELSE 'update' END, " + summary(e, "t") + ", " + summary(e, "s") + from + " AND " + applies);
            log.setLong(1, runId);
            log.setInt(2, round);
            log.executeUpdate();
        }
        Timings.add(e.name() + " log", t0);
        t0 = Timings.start();
        List<String> cols = new ArrayList<>(s.present.stream().map(Entity.Field::name).toList());
        if (t.equals("localities")) cols.add("name_search");
        List<String> updates = new ArrayList<>();
        for (String col : cols) if (!e.key().contains(col)) updates.add(col + " = excluded." + col);
        // Key order makes neighbouring rows land on the same pages of a large table; a table whose
        // rows refer to each other keeps page order, which the validation relied on.
        String orderBy = s.selfReferencing ? "seq" : String.join(", ", e.key());
        String sql = "INSERT INTO " + t + " (" + String.join(", ", cols) + ") SELECT " + String.join(", ", cols) + " FROM "
                + s.stage + " WHERE rnd = ? AND del = 0 ORDER BY " + orderBy + " ON CONFLICT (" + String.join(", ", e.key()) + ") DO ";
        if (updates.isEmpty()) sql += "NOTHING";
        else {
            sql += "UPDATE SET " + String.join(", ", updates);
            // a replayed or stale row never overwrites a newer one
            if (guarded) sql += " WHERE excluded.version > " + t + ".version";
        }
        PreparedStatement write = statements.get("W|" + e.name() + "|" + cols, sql);
        write.setInt(1, round);
        try {
            write.executeUpdate();
            Timings.add(e.name() + " upsert", t0);
        } catch (SQLException ex) {
            throw culprit(s, round, false, sql.replace("WHERE rnd = ? AND del = 0", "WHERE seq = ?"), ex);
        }
    }

    private void deletes(Stream s, int round, long[] count) throws SQLException, SyncException {
        Entity e = s.e;
        String t = e.table();
        // A tombstone older than the row is stale (the row came back later); one of a row the cache
        // does not have is a no-op, neither a deletion nor stale.
        String applies = e.versioned() ? "(s.version IS NULL OR s.version > t.version)" : "1";
        String from = " FROM " + s.stage + " s JOIN " + t + " t ON " + join(e) + " WHERE s.rnd = ? AND s.del = 1";
        PreparedStatement q = statements.get("CD|" + e.name(), "SELECT count(*), sum(" + applies + ")" + from);
        q.setInt(1, round);
        try (ResultSet rs = q.executeQuery()) {
            rs.next();
            count[2] += rs.getLong(2);
            count[3] += rs.getLong(1) - rs.getLong(2);
        }
        if (runId > 0) {
            PreparedStatement log = statements.get("LD|" + e.name(), "INSERT INTO change_log (run_id, seq, entity, entity_key, op,"
                    + " old_value, new_value) SELECT ?, s.seq, '" + e.name() + "', " + keyText(e) + ", 'delete', " + summary(e, "t")
                    + ", NULL" + from + " AND " + applies);
            log.setLong(1, runId);
            log.setInt(2, round);
            log.executeUpdate();
        }
        String keys = e.key().size() == 1 ? e.key().get(0) : "(" + String.join(", ", e.key()) + ")";
        String sql = "DELETE FROM " + t + " WHERE " + keys + " IN (SELECT " + String.join(", ", e.key().stream().map(k -> "s." + k).toList())
                + from + " AND " + applies + ")";
        PreparedStatement write = statements.get("D|" + e.name(), sql);
        write.setInt(1, round);
        long t0 = Timings.start();
        try {
            write.executeUpdate();
            Timings.add(e.name() + " delete", t0);
        } catch (SQLException ex) {
            throw culprit(s, round, true, sql.replace("WHERE s.rnd = ? AND s.del = 1", "WHERE s.seq = ?"), ex);
        }
    }

    /**
     * A set statement failed (SQLite undid just that statement). Its rows are tried one at a time to
     * say which one the cache refused, and why; the caller rolls the whole page back.
     */
    private SyncException culprit(Stream s, int round, boolean delete, String oneRowSql, SQLException setError) throws SQLException {
        if (vn.r57desk.store.db.Sqlite.isDiskFull(setError)) throw setError; // the disk's fault, not a row's
        Entity e = s.e;
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM " + s.stage + " WHERE rnd = ? AND del = ? ORDER BY seq")) {
            ps.setInt(1, round);
            ps.setInt(2, delete ? 1 : 0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) seqs.add(rs.getLong(1));
            }
        }
        try (PreparedStatement one = c.prepareStatement(oneRowSql)) {
            for (long seq : seqs) {
                one.setLong(1, seq);
                try {
                    one.executeUpdate();
                } catch (SQLException ex) {
                    return PageApplier.invalid(SyncText.of(delete ? SyncText.Key.ROW_NOT_DELETED : SyncText.Key.ROW_NOT_STORED,
                            new SyncText.EntityName(e.name()), " " + stagedKey(s, seq), PageApplier.sqliteReason(ex)));
                }
            }
        }
        return PageApplier.invalid(SyncText.of(delete ? SyncText.Key.ROWS_NOT_DELETED : SyncText.Key.ROWS_NOT_STORED,
                new SyncText.EntityName(e.name()), PageApplier.sqliteReason(setError)));
    }

    private String stagedKey(Stream s, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + keyText(s.e).replace("s.", "") + " FROM " + s.stage + " WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "?";
            }
        }
    }

    private static String join(Entity e) {
        return String.join(" AND ", e.key().stream().map(k -> "t." + k + " = s." + k).toList());
    }

    /** The key as the change history writes it: its values joined by "/". */
    private static String keyText(Entity e) {
        return String.join(" || '/' || ", e.key().stream().map(k -> "s." + k).toList());
    }

    private static String summary(Entity e, String alias) {
        return vn.r57desk.store.change.ChangeLog.summary(e.name(), alias);
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
