package vn.r57desk.store.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.r57desk.store.sync.Entities;
import vn.r57desk.store.sync.Entity;
import vn.r57desk.store.sync.PageWriter;
import vn.r57desk.store.sync.Protocol;

/**
 * A pack's plaintext: one complete snapshot page of sync protocol 1 (the very format a server's
 * snapshot uses, so the receiving laptop loads it with the bootstrap's loader and checks), holding
 * every row of the scope. Read inside one transaction of the source, so it is consistent even while
 * the source is being written (a server's live reporting, a laptop's sync).
 *
 * <p>Names of systems, agencies, provinces, communes, sources and scopes go in every pack (pages
 * need them, and they are public); initiatives, tasks, KPIs, observations and meetings are limited
 * to the scope. A scope's rows always include what they refer to, so the receiver's reference
 * checks pass.
 */
public final class PackContent {
    private PackContent() {}

    /** Which rows of the scoped tables go in: SQL conditions over each table's own columns. */
    record Filter(String initiatives, String tasks, String kpis, String observations, String meetings, String agenda) {
        static final Filter EVERYTHING = new Filter("1", "1", "1", "1", "1", "1");
        static final String NONE = "0";

        Filter or(Filter o) {
            return new Filter(or(initiatives, o.initiatives), or(tasks, o.tasks), or(kpis, o.kpis), or(observations, o.observations),
                    or(meetings, o.meetings), or(agenda, o.agenda));
        }

        private static String or(String a, String b) {
            if (a.equals(NONE)) return b;
            if (b.equals(NONE)) return a;
            return "(" + a + ") OR (" + b + ")";
        }

        /** The WHERE condition of each wire table, closed over references (a row's parents are in too). */
        Map<String, String> where() {
            String ini = "initiative_id IN (SELECT id FROM initiatives WHERE " + initiatives + ")";
            String kpi = "(" + kpis + ") AND (initiative_id IS NULL OR " + ini + ")";
            Map<String, String> w = new LinkedHashMap<>();
            w.put("initiatives", initiatives);
            w.put("initiative_coordinators", ini);
            w.put("kpis", kpi);
            w.put("tasks", "(" + tasks + ") AND " + ini);
            w.put("observations", "(" + observations + ") AND kpi_id IN (SELECT id FROM kpis WHERE " + kpi + ")");
            w.put("meetings", meetings);
            w.put("agenda_items", "(" + agenda + ") AND meeting_id IN (SELECT id FROM meetings WHERE " + meetings + ")");
            return w;
        }
    }

    static Filter system(long id) {
        String ini = "system_id = " + id;
        return new Filter(ini, "1", "system_id = " + id, "1", Filter.NONE, Filter.NONE);
    }

    static Filter agency(long id) {
        String ini = "lead_agency_id = " + id + " OR id IN (SELECT initiative_id FROM initiative_coordinators WHERE agency_id = " + id
                + ") OR id IN (SELECT initiative_id FROM tasks WHERE agency_id = " + id + ")";
        return new Filter(ini, "agency_id = " + id, "1",
                "scope_id IN (SELECT id FROM scopes WHERE kind = 'national' OR agency_id = " + id + ")", Filter.NONE, Filter.NONE);
    }

    static Filter locality(long id) {
        String loc = "SELECT id FROM localities WHERE id = " + id + " OR parent_id = " + id;
        return new Filter("id IN (SELECT initiative_id FROM tasks WHERE locality_id IN (" + loc + "))", "locality_id IN (" + loc + ")", "1",
                "scope_id IN (SELECT id FROM scopes WHERE kind = 'national' OR locality_id IN (" + loc + "))", Filter.NONE, Filter.NONE);
    }

    static Filter initiative(long id) {
        return new Filter("id = " + id, "initiative_id = " + id, "initiative_id = " + id, "1", Filter.NONE, Filter.NONE);
    }

    static Filter kpi(long id) {
        return new Filter("id IN (SELECT initiative_id FROM kpis WHERE id = " + id + ")", Filter.NONE, "id = " + id, "1", Filter.NONE, Filter.NONE);
    }

