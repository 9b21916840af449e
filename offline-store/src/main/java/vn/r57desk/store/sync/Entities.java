package vn.r57desk.store.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.r57desk.store.db.Schema;

/**
 * The entities of sync protocol 1, in the order a snapshot sends them (every entity after the ones
 * it refers to). Fields, types, required flags, keys and references are read from the cache schema
 * itself; allowed values come from its CHECK constraints.
 */
public final class Entities {
    /** Longest text a field may carry: a hostile server cannot fill the disk through one cell. */
    public static final int MAX_TEXT = 4000;

    /** table → wire name, in snapshot order. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();
    static {
        TABLES.put("dataset_info", "dataset_info");
        TABLES.put("systems", "system");
        TABLES.put("agencies", "agency");
        TABLES.put("localities", "locality");
        TABLES.put("scopes", "scope");
        TABLES.put("sources", "source");
        TABLES.put("initiatives", "initiative");
        TABLES.put("initiative_coordinators", "initiative_coordinator");
        TABLES.put("kpis", "kpi");
        TABLES.put("tasks", "task");
        TABLES.put("observations", "observation");
        TABLES.put("meetings", "meeting");
        TABLES.put("agenda_items", "agenda_item");
    }

    /** Columns the client derives itself and the wire never carries. */
    private static final Set<String> DERIVED = Set.of("localities.name_search");

    private static final List<Entity> ALL = load();
    private static final Map<String, Entity> BY_NAME = new LinkedHashMap<>();
    static {
        for (Entity e : ALL) BY_NAME.put(e.name(), e);
    }

    private Entities() {}

    public static List<Entity> all() {
        return ALL;
    }

    /** The entity with this wire name, or null for a kind this version does not know. */
    public static Entity byName(String name) {
        return BY_NAME.get(name);
    }

    private static List<Entity> load() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            vn.r57desk.store.db.Cache.migrate(c);
            Set<String> referenced = new LinkedHashSet<>();
            Map<String, Map<String, String>> refs = new LinkedHashMap<>();
            for (String table : TABLES.keySet()) {
                Map<String, String> r = new LinkedHashMap<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
                    while (rs.next()) {
                        String target = TABLES.get(rs.getString("table"));
                        r.put(rs.getString("from"), target);
                        referenced.add(target);
                    }
                }
                refs.put(table, r);
            }
            List<Entity> out = new ArrayList<>();
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                String table = t.getKey();
                String sql;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'")) {
                    sql = rs.next() ? rs.getString(1) : "";
                }
                List<Entity.Field> fields = new ArrayList<>();
                TreeMap<Integer, String> key = new TreeMap<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rs.next()) {
                        String col = rs.getString("name");
                        if (DERIVED.contains(table + "." + col)) continue;
                        Entity.Type type = Entity.Type.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT));
                        // version is required on the wire even though the table has a default: it is what
                        // makes replays harmless, and an upsert without one could not be ordered.
                        boolean required = rs.getInt("notnull") == 1 && rs.getString("dflt_value") == null || rs.getInt("pk") > 0
                                || col.equals("version");
                        if (rs.getInt("pk") > 0) key.put(rs.getInt("pk"), col);
                        fields.add(new Entity.Field(col, type, required, rs.getInt("notnull") == 1, refs.get(table).get(col),
                                allowedValues(sql, col), type == Entity.Type.TEXT ? MAX_TEXT : 0));
                    }
                }
                out.add(new Entity(t.getValue(), table, List.copyOf(fields), List.copyOf(key.values()), referenced.contains(t.getValue())));
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cache schema: " + e.getMessage(), e);
        }
    }

    private static Set<String> allowedValues(String createSql, String column) {
        Matcher m = Pattern.compile("CHECK \\(" + Pattern.quote(column) + " IN \\(('[^)]*)\\)\\)").matcher(createSql);
        if (!m.find()) return Set.of();
        Set<String> values = new LinkedHashSet<>();
        Matcher v = Pattern.compile("'([^']*)'").matcher(m.group(1));
        while (v.find()) values.add(v.group(1));
        return Set.copyOf(values);
    }
}
