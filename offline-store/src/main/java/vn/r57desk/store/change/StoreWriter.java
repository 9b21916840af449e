package vn.r57desk.store.change;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.r57desk.store.model.Task;

/**
 * Row-level writes inside one run (a sync page, a briefing pack, a local edit). Every change is
 * recorded in {@code change_log} under the run, and the rollup triggers keep the summaries in step,
 * so "what changed between two syncs" and every drill-down stay true after each page.
 *
 * <p>Use on the writer thread, inside the transaction of {@code Cache.write}.
 */
public final class StoreWriter {
    private final Connection c;
    private final long runId;
    private long seq;

    private StoreWriter(Connection c, long runId, long seq) {
        this.c = c;
        this.runId = runId;
        this.seq = seq;
    }

    /** Starts a run; {@code kind} is bootstrap, delta, pack or local. */
    public static StoreWriter begin(Connection c, String kind, String source, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_runs (kind, source, started_at, status) VALUES (?, ?, ?, 'running') RETURNING id")) {
            ps.setString(1, kind);
            ps.setString(2, source);
            ps.setString(3, now.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new StoreWriter(c, rs.getLong(1), 0);
            }
        }
    }

    public long runId() {
        return runId;
    }

    public void finish(String cursorAfter, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sync_runs SET status = 'succeeded', finished_at = ?, cursor_after = ?, message = ? WHERE id = ?")) {
            ps.setString(1, now.toString());
            ps.setString(2, cursorAfter);
            ps.setString(3, seq + " changes");
            ps.setLong(4, runId);
            ps.executeUpdate();
        }
    }

    /** Inserts or replaces a task. */
    public void upsertTask(Task t) throws SQLException {
        boolean existed = exists("tasks", "id = ?", t.id());
        String old = taskState(t.id());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tasks (id, initiative_id, title_vi, title_en, agency_id, locality_id, deadline, completed_at, version)
                VALUES (?,?,?,?,?,?,?,?,1)
                ON CONFLICT (id) DO UPDATE SET initiative_id = excluded.initiative_id, title_vi = excluded.title_vi,
                  title_en = excluded.title_en, agency_id = excluded.agency_id, locality_id = excluded.locality_id,
                  deadline = excluded.deadline, completed_at = excluded.completed_at, version = tasks.version + 1""")) {
            ps.setLong(1, t.id());
            ps.setLong(2, t.initiativeId());
            ps.setString(3, t.title().vi());
            ps.setString(4, t.title().en());
            ps.setObject(5, t.agencyId());
            ps.setObject(6, t.localityId());
            ps.setString(7, t.deadline().toString());
            ps.setString(8, t.completedAt() == null ? null : t.completedAt().toString());
            ps.executeUpdate();
        }
        log("task", Long.toString(t.id()), existed ? ChangeEntry.Op.UPDATE : ChangeEntry.Op.INSERT, old, taskState(t.id()));
    }

    public void deleteTask(long id) throws SQLException {
        if (!exists("tasks", "id = ?", id)) return;
        String old = taskState(id);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tasks WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        log("task", Long.toString(id), ChangeEntry.Op.DELETE, old, null);
    }

    /** A task's value in the change history (ChangeLog): its completion date, NULL while open or when there is no such task. */
    private String taskState(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ChangeLog.summary("task", "t") + " FROM tasks t WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether a row with this key exists. */
    private boolean exists(String table, String where, Object... keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + where)) {
            for (int i = 0; i < keys.length; i++) ps.setObject(i + 1, keys[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts or replaces one reported value. */
    public void upsertObservation(long kpiId, long scopeId, int period, double value, LocalDate reportedAt, long sourceId,
                                  boolean verified) throws SQLException {
        String old = observationValue(kpiId, scopeId, period);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO observations (kpi_id, scope_id, period, value, reported_at, source_id, verified, version)
                VALUES (?,?,?,?,?,?,?,1)
                ON CONFLICT (kpi_id, scope_id, period) DO UPDATE SET value = excluded.value, reported_at = excluded.reported_at,
                  source_id = excluded.source_id, verified = excluded.verified, version = observations.version + 1""")) {
            ps.setLong(1, kpiId);
            ps.setLong(2, scopeId);
            ps.setInt(3, period);
            ps.setDouble(4, value);
            ps.setInt(5, vn.r57desk.store.model.Period.dateInt(reportedAt));
            ps.setLong(6, sourceId);
            ps.setInt(7, verified ? 1 : 0);
            ps.executeUpdate();
        }
        log("observation", kpiId + "/" + scopeId + "/" + period, old == null ? ChangeEntry.Op.INSERT : ChangeEntry.Op.UPDATE, old,
                observationValue(kpiId, scopeId, period));
    }

    public void deleteObservation(long kpiId, long scopeId, int period) throws SQLException {
        String old = observationValue(kpiId, scopeId, period);
        if (old == null) return;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM observations WHERE kpi_id = ? AND scope_id = ? AND period = ?")) {
            ps.setLong(1, kpiId);
            ps.setLong(2, scopeId);
            ps.setInt(3, period);
            ps.executeUpdate();
        }
        log("observation", kpiId + "/" + scopeId + "/" + period, ChangeEntry.Op.DELETE, old, null);
    }

    /** A value in the change history (ChangeLog: SQLite's text of the number, as a sync page's apply writes it). */
    private String observationValue(long kpiId, long scopeId, int period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ChangeLog.summary("observation", "o")
                + " FROM observations o WHERE kpi_id = ? AND scope_id = ? AND period = ?")) {
            ps.setLong(1, kpiId);
            ps.setLong(2, scopeId);
            ps.setInt(3, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Updates an initiative's status and progress. */
    public void updateInitiativeProgress(long id, String status, double progress) throws SQLException {
        if (!exists("initiatives", "id = ?", id)) throw new SQLException("no initiative " + id);
        String old = initiativeState(id);
        try (PreparedStatement ps = c.prepareStatement("UPDATE initiatives SET status = ?, progress = ?, version = version + 1 WHERE id = ?")) {
            ps.setString(1, status);
            ps.setDouble(2, progress);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        log("initiative", Long.toString(id), ChangeEntry.Op.UPDATE, old, initiativeState(id));
    }

    private String initiativeState(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ChangeLog.summary("initiative", "i") + " FROM initiatives i WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void log(String entity, String key, ChangeEntry.Op op, String oldValue, String newValue) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO change_log (run_id, seq, entity, entity_key, op, old_value, new_value) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, runId);
            ps.setLong(2, ++seq);
            ps.setString(3, entity);
            ps.setString(4, key);
            ps.setString(5, op.name().toLowerCase(java.util.Locale.ROOT));
            ps.setString(6, oldValue);
            ps.setString(7, newValue);
            ps.executeUpdate();
        }
    }

    /** Everything that changed after run {@code afterRun} up to and including {@code upToRun}, in order. */
    public static List<ChangeEntry> changesBetween(Connection c, long afterRun, long upToRun) throws SQLException {
        List<ChangeEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.run_id, l.seq, l.entity, l.entity_key, l.op, l.old_value, l.new_value FROM change_log l
                JOIN sync_runs r ON r.id = l.run_id WHERE r.status = 'succeeded' AND l.run_id > ? AND l.run_id <= ?
                ORDER BY l.run_id, l.seq""")) {
            ps.setLong(1, afterRun);
            ps.setLong(2, upToRun);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChangeEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            ChangeEntry.Op.valueOf(rs.getString(5).toUpperCase(java.util.Locale.ROOT)), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }
}
