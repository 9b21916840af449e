package vn.r57desk.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.sync.Entities;
import vn.r57desk.store.sync.Entity;
import vn.r57desk.store.db.Sqlite;

/**
 * The server's data: an immutable generated base (what a snapshot sends) and a live copy that
 * churn changes, with a change log whose every entry holds the row as it was written. A client
 * that applies the base and then the log up to entry N holds exactly the server's state at N.
 *
 * <p>Versions: base rows have version 1; the log's sequence numbers start at 2 and each change
 * gives its row the version of its entry.
 */
final class ServerData implements AutoCloseable {
    private final Path base;
    private final Path live;
    private final String generation;
    private final long snapshotRows;
    private final Connection writer;
    private final Cursors cursors;

    private ServerData(Path base, Path live, String generation, long snapshotRows, Connection writer, byte[] cursorKey) {
        this.base = base;
        this.live = live;
        this.generation = generation;
        this.snapshotRows = snapshotRows;
        this.writer = writer;
        this.cursors = new Cursors(cursorKey);
    }

    /**
     * Opens (creating when missing) the data of one scale in {@code dir}. {@code fresh} starts a new
     * generation: a new live copy and an empty log, so every client bootstraps again.
     */
    static ServerData open(Path dir, Scale scale, boolean fresh, java.util.function.Consumer<String> say) throws IOException, SQLException, CacheException {
        Files.createDirectories(dir);
        Path base = dir.resolve("base-" + scale.id() + ".db");
        Path live = dir.resolve("live-" + scale.id() + ".db");
        if (!Files.exists(base)) {
            say.accept("Generating the " + scale.id() + " dataset into " + base + " …");
            DatasetGenerator.generate(scale, DatasetGenerator.DEFAULT_SEED, base, false, DatasetGenerator.Progress.NONE);
            fresh = true;
        }
        if (fresh || !Files.exists(live)) {
            for (String s : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(live + s));
            Path tmp = Path.of(live + ".copying");
            Files.copy(base, tmp, StandardCopyOption.REPLACE_EXISTING);
            try (Connection c = Sqlite.open(tmp); Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                // The server needs no rollups: drop their triggers so churn writes stay cheap.
                try (ResultSet rs = st.executeQuery("SELECT group_concat(name, ',') FROM sqlite_schema WHERE type = 'trigger'")) {
                    if (rs.next() && rs.getString(1) != null) for (String t : rs.getString(1).split(",")) st.execute("DROP TRIGGER " + t);
                }
                st.execute("CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT");
                st.execute("CREATE TABLE server_log (seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, op TEXT NOT NULL, row TEXT NOT NULL) STRICT");
                st.execute("CREATE TABLE server_outbox (id TEXT PRIMARY KEY, device TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,"
                        + " created_at TEXT, received_at TEXT NOT NULL) STRICT");
                st.execute("INSERT INTO server_meta VALUES ('generation', '" + scale.id() + "-" + UUID.randomUUID().toString().substring(0, 8) + "')");
            }
            Files.move(tmp, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Connection w = Sqlite.open(live);
        String generation;
        byte[] cursorKey;
        try (Statement st = w.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA busy_timeout = 10000");
            try (ResultSet rs = st.executeQuery("SELECT value FROM server_meta WHERE key = 'generation'")) {
                rs.next();
                generation = rs.getString(1);
            }
            // The key that signs this server's cursors, kept with its data so that cursors survive a
            // restart (live files from before it was introduced get one now).
            st.execute("INSERT OR IGNORE INTO server_meta VALUES ('cursor_key', hex(randomblob(32)))");
            try (ResultSet rs = st.executeQuery("SELECT value FROM server_meta WHERE key = 'cursor_key'")) {
                rs.next();
                cursorKey = java.util.HexFormat.of().parseHex(rs.getString(1));
            }
        }
        long rows = 0;
        try (Connection b = readOnly(base); Statement st = b.createStatement()) {
            for (Entity e : Entities.all()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + e.table())) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return new ServerData(base, live, generation, rows, w, cursorKey);
    }

    static Connection readOnly(Path file) throws SQLException {
        Connection c = Sqlite.open(file);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA query_only = 1");
            st.execute("PRAGMA busy_timeout = 10000");
            st.execute("PRAGMA cache_size = -16000");
        }
        return c;
    }

    /** Makes and checks this server's cursors. */
    Cursors cursors() {
        return cursors;
    }

    String generation() {
        return generation;
    }

    long snapshotRows() {
        return snapshotRows;
    }

    Path base() {
        return base;
    }

    Path live() {
        return live;
    }

    /** A read connection on the live file (the change log and the current state). */
    Connection readLive() throws SQLException {
        return readOnly(live);
    }

    /** The only write connection: churn and the outbox take turns on it. */
    Connection writer() {
        return writer;
    }

    long lastSeq() throws SQLException {
        synchronized (writer) {
            try (Statement st = writer.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 1) FROM server_log")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stores an outbox item unless its id is known; true when it is new. */
    boolean acceptOutbox(String id, String device, String kind, String payload, String createdAt) throws SQLException {
        synchronized (writer) {
            try (PreparedStatement ps = writer.prepareStatement(
                    "INSERT OR IGNORE INTO server_outbox (id, device, kind, payload, created_at, received_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, device);
                ps.setString(3, kind);
                ps.setString(4, payload);
                ps.setString(5, createdAt);
                ps.setString(6, java.time.Instant.now().toString());
                return ps.executeUpdate() == 1;
            }
        }
    }

    @Override
    public void close() {
        synchronized (writer) {
            try {
                writer.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
