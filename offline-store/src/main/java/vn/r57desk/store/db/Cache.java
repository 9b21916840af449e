package vn.r57desk.store.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.sqlite.SQLiteConfig;

/**
 * The local SQLite cache. One writer thread owns the only write connection, so writes never contend;
 * readers borrow their own connections (WAL lets them read while a sync writes).
 *
 * <p>Opening first {@linkplain CacheProbe inspects} the file read-only: a file that is not a cache,
 * comes from a newer version or is damaged is refused and left untouched. Only a cache this version
 * understands is opened for writing (and migrated forward if it is older).
 */
public final class Cache implements AutoCloseable {
    private static final int MAX_READERS = 4;

    private final Path file;
    private final ExecutorService writer;
    private final Connection writeConnection;
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(MAX_READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;
    /** Null when the cache can be written; else why it was opened read-only. */
    private final WriteBlock writeBlock;

    private Cache(Path file, ExecutorService writer, Connection writeConnection, WriteBlock writeBlock) {
        this.file = file;
        this.writer = writer;
        this.writeConnection = writeConnection;
        this.writeBlock = writeBlock;
    }

    /** Opens a cache, creating an empty one when the file is missing or empty. */
    public static Cache open(Path file) throws CacheException {
        return open(file, true);
    }

    /** Opens an existing cache; a missing file is an error. */
    public static Cache openExisting(Path file) throws CacheException {
        return open(file, false);
    }

    private static Cache open(Path file, boolean create) throws CacheException {
        CacheProbe.Result probe = CacheProbe.inspect(file);
        if (probe.kind() == CacheProbe.Kind.MISSING && !create) {
            throw new CacheException(CacheException.Problem.IO, file, "No cache at " + file);
        }
        // A cache this version reads as it is can still be read where nothing can be written.
        boolean readableAsIs = probe.kind() == CacheProbe.Kind.CACHE && probe.schemaVersion() == Schema.latestVersion();
        if (!canWrite(file)) {
            if (readableAsIs) return openReadOnly(file, WriteBlock.READ_ONLY);
            throw new CacheException(CacheException.Problem.NOT_WRITABLE, file, "Cannot open " + file + ": "
                    + (probe.kind() == CacheProbe.Kind.CACHE ? "it must be updated to this version's format, and the file or its folder is read-only"
                    : "the folder is read-only, so no cache can be made there"));
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new CacheException(CacheException.Problem.NOT_WRITABLE, file, "Cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "r57-cache-writer");
            t.setDaemon(true);
            return t;
        });
        boolean hadWal = Files.exists(Path.of(file + "-wal")), hadShm = Files.exists(Path.of(file + "-shm"));
        try {
            Connection wc = writer.submit(() -> {
                Connection c = connect(file, false);
                try {
                    migrate(c);
                    checkWritable(c);
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
                return c;
            }).get();
            return new Cache(file, writer, wc, null);
        } catch (ExecutionException e) {
            writer.shutdownNow();
            if (e.getCause() instanceof SQLException se) {
                // A full disk cannot hold the WAL's shared-memory file ("xShmMap … disk I/O error"),
                // a read-only one cannot create it: the figures are still there to read.
                if (readableAsIs && cannotWrite(se)) {
                    removeEmptyLeftovers(file, hadWal, hadShm);
                    return openReadOnly(file, blockOf(se, file));
                }
                throw CacheException.from(se, file, "open");
            }
            throw new CacheException(CacheException.Problem.IO, file, "Cannot open " + file + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
            throw new CacheException(CacheException.Problem.IO, file, "Interrupted while opening " + file, e);
        }
    }

    /** Why a cache was opened read-only. */
    public enum WriteBlock {
        /** The file or its folder cannot be written (a read-only disk, a write-protected folder). */
        READ_ONLY,
        /** The disk has no room left. */
        DISK_FULL
    }

    /**
     * Takes the write lock and lets it go: where the WAL's shared memory cannot be written (a
     * read-only or full disk), reading works but this fails with SQLITE_READONLY or an I/O error,
     * at open rather than at the first sync. Another writer holding the lock (SQLITE_BUSY) proves
     * the disk writable, so it does not wait for it.
     */
    private static void checkWritable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 0");
            try {
                st.execute("BEGIN IMMEDIATE");
                st.execute("ROLLBACK");
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xff) != 5) throw e;
            } finally {
                st.execute("PRAGMA busy_timeout = 10000");
            }
        }
    }

    /** The empty -wal and the -shm a failed writable open left beside the file, where there were none before. */
    private static void removeEmptyLeftovers(Path file, boolean hadWal, boolean hadShm) {
        try {
            Path wal = Path.of(file + "-wal"), shm = Path.of(file + "-shm");
            if (!hadWal && Files.exists(wal) && Files.size(wal) == 0) {
                Files.delete(wal);
                if (!hadShm && Files.isRegularFile(shm)) Files.delete(shm);
            }
        } catch (java.io.IOException ignored) {
            // a read-only folder keeps them; the readers cope with an empty -wal
        }
    }

    private static boolean canWrite(Path file) {
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs)) return Files.isWritable(abs) && (abs.getParent() == null || Files.isWritable(abs.getParent()));
        Path p = abs.getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        return p == null || Files.isWritable(p);
    }

    /** SQLITE_READONLY, SQLITE_IOERR (xShmMap), SQLITE_FULL, SQLITE_CANTOPEN: nothing can be written there. */
    private static boolean cannotWrite(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == 8 || code == 10 || code == 13 || code == 14;
    }

    /** Less than this free is a full disk, whatever SQLite's error said. */
    private static final long NEARLY_FULL = 1024 * 1024;

    private static WriteBlock blockOf(SQLException e, Path file) {
        long free = Sqlite.freeSpace(file);
        return (e.getErrorCode() & 0xff) == 13 || (free >= 0 && free < NEARLY_FULL) ? WriteBlock.DISK_FULL : WriteBlock.READ_ONLY;
    }

    private static Cache openReadOnly(Path file, WriteBlock block) throws CacheException {
        Cache cache = new Cache(file, null, null, block);
        // Open one reader now: a file that cannot even be read fails here, at open, not at the first query.
        cache.read(c -> null);
        return cache;
    }

    static Connection connect(Path file, boolean readOnly) throws SQLException {
        return connect(file, readOnly, false);
    }

    private static Connection connect(Path file, boolean readOnly, boolean nothingWritable) throws SQLException {
        if (nothingWritable) {
            Connection c = Sqlite.openReadOnly(file);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA cache_size = -8000");
                st.execute("PRAGMA mmap_size = 67108864");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        }
        SQLiteConfig cfg = Sqlite.config(file);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(10_000);
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection c = Sqlite.connect(file, cfg);
        try (Statement st = c.createStatement()) {
            // Modest per-connection memory: the rollups keep each query's working set small.
            // An encrypted file has no mmap (below), so its writer gets the 64 MB the mapping would
            // have given as page cache: a delta sync rereads the same pages between its statements.
            st.execute(Sqlite.encrypted(file) && !readOnly ? "PRAGMA cache_size = -65536" : "PRAGMA cache_size = -8000");
            // Memory-mapped reads bypass SQLite3 Multiple Ciphers' decryption (3.40.1 / 1.5.5: the
            // pages read as "malformed"), so an encrypted file is read through the page cache only.
            if (!Sqlite.encrypted(file)) st.execute("PRAGMA mmap_size = 67108864");
            if (readOnly) st.execute("PRAGMA query_only = 1");
        }
        return c;
    }

    public static void migrate(Connection c) throws SQLException {
        int current;
        try (Statement st = c.createStatement()) {
            current = CacheProbe.pragmaInt(st, "user_version");
        }
        for (Migration m : Schema.migrations()) {
            if (m.version() <= current) continue;
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : m.statements()) st.execute(sql);
                if (m.version() == 1) st.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                st.execute("PRAGMA user_version = " + m.version());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration " + m.version() + " (" + m.description() + ") failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    public Path file() {
        return file;
    }

    /** True when the cache was opened read-only: its figures can be read, nothing can be written. */
    public boolean isReadOnly() {
        return writeBlock != null;
    }

    /** Why the cache is read-only, or null when it can be written. */
    public WriteBlock writeBlock() {
        return writeBlock;
    }

    /**
     * What a read-only cache means for the user, in Vietnamese or English (any other locale), or
     * null when the cache can be written.
     */
    public String readOnlyNote(java.util.Locale locale) {
        if (writeBlock == null) return null;
        boolean vi = "vi".equals(locale.getLanguage());
        if (writeBlock == WriteBlock.DISK_FULL) {
            return vi ? "Ổ đĩa chứa dữ liệu đã đầy nên dữ liệu được mở chỉ để xem (" + file + "). Muốn đồng bộ hoặc ghi chú, cần giải phóng chỗ trống trên ổ đĩa."
                    : "The disk holding the data is full, so the data is open for reading only (" + file + "). Syncing and notes need free space on that disk.";
        }
        return vi ? "Thư mục dữ liệu không ghi được nên dữ liệu được mở chỉ để xem (" + file + "). Muốn đồng bộ hoặc ghi chú, cần một ổ đĩa ghi được và còn chỗ trống."
                : "The data's folder cannot be written, so the data is open for reading only (" + file + "). Syncing and notes need a writable disk with free space.";
    }

    /** Runs read-only work on a pooled reader connection, on the caller's thread. */
    public <T> T read(SqlWork<T> work) throws CacheException {
        Connection c = borrow();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw CacheException.from(e, file, "read");
        } finally {
            idleReaders.offer(c);
        }
    }

    private Connection borrow() throws CacheException {
        if (closed) throw new CacheException(CacheException.Problem.IO, file, "The cache " + file + " is closed");
        Connection c = idleReaders.poll();
        if (c != null) return c;
        synchronized (allReaders) {
            if (allReaders.size() < MAX_READERS) {
                try {
                    Connection fresh = connect(file, true, writeBlock != null);
                    allReaders.add(fresh);
                    return fresh;
                } catch (SQLException e) {
                    throw CacheException.from(e, file, "open a reader on");
                }
            }
        }
        try {
            return idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException(CacheException.Problem.IO, file, "Interrupted while waiting for the cache", e);
        }
    }

    /** Runs work in one transaction on the writer thread; the future fails with a {@link CacheException}. */
    public <T> CompletableFuture<T> write(SqlWork<T> work) {
        if (closed) return CompletableFuture.failedFuture(new CacheException(CacheException.Problem.IO, file, "The cache " + file + " is closed"));
        if (writeBlock != null) {
            return CompletableFuture.failedFuture(new CacheException(CacheException.Problem.NOT_WRITABLE, file,
                    "Cannot write to " + file + ": " + readOnlyNote(java.util.Locale.ENGLISH)));
        }
        return CompletableFuture.supplyAsync(() -> {
            Connection c = writeConnection;
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                long t0 = Timings.start();
                c.commit();
                Timings.add("commit", t0);
                c.setAutoCommit(true);
                return result;
            } catch (SQLException e) {
                // Quietly: after SQLITE_FULL SQLite has rolled back already, and the failing
                // rollback used to replace "disk full" with "cannot commit - no transaction is active".
                Sqlite.rollbackQuietly(c, e);
                throw new CompletionException(CacheException.from(e, file, "write"));
            } catch (RuntimeException e) {
                Sqlite.rollbackQuietly(c, e);
                throw e;
            }
        }, writer);
    }

    /** {@link #write} and wait: for the CLI, benchmarks and tests, never for the FX thread. */
    public <T> T writeAndWait(SqlWork<T> work) throws CacheException {
        try {
            return write(work).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CacheException ce) throw ce;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new CacheException(CacheException.Problem.IO, file, "Write failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * SQLite's quick check, at most {@code max} problems (an empty list: none). It reads every page
     * (about 1 s for the national cache, docs/performance.md), so run it off the UI thread; it finds
     * what the cheap checks at open cannot, such as random bytes written over the middle of the file.
     */
    public List<String> quickCheck(int max) throws CacheException {
        return read(c -> {
            List<String> problems = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check(" + Math.max(1, max) + ")")) {
                while (rs.next()) {
                    // "*** in database main ***" heads the first problem: the file is named anyway
                    String p = rs.getString(1).replaceAll("\\*\\*\\* in database \\w+ \\*\\*\\*\\s*", "").strip().replace('\n', ' ');
                    if (!"ok".equals(p) && !p.isEmpty()) problems.add(p);
                }
            }
            return problems;
        });
    }

    /** Full integrity check (reads every page): slow on a large cache, so run it in the background. */
    public List<String> integrityProblems() throws CacheException {
        return read(c -> {
            List<String> problems = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) if (!"ok".equals(rs.getString(1))) problems.add(rs.getString(1));
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next()) problems.add("row " + rs.getLong(2) + " of " + rs.getString(1) + " points to a missing " + rs.getString(3));
            }
            return problems;
        });
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        synchronized (allReaders) {
            for (Connection c : allReaders) {
                try { c.close(); } catch (SQLException ignored) { /* closing anyway */ }
            }
        }
        if (writer == null) return; // read-only: no writer
        try {
            writer.submit(() -> {
                try (Statement st = writeConnection.createStatement()) {
                    st.execute("PRAGMA optimize");
                } catch (SQLException ignored) { /* best effort */ }
                try { writeConnection.close(); } catch (SQLException ignored) { /* closing anyway */ }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the connection is gone either way
        }
        writer.shutdown();
    }
}
