package vn.r57desk.server;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import vn.r57desk.store.model.Period;
import vn.r57desk.store.sync.Entities;
import vn.r57desk.store.sync.Entity;
import vn.r57desk.store.sync.PageWriter;

/**
 * Live reporting, simulated: new monthly values arrive, values are revised and verified, tasks are
 * completed, added and withdrawn, initiatives move forward, a few observations are withdrawn.
 * Each change is written to the live data and to the change log in one transaction per round.
 * Seeded, so a test or benchmark sees the same sequence every time.
 */
final class Churn {
    private final ServerData data;
    private final SplittableRandom rnd;
    private final List<long[]> series = new ArrayList<>(); // {kpi, scope, last period}
    private final List<Long> openTasks = new ArrayList<>();
    private final List<Long> initiatives = new ArrayList<>();
    private final List<Long> agencies = new ArrayList<>();
    private long nextTaskId;
    private long nextSeq;

    Churn(ServerData data, long seed) throws SQLException {
        this.data = data;
        this.rnd = new SplittableRandom(seed);
        Connection c = data.writer();
        synchronized (c) {
            try (Statement st = c.createStatement()) {
                // The rollup copied from the base lists every series with its latest month; churn keeps its own copy.
                try (ResultSet rs = st.executeQuery("SELECT kpi_id, scope_id, last_period FROM kpi_scope_stats ORDER BY kpi_id, scope_id")) {
                    while (rs.next()) series.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
                try (ResultSet rs = st.executeQuery("SELECT id FROM tasks WHERE completed_at IS NULL ORDER BY id")) {
                    while (rs.next()) openTasks.add(rs.getLong(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM tasks")) {
                    rs.next();
                    nextTaskId = rs.getLong(1);
                }
                try (ResultSet rs = st.executeQuery("SELECT id FROM initiatives ORDER BY id")) {
                    while (rs.next()) initiatives.add(rs.getLong(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT id FROM agencies ORDER BY id")) {
                    while (rs.next()) agencies.add(rs.getLong(1));
                }
            }
        }
        nextSeq = data.lastSeq() + 1;
    }

    /** Makes {@code changes} changes in one transaction; returns the last sequence number written. */
    long round(int changes) throws SQLException, IOException {
        Connection c = data.writer();
        synchronized (c) {
            c.setAutoCommit(false);
            try {
                try (Writer w = new Writer(c)) {
                    int done = asOfToday(w) ? 1 : 0; // one of the round's changes, so a round of n is n rows
                    int guard = 0;
                    while (done < changes && guard++ < changes * 4 + 100) {
                        if (step(c, w)) done++;
                    }
                }
                c.commit();
                return nextSeq - 1;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Live reports arrive today, so the data is as of today: without this a client synced under churn
     * kept the generator's fixed date and said its figures were weeks old. Logged like any change.
     */
    private boolean asOfToday(Writer w) throws SQLException, IOException {
        String today = LocalDate.now().toString();
        if (w.exec("UPDATE dataset_info SET value = ? WHERE key = 'as_of' AND value <> ?", today, today) == 0) return false;
        w.logUpsert(nextSeq++, "dataset_info", "key = ?", "as_of");
        return true;
    }

    private boolean step(Connection c, Writer w) throws SQLException, IOException {
        int dice = rnd.nextInt(100);
        String today = LocalDate.now().toString();
        if (dice < 35 && !series.isEmpty()) {                   // a new monthly value
            long[] s = series.get(rnd.nextInt(series.size()));
            int period = Period.next((int) s[2]);
            if (period > 209912) return false;
            Double last = w.value(s[0], s[1], (int) s[2]);
            double v = (last == null ? 50 : last) * (1 + rnd.nextDouble(-0.03, 0.05));
            long seq = nextSeq++;
            w.exec("INSERT INTO observations (kpi_id, scope_id, period, value, reported_at, source_id, verified, version)"
                    + " VALUES (?,?,?,?,?,(SELECT min(id) FROM sources),0,?) ON CONFLICT DO UPDATE SET value = excluded.value,"
                    + " version = excluded.version", s[0], s[1], period, round(v), Period.dateInt(LocalDate.now()), seq);
            s[2] = period;
            w.logUpsert(seq, "observation", "kpi_id = ? AND scope_id = ? AND period = ?", s[0], s[1], period);
            return true;
        }
        if (dice < 60 && !series.isEmpty()) {                   // a value revised and verified
            long[] s = series.get(rnd.nextInt(series.size()));
            long seq = nextSeq;
            int n = w.exec("UPDATE observations SET value = round(value * ?, 2), verified = 1, version = ? WHERE kpi_id = ? AND scope_id = ? AND period = ?",
                    1 + rnd.nextDouble(-0.02, 0.02), seq, s[0], s[1], (int) s[2]);
            if (n == 0) return false;
            nextSeq++;
            w.logUpsert(seq, "observation", "kpi_id = ? AND scope_id = ? AND period = ?", s[0], s[1], (int) s[2]);
            return true;
        }
        if (dice < 72 && !openTasks.isEmpty()) {                // a task completed
            long id = openTasks.remove(rnd.nextInt(openTasks.size()));
            long seq = nextSeq++;
            w.exec("UPDATE tasks SET completed_at = ?, version = ? WHERE id = ?", today, seq, id);
            w.logUpsert(seq, "task", "id = ?", id);
            return true;
        }
        if (dice < 80 && !initiatives.isEmpty() && !agencies.isEmpty()) { // a task added
            long id = nextTaskId++;
            long seq = nextSeq++;
            w.exec("INSERT INTO tasks (id, initiative_id, title_vi, title_en, agency_id, deadline, version) VALUES (?,?,?,?,?,?,?)",
                    id, initiatives.get(rnd.nextInt(initiatives.size())), "Nhiệm vụ bổ sung số " + id + " (dữ liệu minh họa)",
                    "Additional task no. " + id + " (demo data)", agencies.get(rnd.nextInt(agencies.size())),
                    LocalDate.now().plusDays(30 + rnd.nextInt(335)).toString(), seq);
            openTasks.add(id);
            w.logUpsert(seq, "task", "id = ?", id);
            return true;
        }
        if (dice < 88 && !initiatives.isEmpty()) {              // an initiative moves forward
            long id = initiatives.get(rnd.nextInt(initiatives.size()));
            long seq = nextSeq++;
            double step = 0.01 + rnd.nextDouble(0.04);
            w.exec("UPDATE initiatives SET progress = min(1.0, round(progress + ?, 3)), status = CASE WHEN progress + ? >= 1.0 THEN 'completed'"
                    + " WHEN status = 'not_started' THEN 'in_progress' ELSE status END, version = ? WHERE id = ?",
                    step, step, seq, id);
            w.logUpsert(seq, "initiative", "id = ?", id);
            return true;
        }
        if (dice < 94 && !openTasks.isEmpty()) {                // a task withdrawn
            long id = openTasks.remove(rnd.nextInt(openTasks.size()));
            long seq = nextSeq++;
            w.exec("DELETE FROM tasks WHERE id = ?", id);
            w.logDelete(seq, "task", id);
            return true;
        }
        if (!series.isEmpty()) {                                // a wrong report withdrawn
            long[] s = series.get(rnd.nextInt(series.size()));
            int n = w.exec("DELETE FROM observations WHERE kpi_id = ? AND scope_id = ? AND period = ?", s[0], s[1], (int) s[2]);
            if (n == 0) return false;
            long seq = nextSeq++;
            w.logDelete(seq, "observation", s[0], s[1], (int) s[2]);
            s[2] = Period.previous((int) s[2]);
            return true;
        }
        return false;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Statements of one round, and the log entries with the row as written. */
    private static final class Writer implements AutoCloseable {
        private final Connection c;
        private final java.util.Map<String, PreparedStatement> ps = new java.util.HashMap<>();

        Writer(Connection c) {
            this.c = c;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement p : ps.values()) p.close();
        }

        private PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement p = ps.get(sql);
            if (p == null) {
                p = c.prepareStatement(sql);
                ps.put(sql, p);
            }
            return p;
        }

        int exec(String sql, Object... args) throws SQLException {
            PreparedStatement p = prepare(sql);
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            return p.executeUpdate();
        }

        Double value(long kpi, long scope, int period) throws SQLException {
            PreparedStatement p = prepare("SELECT value FROM observations WHERE kpi_id = ? AND scope_id = ? AND period = ?");
            p.setLong(1, kpi);
            p.setLong(2, scope);
            p.setInt(3, period);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : null;
            }
        }

        void logUpsert(long seq, String entity, String where, Object... key) throws SQLException, IOException {
            Entity e = Entities.byName(entity);
            String cols = String.join(", ", e.fields().stream().map(Entity.Field::name).toList());
            PreparedStatement p = prepare("SELECT " + cols + " FROM " + e.table() + " WHERE " + where);
            for (int i = 0; i < key.length; i++) p.setObject(i + 1, key[i]);
            String row;
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return;
                row = PageWriter.encodeRow(e, rs);
            }
            log(seq, entity, "upsert", row);
        }

        void logDelete(long seq, String entity, Object... key) throws SQLException {
            StringBuilder row = new StringBuilder("[");
            for (Object k : key) row.append(k).append(',');
            row.append(seq).append(']');
            log(seq, entity, "delete", row.toString());
        }

        private void log(long seq, String entity, String op, String row) throws SQLException {
            PreparedStatement p = prepare("INSERT INTO server_log (seq, entity, op, row) VALUES (?,?,?,?)");
            p.setLong(1, seq);
            p.setString(2, entity);
            p.setString(3, op);
            p.setString(4, row);
            p.executeUpdate();
        }
    }
}
