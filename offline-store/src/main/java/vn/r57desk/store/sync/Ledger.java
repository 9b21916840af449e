package vn.r57desk.store.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;

/**
 * Where a cache stands with one server: its {@code sync_state} row (the cursor, the generation,
 * the phase) and its {@code sync_runs} rows (one per applied delta page, one per bootstrap). The
 * only writer of both for a sync, for the snapshot path (in the bootstrap file) and the delta path
 * (in the live cache) alike.
 *
 * <p>The methods taking a {@link Connection} run inside the caller's transaction: a page's cursor
 * is written by {@link #snapshotPage} or {@link #deltaPageApplied} in the same transaction as the
 * page's rows, so a page and the position after it are committed together or not at all.
 */
final class Ledger {
    /** A server's row: {@code cursor} null before the first page or after {@link #forget}. */
    record State(String cursor, long generation, String phase) {}

    private final String server;

    /** {@code server}: the normalised server address the rows are kept under. */
    Ledger(String server) {
        this.server = server;
    }

    String server() {
        return server;
    }

    // ---- inside a transaction of the caller's ----------------------------------------------------

    /** This server's row, or null when the cache has none. */
    State state(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cursor, generation, phase FROM sync_state WHERE server = ?")) {
            ps.setString(1, server);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new State(rs.getString(1), rs.getLong(2), rs.getString(3)) : null;
            }
        }
    }

    /** A bootstrap of {@code generation} that is not yet live (to resume), or null. */
    State unfinishedBootstrap(Connection c, long generation) throws SQLException {
        State s = state(c);
        return s != null && s.generation() == generation && !"live".equals(s.phase()) ? s : null;
    }

    /** A new bootstrap file's row: no cursor yet, phase snapshot. */
    void startSnapshot(Connection c, long generation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_state (server, cursor, generation, last_attempt_at, phase) VALUES (?, NULL, ?, ?, 'snapshot')")) {
            ps.setString(1, server);
            ps.setLong(2, generation);
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** A snapshot page's rows are in: its cursor, and phase loaded after the last page. */
    void snapshotPage(Connection c, String nextCursor, boolean complete, long rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET cursor = ?, phase = ?,"
                + " snapshot_rows = coalesce(snapshot_rows, 0) + ? WHERE server = ?")) {
            ps.setString(1, nextCursor);
            ps.setString(2, complete ? "loaded" : "snapshot");
            ps.setLong(3, rows);
            ps.setString(4, server);
            ps.executeUpdate();
        }
    }

    /** Rows of the snapshot applied so far. */
    long snapshotRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(snapshot_rows, 0) FROM sync_state WHERE server = ?")) {
            ps.setString(1, server);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The bootstrap file is built: phase ready, and the bootstrap recorded as a run. */
    void snapshotReady(Connection c, String cursor, long rows) throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET phase = 'ready', last_success_at = ? WHERE server = ?")) {
            ps.setString(1, now);
            ps.setString(2, server);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_runs (kind, source, started_at, finished_at, status, cursor_after, message)"
                + " VALUES ('bootstrap', ?, ?, ?, 'succeeded', ?, ?)")) {
            ps.setString(1, server);
            ps.setString(2, now);
            ps.setString(3, now);
            ps.setString(4, cursor);
            ps.setString(5, rows + " rows");
            ps.executeUpdate();
        }
    }

    /** A delta page begins: its run, under which its changes are recorded. */
    long beginDeltaPage(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_runs (kind, source, started_at, status) VALUES ('delta', ?, ?, 'running') RETURNING id")) {
            ps.setString(1, server);
            ps.setString(2, Instant.now().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A delta page's rows are in: its run succeeded, and the cursor moves past it. */
    void deltaPageApplied(Connection c, long run, String nextCursor, long rows) throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sync_runs SET status = 'succeeded', finished_at = ?, cursor_after = ?, message = ? WHERE id = ?")) {
            ps.setString(1, now);
            ps.setString(2, nextCursor);
            ps.setString(3, rows + " rows");
            ps.setLong(4, run);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET cursor = ?, phase = 'live', last_attempt_at = ? WHERE server = ?")) {
            ps.setString(1, nextCursor);
            ps.setString(2, now);
            ps.setString(3, server);
            ps.executeUpdate();
        }
    }

    // ---- on the live cache, each its own transaction ---------------------------------------------

    State state(Cache cache) throws SyncException {
        try {
            return cache.read(this::state);
        } catch (CacheException e) {
            throw failed(e);
        }
    }

    /** Drops this server's position so that the next round bootstraps. */
    void forget(Cache cache) throws SyncException {
        write(cache, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET cursor = NULL WHERE server = ?")) {
                ps.setString(1, server);
                ps.executeUpdate();
            }
        });
    }

    /** The latest run of any kind (0 when none): the changes after it are those of a later sync. */
    static long lastRunId(Cache cache) throws SyncException {
        try {
            return cache.read(c -> {
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM sync_runs")) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
        } catch (CacheException e) {
            throw failed(e);
        }
    }

    /** The sync finished: the cache is live and current as of now. */
    void markSuccess(Cache cache) throws SyncException {
        write(cache, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sync_state SET last_success_at = ?, last_error = NULL, phase = 'live' WHERE server = ?")) {
                ps.setString(1, Instant.now().toString());
                ps.setString(2, server);
                ps.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface Write {
        void run(Connection c) throws SQLException;
    }

    private static void write(Cache cache, Write w) throws SyncException {
        try {
            cache.writeAndWait(c -> {
                w.run(c);
                return null;
            });
        } catch (CacheException e) {
            throw failed(e);
        }
    }

    private static SyncException failed(CacheException e) {
        return new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
    }
}
