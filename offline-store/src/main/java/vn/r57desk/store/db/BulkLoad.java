package vn.r57desk.store.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loading a whole dataset into a new file that nobody else has open yet: no journal, no fsync, one
 * transaction, triggers off and rollups rebuilt once at the end. The caller writes into a temporary
 * file and moves it into place when done, so durability during the load does not matter.
 */
public final class BulkLoad {
    private BulkLoad() {}

    /**
     * A connection to a new file with the cache schema ({@code bare} = same tables and columns
     * without keys, constraints, indexes or triggers: the raw-insert baseline of the benchmarks).
     */
    public static Connection create(Path file, boolean bare) throws SQLException {
        Connection c = Sqlite.open(file);
        try (Statement st = c.createStatement()) {
            // 8 KiB pages: fewer b-tree splits for millions of small rows. The raw-insert baseline
            // gets the same page size, so the benchmark's ratio compares like with like.
            st.execute("PRAGMA page_size = 8192");
            st.execute("PRAGMA journal_mode = OFF");
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA busy_timeout = 60000");
            st.execute("PRAGMA cache_size = -262144");
            st.execute("PRAGMA temp_store = MEMORY");
            if (bare) {
                for (String ddl : bareTables()) st.execute(ddl);
            } else {
                prepare(c);
            }
        }
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Readies a connection for a load: schema, triggers off, foreign keys off, the big tables'
     * secondary indexes deferred. What was deferred is kept in a table of the file itself, so a
     * load that is resumed in a later process (a bootstrap) still finishes it.
     */
    public static void prepare(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // Foreign keys are checked once at the end (finish) instead of per row: the loader
            // writes in dependency order, and one pass is far cheaper than 3 M lookups.
            st.execute("PRAGMA foreign_keys = OFF");
            Cache.migrate(c);
            Rollups.dropTriggers(c);
            // Secondary indexes of the big tables are built after the load (one sort each)
            // rather than updated row by row.
            List<String> deferred = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
                    + " AND tbl_name IN ('tasks')")) {
                while (rs.next()) deferred.add(rs.getString(1) + "\u0000" + rs.getString(2));
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            st.execute("CREATE TABLE bulk_deferred_indexes (name TEXT, sql TEXT)");
            for (String d : deferred) {
                String[] nameSql = d.split("\u0000", 2);
                st.execute("DROP INDEX " + nameSql[0]);
                try (var ps = c.prepareStatement("INSERT INTO bulk_deferred_indexes VALUES (?, ?)")) {
                    ps.setString(1, nameSql[0]);
                    ps.setString(2, nameSql[1]);
                    ps.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(auto);
        }
    }

    /**
     * Rebuild rollups, restore the triggers and gather planner statistics; the caller commits.
     * The loaded rows are committed first so that a second connection can compute the KPI
     * statistics on the other core while this one builds indexes and task rollups, unless a
     * bootstrap streamed all of them already ({@link StreamedRollups}).
     */
    public static void finish(Connection c, Path file) throws SQLException {
        c.commit();
        boolean streamed = StreamedRollups.complete(c);
        Path side = sideFile(file);
        try {
            java.nio.file.Files.deleteIfExists(side); // left by a finish that was killed: start it again
        } catch (java.io.IOException e) {
            throw new SQLException("cannot remove " + side + ": " + e.getMessage(), e);
        }
        // Streamed statistics came from rows whose sources PageApplier checked one by one.
        java.util.concurrent.CompletableFuture<Void> kpiStats = streamed ? java.util.concurrent.CompletableFuture.completedFuture(null)
                : java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (Connection b = Sqlite.open(file); Statement st = b.createStatement()) {
                st.execute("PRAGMA busy_timeout = 60000");
                st.execute("PRAGMA cache_size = -131072");
                st.execute("ATTACH DATABASE '" + side.toAbsolutePath().toString().replace("'", "''") + "' AS side");
                st.execute("PRAGMA side.journal_mode = OFF");
                st.execute("PRAGMA side.synchronous = OFF");
                st.execute("CREATE TABLE side.kss AS " + Rollups.kpiScopeSelect(""));
                try (ResultSet rs = st.executeQuery("SELECT source_id FROM observations WHERE source_id NOT IN (SELECT id FROM sources) LIMIT 1")) {
                    if (rs.next()) throw new SQLException("bulk load broke a reference: observations point to missing source " + rs.getLong(1));
                }
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try (Statement st = c.createStatement()) {
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT sql FROM bulk_deferred_indexes")) {
                while (rs.next()) indexes.add(rs.getString(1));
            }
            for (String sql : indexes) st.execute(sql);
            st.execute("DROP TABLE bulk_deferred_indexes");
        }
        Timings.lap("indexes");
        try {
            Rollups.rebuild(c, streamed, () -> {
                if (streamed) {
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP TABLE " + StreamedRollups.MARKER);
                    }
                    return;
                }
                try {
                    kpiStats.join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof SQLException se) throw se;
                    throw e;
                }
                try (Statement st = c.createStatement()) {
                    st.execute("ATTACH DATABASE '" + side.toAbsolutePath().toString().replace("'", "''") + "' AS side");
                    // Stays attached until the connection closes: DETACH is refused inside a transaction.
                    st.execute("DELETE FROM kpi_scope_stats");
                    st.execute("INSERT INTO kpi_scope_stats SELECT * FROM side.kss");
                }
            });
        } finally {
            kpiStats.exceptionally(e -> null).join();
        }
        Timings.lap("rollups");
        checkReferences(c);
        Timings.lap("references");
        Rollups.restoreTriggers(c);
        try (Statement st = c.createStatement()) {
            // A sampled ANALYZE: enough for the planner to pick the rollup indexes, cheap on 30 M rows.
            st.execute("PRAGMA analysis_limit = 1000");
            st.execute("ANALYZE");
        }
        Timings.lap("analyze");
    }

    /**
     * Every reference must resolve. Observations (millions of rows) are checked through their
     * per-KPI-and-scope rollup, which holds exactly their distinct (kpi, scope) pairs (their sources
     * are checked beside the KPI statistics in {@link #finish}); every other table through SQLite's
     * own check.
     */
    private static void checkReferences(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " AND name <> 'observations'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check(" + t + ")")) {
                    if (rs.next()) {
                        throw new SQLException("bulk load broke a reference: row " + rs.getLong(2) + " of " + rs.getString(1)
                                + " points to a missing " + rs.getString(3));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT kpi_id, scope_id FROM kpi_scope_stats k WHERE NOT EXISTS (SELECT 1 FROM kpis WHERE id = k.kpi_id)"
                    + " OR NOT EXISTS (SELECT 1 FROM scopes WHERE id = k.scope_id) LIMIT 1")) {
                if (rs.next()) {
                    throw new SQLException("bulk load broke a reference: observations of KPI " + rs.getLong(1) + " for scope "
                            + rs.getLong(2) + " point to a missing KPI or scope");
                }
            }
        }
    }

    /** The scratch file {@link #finish} uses beside {@code file}; delete it after closing the connection. */
    public static Path sideFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".kpi-stats");
    }

    /** Leaves the finished file in WAL mode, as every cache is. */
    public static void switchToWal(Path file) throws SQLException {
        try (Connection c = Sqlite.open(file);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
        }
    }

    private static List<String> bareTables() throws SQLException {
        List<String> ddl = new ArrayList<>();
        try (Connection mem = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Cache.migrate(mem);
            for (String table : Schema.requiredTables()) {
                List<String> cols = new ArrayList<>();
                try (Statement st = mem.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rs.next()) cols.add(rs.getString("name"));
                }
                ddl.add("CREATE TABLE " + table + " (" + String.join(", ", cols) + ")");
            }
        }
        return ddl;
    }
}
