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

    private Cache(Path file, ExecutorService writer, Connection writeConnection) {
        this.file = file;
        this.writer = writer;
        this.writeConnection = writeConnection;
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
        try {
            Connection wc = writer.submit(() -> {
                Connection c = connect(file, false);
                migrate(c);
                return c;
            }).get();
            return new Cache(file, writer, wc);
        } catch (ExecutionException e) {
            writer.shutdownNow();
            if (e.getCause() instanceof SQLException se) throw CacheException.from(se, file, "open");
            throw new CacheException(CacheException.Problem.IO, file, "Cannot open " + file + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
            throw new CacheException(CacheException.Problem.IO, file, "Interrupted while opening " + file, e);
        }
    }

    static Connection connect(Path file, boolean readOnly) throws SQLException {
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
                    Connection fresh = connect(file, true);
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
        return CompletableFuture.supplyAsync(() -> {
            Connection c = writeConnection;
            try {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    long t0 = Timings.start();
                    c.commit();
                    Timings.add("commit", t0);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new CompletionException(CacheException.from(e, file, "write"));
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