    /** The filter of {@code scope}, its codes looked up in {@code c}; an unknown code is an error that names it. */
    static Filter filter(Connection c, PackScope scope) throws SQLException {
        return switch (scope.kind()) {
            case ALL -> Filter.EVERYTHING;
            case SYSTEM -> system(id(c, "SELECT id FROM systems WHERE code = ?", scope, "system"));
            case MINISTRY -> agency(id(c, "SELECT id FROM agencies WHERE code = ?", scope, "ministry or agency"));
            case PROVINCE -> locality(id(c, "SELECT id FROM localities WHERE code = ? AND level = 'province'", scope, "province"));
            case MEETING -> {
                long m = id(c, "SELECT id FROM meetings WHERE CAST(id AS TEXT) = ?", scope, "meeting");
                Filter f = new Filter(Filter.NONE, Filter.NONE, Filter.NONE, Filter.NONE, "id = " + m, "meeting_id = " + m);
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT target_kind, target_id FROM agenda_items WHERE meeting_id = " + m
                             + " AND target_kind IS NOT NULL AND target_id IS NOT NULL ORDER BY position")) {
                    while (rs.next()) {
                        long t = rs.getLong(2);
                        f = f.or(switch (rs.getString(1)) {
                            case "system" -> system(t);
                            case "initiative" -> initiative(t);
                            case "agency" -> agency(t);
                            case "locality" -> locality(t);
                            case "kpi" -> kpi(t);
                            default -> new Filter(Filter.NONE, Filter.NONE, Filter.NONE, Filter.NONE, Filter.NONE, Filter.NONE);
                        });
                    }
                }
                yield f;
            }
        };
    }

    private static long id(Connection c, String sql, PackScope scope, String what) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, scope.code());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return rs.getLong(1);
            }
        }
        throw new IllegalArgumentException("no " + what + " '" + scope.code() + "' in this data");
    }

    /**
     * Writes the snapshot page of {@code scope} from {@code c} (inside one read transaction) and
     * returns its rows. {@code extraInfo}: dataset_info rows added for the receiver (the pack's id,
     * scope, expiry), replacing any of the same names the source had.
     */
    public static long write(Connection c, PackScope scope, String packId, Map<String, String> extraInfo, OutputStream out)
            throws SQLException, IOException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            // Any read starts the transaction; every later read sees the same state.
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                rs.next();
            }
            Map<String, String> where = filter(c, scope).where();
            long rows;
            try (PageWriter w = new PageWriter(out, Protocol.KIND_SNAPSHOT, packId)) {
                for (Entity e : Entities.all()) {
                    String cols = String.join(", ", e.fields().stream().map(Entity.Field::name).toList());
                    String sql;
                    List<String> params = new ArrayList<>();
                    if (e.table().equals("dataset_info")) {
                        StringBuilder s = new StringBuilder("SELECT key, value FROM dataset_info WHERE key NOT IN (");
                        for (int i = 0; i < extraInfo.size(); i++) s.append(i == 0 ? "?" : ", ?");
                        s.append(extraInfo.isEmpty() ? "''" : "").append(")");
                        params.addAll(extraInfo.keySet());
                        for (var x : extraInfo.entrySet()) {
                            s.append(" UNION ALL SELECT ?, ?");
                            params.add(x.getKey());
                            params.add(x.getValue());
                        }
                        sql = "SELECT * FROM (" + s + ") ORDER BY key";
                    } else {
                        sql = "SELECT " + cols + " FROM " + e.table() + " WHERE " + where.getOrDefault(e.table(), "1")
                                + " ORDER BY " + String.join(", ", e.key());
                    }
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
                        try (ResultSet rs = ps.executeQuery()) {
                            boolean first = true;
                            while (rs.next()) {
                                if (first) w.beginBatch(e, Protocol.OP_UPSERT);
                                first = false;
                                w.row(e, rs);
                            }
                        }
                    }
                }
                w.finish("", false, true);
                rows = w.rows();
            }
            return rows;
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    /**
     * When the source's data was current: a re-shared pack's own as-of, else the last successful
     * sync, else the generated data's as-of date, else {@code fallback}.
     */
    public static java.time.Instant asOf(Connection c, java.time.Instant fallback) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT value FROM dataset_info WHERE key = 'pack_as_of'")) {
                if (rs.next()) return java.time.Instant.parse(rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT max(last_success_at) FROM sync_state")) {
                if (rs.next() && rs.getString(1) != null) return java.time.Instant.parse(rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT value FROM dataset_info WHERE key = 'as_of'")) {
                if (rs.next()) return java.time.LocalDate.parse(rs.getString(1)).atStartOfDay(java.time.ZoneOffset.ofHours(7)).toInstant();
            }
        } catch (java.time.format.DateTimeParseException e) {
            // a value this version cannot read: the fallback
        }
        return fallback;
    }
}
