package vn.r57desk.store.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.db.Sqlite;

/**
 * Who holds the open cache during a sync. A bootstrap is built beside the cache and then takes its
 * place; the host closes the old one, carries the user's own rows (notes, outbox) across, swaps
 * the files and opens the new one. The app implements this to swap under its views; the CLI uses
 * {@link #of(Path)}.
 */
public interface CacheHost {
    /** The open cache. */
    Cache cache();

    /** Replaces the cache with {@code bootstrapped} (a finished bootstrap file), keeping local rows. */
    void replace(Path bootstrapped) throws CacheException;

    /** Deletes the cache, its outbox and any bootstrap in progress (a revoked device). */
    void wipe() throws CacheException;

    /** A host over a cache file it opens itself. */
    static Simple of(Path file) throws CacheException {
        return new Simple(file);
    }

    final class Simple implements CacheHost, AutoCloseable {
        private final Path file;
        private Cache cache;

        Simple(Path file) throws CacheException {
            this.file = file;
            this.cache = Cache.open(file);
        }

        @Override
        public Cache cache() {
            if (cache == null) throw new IllegalStateException("the cache " + file + " was wiped");
            return cache;
        }

        @Override
        public void replace(Path bootstrapped) throws CacheException {
            cache.close();
            cache = null;
            swapIn(file, bootstrapped);
            cache = Cache.open(file);
        }

        @Override
        public void wipe() throws CacheException {
            if (cache != null) cache.close();
            cache = null;
            deleteCacheFiles(file);
        }

        @Override
        public void close() {
            if (cache != null) cache.close();
        }
    }

    /**
     * Moves a finished bootstrap over a closed cache file: first copies the user's notes and outbox
     * from the old file (so nothing written offline is lost), then renames. Safe to repeat after
     * a crash at any point: the copy skips rows already there and the rename is atomic.
     */
    static void swapIn(Path cacheFile, Path bootstrapped) throws CacheException {
        try {
            if (Files.exists(cacheFile) && Files.size(cacheFile) > 0) {
                try (Connection c = Sqlite.open(bootstrapped);
                     Statement st = c.createStatement()) {
                    st.execute("ATTACH DATABASE '" + cacheFile.toAbsolutePath().toString().replace("'", "''") + "' AS old");
                    c.setAutoCommit(false);
                    if (hasColumn(st, "old", "notes", "subject_code")) st.execute("INSERT OR IGNORE INTO notes SELECT * FROM old.notes");
                    // decisions and actions recorded in meetings are this laptop's, like its notes
                    if (hasTable(st, "old", "meeting_actions")) st.execute("INSERT OR IGNORE INTO meeting_actions SELECT * FROM old.meeting_actions");
                    if (hasColumn(st, "old", "outbox", "sent_at")) {
                        st.execute("INSERT OR IGNORE INTO outbox SELECT * FROM old.outbox");
                    } else if (hasTable(st, "old", "outbox")) {
                        st.execute("INSERT OR IGNORE INTO outbox (id, kind, payload, created_at, attempts, last_error)"
                                + " SELECT id, kind, payload, created_at, attempts, last_error FROM old.outbox");
                    }
                    c.commit();
                    c.setAutoCommit(true);
                    st.execute("DETACH DATABASE old");
                }
            }
            // A stale -wal beside the target would be replayed into the new file: remove both.
            Files.deleteIfExists(Path.of(cacheFile + "-wal"));
            Files.deleteIfExists(Path.of(cacheFile + "-shm"));
            Files.move(bootstrapped, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (java.nio.channels.FileChannel dir = java.nio.channels.FileChannel.open(cacheFile.toAbsolutePath().getParent())) {
                dir.force(true); // the rename itself survives a power cut
            } catch (IOException | UnsupportedOperationException ignored) {
                // not every OS lets a folder be flushed (Windows); the move is still atomic
            }
        } catch (SQLException e) {
            throw CacheException.from(e, cacheFile, "carry notes and outbox into the new cache for");
        } catch (IOException e) {
            throw new CacheException(CacheException.Problem.NOT_WRITABLE, cacheFile, "Cannot replace " + cacheFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cache file and SQLite's files beside it, and nothing else: a bootstrap under way (in its
     * own file) stays, so that the next sync resumes it.
     */
    public static void deleteCache(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(file + suffix));
    }

    static void deleteCacheFiles(Path file) throws CacheException {
        try {
            deleteCache(file);
            Bootstrap.deleteFiles(Bootstrap.fileFor(file));
        } catch (IOException e) {
            throw new CacheException(CacheException.Problem.NOT_WRITABLE, file, "Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Statement st, String schema, String table) throws SQLException {
        try (var rs = st.executeQuery("SELECT 1 FROM " + schema + ".sqlite_schema WHERE type = 'table' AND name = '" + table + "'")) {
            return rs.next();
        }
    }

    private static boolean hasColumn(Statement st, String schema, String table, String column) throws SQLException {
        try (var rs = st.executeQuery("SELECT 1 FROM pragma_table_info('" + table + "', '" + schema + "') WHERE name = '" + column + "'")) {
            return rs.next();
        }
    }
}
