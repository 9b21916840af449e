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
import vn.r57desk.store.model.Bilingual;
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

    // ---- the rows behind the counts: tasks and KPI values, a page at a time ------------------------

    /** How a task changed, as {@link TaskMoves} counts it. */
    public enum TaskKind { COMPLETED, ADDED, WITHDRAWN, OTHER }

    /**
     * Which changed rows to list: each null is "any". {@code provinceId}: assigned to the province or
     * one of its communes (a task), reported for it or one of its communes (a KPI value).
     * {@code agencyId}: assigned to the agency (a task), reported by it (a KPI value).
     * {@code systemId}: of an initiative of the system (a task), a KPI of the system (a value).
     */
    public record Filter(TaskKind kind, Long systemId, Long agencyId, Long provinceId) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /**
     * One change of a task in the span, one per change_log row (so the rows add up to the counts).
     * A withdrawn task is gone from the cache: {@code title} and {@code initiative} are then null
     * and no filter but the kind keeps it.
     */
    public record TaskChange(long taskId, TaskKind kind, Bilingual title, Initiative initiative, Long agencyId, Long localityId,
                             Bilingual assignee, LocalDate deadline, LocalDate completedAt) {}

    /** One change of a KPI value: {@code op} insert (reported), update (revised) or delete (withdrawn); values null when absent. */
    public record ValueChange(Kpi kpi, long scopeId, int period, String op, Double oldValue, Double newValue) {}

    /** A page of rows and how many there are in all. */
    public record Page<T>(List<T> rows, int offset, long total) {}

    private static final String TASK_KIND = "CASE WHEN l.op = 'insert' THEN 'ADDED' WHEN l.op = 'delete' THEN 'WITHDRAWN'"
            + " WHEN l.old_value IS NULL AND l.new_value IS NOT NULL THEN 'COMPLETED' ELSE 'OTHER' END";

    /**
     * The tasks changed by the runs after {@code afterRun} up to {@code upToRun}: completed first,
     * then added, otherwise updated, and withdrawn last (nothing is left to name them by), each
     * kind newest first.
     */
    static Page<TaskChange> taskChanges(Connection c, Catalog cat, long afterRun, long upToRun, Filter f, int offset, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(" FROM change_log l JOIN sync_runs r ON r.id = l.run_id"
                + " LEFT JOIN tasks t ON t.id = CAST(l.entity_key AS INTEGER) LEFT JOIN initiatives i ON i.id = t.initiative_id"
                + " LEFT JOIN localities loc ON loc.id = t.locality_id LEFT JOIN agencies a ON a.id = t.agency_id"
                + " WHERE r.status = 'succeeded' AND l.run_id > ? AND l.run_id <= ? AND l.entity = 'task'");
        List<Object> args = new ArrayList<>(List.of(afterRun, upToRun));
        if (f.kind() != null) {
            sql.append(" AND ").append(TASK_KIND).append(" = ?");
            args.add(f.kind().name());
        }
        if (f.systemId() != null) {
            sql.append(" AND i.system_id = ?");
            args.add(f.systemId());
        }
        if (f.agencyId() != null) {
            sql.append(" AND t.agency_id = ?");
            args.add(f.agencyId());
        }
        if (f.provinceId() != null) {
            sql.append(" AND (t.locality_id = ? OR loc.parent_id = ?)");
            args.add(f.provinceId());
            args.add(f.provinceId());
        }
        long total = count(c, sql.toString(), args);
        List<TaskChange> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(l.entity_key AS INTEGER), " + TASK_KIND + ", t.title_vi, t.title_en, t.initiative_id,"
                + " t.agency_id, t.locality_id, t.deadline, t.completed_at, coalesce(a.name_vi, loc.name_vi), coalesce(a.name_en, loc.name_en)"
                + sql + " ORDER BY CASE " + TASK_KIND + " WHEN 'COMPLETED' THEN 0 WHEN 'ADDED' THEN 1 WHEN 'OTHER' THEN 2 ELSE 3 END,"
                + " l.run_id DESC, l.seq DESC LIMIT ? OFFSET ?")) {
            List<Object> all = new ArrayList<>(args);
            all.add(limit);
            all.add(offset);
            bind(ps, all);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean there = rs.getString(3) != null;
                    rows.add(new TaskChange(rs.getLong(1), TaskKind.valueOf(rs.getString(2)),
                            there ? new Bilingual(rs.getString(3), rs.getString(4)) : null,
                            there ? cat.initiatives().get(rs.getLong(5)) : null,
                            rs.getObject(6) == null ? null : rs.getLong(6), rs.getObject(7) == null ? null : rs.getLong(7),
                            rs.getString(10) == null ? null : new Bilingual(rs.getString(10), rs.getString(11)),
                            there ? LocalDate.parse(rs.getString(8)) : null,
                            rs.getString(9) == null ? null : LocalDate.parse(rs.getString(9))));
                }
            }
        }
        return new Page<>(List.copyOf(rows), offset, total);
    }

    /** How many rows {@code FROM …} clause {@code sql} gives, for a page's "of N". */
    private static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The KPI values changed by the runs after {@code afterRun} up to {@code upToRun}, newest first; {@code f.kind()} is not used. */
    static Page<ValueChange> valueChanges(Connection c, Catalog cat, long afterRun, long upToRun, Filter f, int offset, int limit) throws SQLException {
        // The key is kpi/scope/period.
        String kpi = "CAST(substr(l.entity_key, 1, instr(l.entity_key, '/') - 1) AS INTEGER)";
        String rest = "substr(l.entity_key, instr(l.entity_key, '/') + 1)";
        String scope = "CAST(substr(" + rest + ", 1, instr(" + rest + ", '/') - 1) AS INTEGER)";
        String period = "CAST(substr(" + rest + ", instr(" + rest + ", '/') + 1) AS INTEGER)";
        String sql = " FROM change_log l JOIN sync_runs r ON r.id = l.run_id JOIN kpis k ON k.id = " + kpi
                + " LEFT JOIN scopes sc ON sc.id = " + scope + " LEFT JOIN localities loc ON loc.id = sc.locality_id"
                + " WHERE r.status = 'succeeded' AND l.run_id > ? AND l.run_id <= ? AND l.entity = 'observation'";
        List<Object> args = new ArrayList<>(List.of(afterRun, upToRun));
        if (f.systemId() != null) {
            sql += " AND k.system_id = ?";
            args.add(f.systemId());
        }
        if (f.agencyId() != null) {
            sql += " AND sc.agency_id = ?";
            args.add(f.agencyId());
        }
        if (f.provinceId() != null) {
            sql += " AND (sc.locality_id = ? OR loc.parent_id = ?)";
            args.add(f.provinceId());
            args.add(f.provinceId());
        }
        long total = count(c, sql.toString(), args);
        List<ValueChange> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + kpi + ", " + scope + ", " + period + ", l.op, l.old_value, l.new_value" + sql
                + " ORDER BY l.run_id DESC, l.seq DESC LIMIT ? OFFSET ?")) {
            List<Object> all = new ArrayList<>(args);
            all.add(limit);
            all.add(offset);
            bind(ps, all);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Kpi k = cat.kpis().get(rs.getLong(1));
                    if (k == null) continue;
                    rows.add(new ValueChange(k, rs.getLong(2), rs.getInt(3), rs.getString(4), number(rs.getString(5)), number(rs.getString(6))));
                }
            }
        }
        return new Page<>(List.copyOf(rows), offset, total);
    }

    private static Double number(String s) {
        if (s == null) return null;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
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
