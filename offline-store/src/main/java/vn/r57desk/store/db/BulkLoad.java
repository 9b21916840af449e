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
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = OFF");
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("PRAGMA cache_size = -262144");
            st.execute("PRAGMA temp_store = MEMORY");
            if (bare) {
                for (String ddl : bareTables()) st.execute(ddl);
            } else {
                // Foreign keys are checked once at the end (finish) instead of per row: the loader
                // writes in dependency order, and one pass is far cheaper than 3 M lookups.
                st.execute("PRAGMA foreign_keys = OFF");
                Cache.migrate(c);
                Rollups.dropTriggers(c);
            }
        }
        c.setAutoCommit(false);
        return c;
    }

    /** Rebuild rollups, restore the triggers and gather planner statistics; the caller commits. */
    public static void finish(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            if (rs.next()) {
                throw new SQLException("bulk load broke a reference: row " + rs.getLong(2) + " of " + rs.getString(1)
                        + " points to a missing " + rs.getString(3));
            }
        }
        Rollups.rebuildAll(c);
        Rollups.restoreTriggers(c);
        try (Statement st = c.createStatement()) {
            // A sampled ANALYZE: enough for the planner to pick the rollup indexes, cheap on 30 M rows.
            st.execute("PRAGMA analysis_limit = 1000");
            st.execute("ANALYZE");
        }
    }

    /** Leaves the finished file in WAL mode, as every cache is. */
    public static void switchToWal(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
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
