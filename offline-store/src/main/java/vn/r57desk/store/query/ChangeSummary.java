package vn.r57desk.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.r57desk.store.metrics.InitiativeStatusRule;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;

/**
 * What the syncs of a span of time changed, from the change history every sync writes
 * ({@code change_log}): the initiatives that moved (status and progress before and after, and the
 * RAG status each gives as of the same day), the tasks completed, added and withdrawn, and the KPI
 * values reported, revised and withdrawn per KPI. A full reload (a bootstrap) keeps no history of
 * its rows; {@link Span#reloaded()} says one is in the span.
 */
public record ChangeSummary(Span span, List<InitiativeMove> initiatives, TaskMoves tasks, List<KpiMove> kpis) {

    /** The runs covered: how many wrote changes, whether a full reload is among them, and when they ran. */
    public record Span(int runs, boolean reloaded, Instant from, Instant to) {}

    /** One initiative: as it was before the span and as it is after (null status: not there). */
    public record InitiativeMove(Initiative initiative, Initiative.Status oldStatus, double oldProgress, Rag oldRag,
                                 Initiative.Status newStatus, double newProgress, Rag newRag) {
        public boolean ragChanged() {
            return oldRag != newRag;
        }
    }

    public record TaskMoves(long completed, long added, long withdrawn, long otherwise) {
        public long total() {
            return completed + added + withdrawn + otherwise;
        }
    }

    public record KpiMove(Kpi kpi, long reported, long revised, long withdrawn) {
        public long total() {
            return reported + revised + withdrawn;
        }
    }

    public boolean isEmpty() {
        return initiatives.isEmpty() && tasks.total() == 0 && kpis.isEmpty();
    }

    private static final String RANGE = " FROM change_log l JOIN sync_runs r ON r.id = l.run_id"
            + " WHERE r.status = 'succeeded' AND l.run_id > ? AND l.run_id <= ?";

    /** The changes of the runs after {@code afterRun} up to {@code upToRun}; RAG statuses as of {@code today}. */
    static ChangeSummary between(Connection c, Catalog cat, long afterRun, long upToRun, LocalDate today) throws SQLException {
        Span span;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(max(kind = 'bootstrap'), 0),"
                // the earliest start and latest finish as times (to the millisecond), not as text
                + " strftime('%Y-%m-%dT%H:%M:%fZ', min(julianday(started_at))), strftime('%Y-%m-%dT%H:%M:%fZ', max(julianday(finished_at)))"
                + " FROM sync_runs WHERE status = 'succeeded' AND kind IN ('bootstrap', 'delta', 'pack', 'local') AND id > ? AND id <= ?")) {
            ps.setLong(1, afterRun);
            ps.setLong(2, upToRun);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                span = new Span(rs.getInt(1), rs.getInt(2) == 1, instant(rs.getString(3)), instant(rs.getString(4)));
            }
        }

        // Initiatives: the first old value and the last new value of each, in the order written.
        List<InitiativeMove> moves = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.entity_key, l.op, l.old_value, l.new_value" + RANGE
                + " AND l.entity = 'initiative' ORDER BY l.run_id, l.seq")) {
            ps.setLong(1, afterRun);
            ps.setLong(2, upToRun);
            Map<String, String[]> firstLast = new LinkedHashMap<>(); // key → {first op, old, last op, new}
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] fl = firstLast.computeIfAbsent(rs.getString(1), k -> new String[4]);
                    if (fl[0] == null) {
                        fl[0] = rs.getString(2);
                        fl[1] = rs.getString(3);
                    }
                    fl[2] = rs.getString(2);
                    fl[3] = rs.getString(4);
                }
            }
            for (var e : firstLast.entrySet()) {
                Initiative i = cat.initiatives().get(parseLong(e.getKey()));
                if (i == null) continue; // withdrawn since: nothing to name it by
                String[] fl = e.getValue();
                Object[] before = "insert".equals(fl[0]) ? new Object[] {null, 0.0} : statusProgress(fl[1]);
                Object[] after = "delete".equals(fl[2]) ? new Object[] {null, 0.0} : statusProgress(fl[3]);
                Initiative.Status os = (Initiative.Status) before[0], ns = (Initiative.Status) after[0];
                double op = (Double) before[1], np = (Double) after[1];
                if (os == ns && Math.abs(op - np) < 1e-9) continue; // back where it was
                moves.add(new InitiativeMove(i, os, op, os == null ? null : InitiativeStatusRule.rag(os, op, i.startDate(), i.deadline(), today),
                        ns, np, ns == null ? null : InitiativeStatusRule.rag(ns, np, i.startDate(), i.deadline(), today)));
            }
        }
        // A change of RAG status first (what a meeting asks about), then the largest step, then the code.
        moves.sort(Comparator.comparing((InitiativeMove m) -> !m.ragChanged())
                .thenComparingDouble(m -> -Math.abs(m.newProgress() - m.oldProgress()))
                .thenComparing(m -> m.initiative().code()));

        TaskMoves tasks;
        try (PreparedStatement ps = c.prepareStatement("SELECT"
                + " coalesce(sum(l.op = 'update' AND l.old_value IS NULL AND l.new_value IS NOT NULL), 0),"
                + " coalesce(sum(l.op = 'insert'), 0), coalesce(sum(l.op = 'delete'), 0),"
                + " coalesce(sum(l.op = 'update' AND NOT (l.old_value IS NULL AND l.new_value IS NOT NULL)), 0)"
                + RANGE + " AND l.entity = 'task'")) {
            ps.setLong(1, afterRun);
            ps.setLong(2, upToRun);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                tasks = new TaskMoves(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }

        // KPI values: the key is kpi/scope/period.
        List<KpiMove> kpis = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(substr(l.entity_key, 1, instr(l.entity_key, '/') - 1) AS INTEGER) AS kpi,"
                + " sum(l.op = 'insert'), sum(l.op = 'update'), sum(l.op = 'delete')" + RANGE
                + " AND l.entity = 'observation' GROUP BY kpi")) {
            ps.setLong(1, afterRun);
            ps.setLong(2, upToRun);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Kpi k = cat.kpis().get(rs.getLong(1));
                    if (k != null) kpis.add(new KpiMove(k, rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        kpis.sort(Comparator.comparingLong((KpiMove m) -> -m.total()).thenComparing(m -> m.kpi().code()));
        return new ChangeSummary(span, List.copyOf(moves), tasks, List.copyOf(kpis));
    }

    /** The last run that finished before {@code t} (0 when none): changes "since t" are those after it. */
    static long runBefore(Connection c, Instant t) throws SQLException {
        // By time, not by text (Instant.toString() writes a varying number of decimals).
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM sync_runs WHERE julianday(finished_at) < julianday(?)")) {
            ps.setString(1, t.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The newest run (0 when none). */
    static long lastRun(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM sync_runs")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** "in_progress 0.287" → {IN_PROGRESS, 0.287}: how a sync records an initiative's state. */
    private static Object[] statusProgress(String s) {
        if (s == null) return new Object[] {null, 0.0};
        int sp = s.indexOf(' ');
        Initiative.Status st = Initiative.Status.valueOf((sp < 0 ? s : s.substring(0, sp)).toUpperCase(Locale.ROOT));
        double p = sp < 0 ? 0 : Double.parseDouble(s.substring(sp + 1));
        return new Object[] {st, p};
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
