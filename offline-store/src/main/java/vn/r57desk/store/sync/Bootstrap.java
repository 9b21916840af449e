package vn.r57desk.store.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

import vn.r57desk.store.db.BulkLoad;
import vn.r57desk.store.db.Sqlite;
import vn.r57desk.store.db.StreamedRollups;

/**
 * A bootstrap in progress: a new cache file built beside the live one from snapshot pages. Each
 * page and the cursor after it commit together, so a bootstrap killed at any point resumes at the
 * page after the last one applied. The live cache is not touched until the bootstrap is finished
 * and swapped in, so a briefing laptop keeps its old data usable all along.
 *
 * <p>Phases (in {@code sync_state.phase}): snapshot → loaded (every page in) → ready (rollups
 * built, indexes and triggers back) → the file is moved over the cache and becomes live.
 *
 * <p>A failure keeps the file for the next sync to resume, except a full disk: then the file and
 * its journal are what fills the disk, so they are deleted and the user is told how much room the
 * data needs ({@link SyncText.Key#DISK_FULL_BOOTSTRAP}).
 */
final class Bootstrap implements AutoCloseable {
    static final String SUFFIX = ".bootstrap";

    /**
     * A finished cache's size, as a fixed part plus a part per snapshot row, fitted to the demo cache
     * (3,604,480 bytes, 54,631 rows) and the national one (149,438,464 bytes, about 3.21 million):
     * 46.1 bytes a row and about 1 MB besides, rounded up. Sizes the room asked for on a full disk.
     */
    static final long BYTES_PER_ROW = 47, BYTES_FIXED = 1024 * 1024;

    /**
     * Tests only: SQLite's own page limit ({@code PRAGMA max_page_count}) on the bootstrap file, 0
     * for none. Reaching it fails exactly as a full disk does (SQLITE_FULL), and a test needs no
     * root to fill a disk.
     */
    static volatile long pageLimitForTests;

    private final Path file;
    private final Connection c;
    /** Writes this file's sync_state and sync_runs rows: each page's cursor with the page. */
    private final Ledger ledger;
    /** Rows in the whole snapshot as the server said (0: not said); sizes the room asked for. */
    private final long expectedRows;
    private String cursor;
    private String phase;
    private PageApplier applier;
    /** The rollups, built as the rows stream in. */
    private StreamedRollups rollups;

    private Bootstrap(Path file, Connection c, Ledger ledger, long expectedRows, String cursor, String phase) {
        this.file = file;
        this.c = c;
        this.ledger = ledger;
        this.expectedRows = expectedRows;
        this.cursor = cursor;
        this.phase = phase;
    }

    static Path fileFor(Path cacheFile) {
        return Path.of(cacheFile + SUFFIX);
    }

    /** Resumes the bootstrap beside {@code cacheFile} if it is for this server and generation, else starts one. */
    static Bootstrap openOrStart(Path cacheFile, Ledger ledger, String generation) throws SQLException, IOException, SyncException {
        return openOrStart(cacheFile, ledger, generation, 0);
    }

    /**
     * As {@link #openOrStart(Path, Ledger, String)}, for a snapshot of {@code expectedRows} rows (0:
     * not known), which sizes the room asked for when the disk is full.
     */
    static Bootstrap openOrStart(Path cacheFile, Ledger ledger, String generation, long expectedRows)
            throws SQLException, IOException, SyncException {
        Path f = fileFor(cacheFile);
        if (Files.exists(f)) {
            Connection c = null;
            try {
                c = connect(f);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                    if (!rs.next() || !"ok".equals(rs.getString(1))) throw new SQLException("damaged");
                }
                Ledger.State s = ledger.unfinishedBootstrap(c, generationNumber(generation));
                if (s != null) return new Bootstrap(f, c, ledger, expectedRows, s.cursor(), s.phase());
            } catch (SQLException e) {
                // not a bootstrap we can resume (damaged, foreign, another schema): start again
            }
            if (c != null) c.close();
            deleteFiles(f);
        }
        Connection c = Sqlite.open(f);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA page_size = 8192"); // as a generated cache: fewer b-tree splits for millions of rows
                tune(st);
            }
            BulkLoad.prepare(c);
            StreamedRollups.begin(c);
            ledger.startSnapshot(c, generationNumber(generation));
            return new Bootstrap(f, c, ledger, expectedRows, null, "snapshot");
        } catch (SQLException e) {
            c.close();
            if (Sqlite.isDiskFull(e)) throw diskFull(f, expectedRows, e);
            throw e;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static Connection connect(Path f) throws SQLException {
        Connection c = Sqlite.open(f);
        try (Statement st = c.createStatement()) {
            tune(st);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static void tune(Statement st) throws SQLException {
        // A rollback journal, not WAL: a bootstrap appends, and appended pages have no old content
        // to journal, while WAL would write every page twice. synchronous=OFF: a killed process
        // loses only the page being applied (the OS keeps what was written); a power cut may damage
        // the file, which resume then detects (quick_check) and starts again. The user's cache is
        // never at risk: it is replaced only by a finished, checked bootstrap.
        st.execute("PRAGMA journal_mode = TRUNCATE");
        st.execute("PRAGMA synchronous = OFF");
        st.execute("PRAGMA foreign_keys = OFF"); // PageApplier checks every reference itself
        // 32 MB: a bootstrap appends, so a larger cache buys nothing (measured against 128 MB in
        // alternating runs: bootstrap.ratio 0.281/0.290 against 0.284/0.281), and in the app it
        // would sit on top of the window's own memory for the whole download.
        st.execute("PRAGMA cache_size = -32768");
        st.execute("PRAGMA temp_store = MEMORY");
        st.execute("PRAGMA busy_timeout = 10000");
        if (pageLimitForTests > 0) st.execute("PRAGMA max_page_count = " + pageLimitForTests);
    }

    /**
     * The disk is full: deletes what this bootstrap wrote (the file, its journal, the load's side
     * file: on a full disk they are the space the user needs back) and says how much room the data
     * needs. The connection must be closed.
     */
    private static SyncException diskFull(Path f, long expectedRows, Exception cause) {
        long reached = 0;
        for (String suffix : new String[] {"", "-journal"}) {
            try {
                reached += Files.size(Path.of(f + suffix));
            } catch (IOException ignored) {
                // not there
            }
        }
        try {
            deleteFiles(f);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        // The whole snapshot as a finished cache, or at least what this attempt had reached, with
        // a fifth more for the journal and the indexes built at the end (checked on a 4.5 MB
        // tmpfs: the demo snapshot, asked 4.3 MB, fits).
        long needed = Math.max(expectedRows > 0 ? BYTES_FIXED + expectedRows * BYTES_PER_ROW : 0, reached) / 5 * 6;
        needed = Math.max(needed, BYTES_FIXED);
        long free = Sqlite.freeSpace(f);
        Path folder = f.toAbsolutePath().getParent();
        return new SyncException(SyncException.Problem.CACHE,
                SyncText.of(SyncText.Key.DISK_FULL_BOOTSTRAP, Sqlite.size(needed), folder, free < 0 ? "?" : Sqlite.size(free)), cause);
    }

    /** Closes the connection and turns a full disk into {@link #diskFull}. */
    private SyncException diskFull(Exception cause) {
        closeApplier();
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        return diskFull(file, expectedRows, cause);
    }

    /** A generation is an opaque string on the wire; the cache keeps a stable number for it. */
    static long generationNumber(String generation) {
        long h = 1125899906842597L;
        for (int i = 0; i < generation.length(); i++) h = 31 * h + generation.charAt(i);
        return h;
    }

    Path file() {
        return file;
    }

    String cursor() {
        return cursor;
    }

    String phase() {
        return phase;
    }

    /** Applies one snapshot page and its cursor in one transaction, unless {@code bounds} refuse it. */
    PageApplier.Result applyPage(InputStream in, String generation, BooleanSupplier cancelled, PageApplier.Listener progress,
                                 PageBounds bounds) throws SyncException, SQLException {
        if (c.isClosed()) throw new SQLException("the bootstrap file " + file + " was closed after a full disk");
        if (applier == null) {
            applier = PageApplier.open(c, PageApplier.Mode.SNAPSHOT);
            StreamedRollups stream = rollups = new StreamedRollups(c);
            Entity obs = Entities.byName("observation");
            int kpi = index(obs, "kpi_id"), scope = index(obs, "scope_id"), period = index(obs, "period"), value = index(obs, "value"),
                    reported = index(obs, "reported_at"), verified = index(obs, "verified");
            applier.watch(obs.name(), row -> stream.observation((Long) row[kpi], (Long) row[scope], (Long) row[period], (Double) row[value],
                    (Long) row[reported], (Long) row[verified] != 0));
            Entity task = Entities.byName("task");
            int id = index(task, "id"), initiative = index(task, "initiative_id"), agency = index(task, "agency_id"),
                    locality = index(task, "locality_id"), deadline = index(task, "deadline"), completed = index(task, "completed_at");
            applier.watch(task.name(), row -> stream.task((Long) row[id], (Long) row[initiative], (Long) row[agency], (Long) row[locality],
                    (String) row[deadline], (String) row[completed]));
        }
        c.setAutoCommit(false);
        try {
            rollups.beginPage();
            PageApplier.Result r = applier.apply(in, cancelled, progress);
            rollups.pageDone();
            if (!Protocol.KIND_SNAPSHOT.equals(r.kind())) {
                throw new SyncException(SyncException.Problem.INVALID_PAGE, SyncText.Key.WRONG_KIND, "snapshot", r.kind());
            }
            if (!r.complete() && !r.hasMore()) {
                throw new SyncException(SyncException.Problem.INVALID_PAGE, SyncText.Key.SNAPSHOT_INCOMPLETE);
            }
            if (!generation.isEmpty() && !generation.equals(r.generation())) {
                throw new SyncException(SyncException.Problem.INVALID_PAGE, SyncText.Key.SNAPSHOT_GENERATION, r.generation(), generation);
            }
            bounds.check(r);
            ledger.snapshotPage(c, r.nextCursor(), r.complete(), r.rows());
            c.commit();
            c.setAutoCommit(true);
            applier.committed();
            cursor = r.nextCursor();
            if (r.complete()) phase = "loaded";
            return r;
        } catch (SyncException | SQLException | RuntimeException e) {
            // Quietly: after SQLITE_FULL SQLite has rolled back already, and the failing
            // rollback used to hide "disk full" behind "cannot commit - no transaction is active".
            Sqlite.rollbackQuietly(c, e);
            applier.rolledBack();
            rollups.rolledBack();
            if (Sqlite.isDiskFull(e)) throw diskFull(e);
            throw e;
        }
    }

    private static int index(Entity e, String field) {
        return e.fields().indexOf(e.field(field));
    }

    /** Builds rollups, indexes and triggers once over everything loaded; leaves the file ready to swap in. */
    long finish() throws SQLException, SyncException {
        long snapshotRows = snapshotRows();
        if ("ready".equals(phase)) return snapshotRows;
        closeApplier();
        c.setAutoCommit(false);
        try {
            BulkLoad.finish(c, file);
            ledger.snapshotReady(c, cursor, snapshotRows);
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL"); // as every cache is
            }
            // Written with synchronous=OFF: force it to disk before it may replace the user's cache.
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            } catch (IOException e) {
                throw new SQLException("cannot flush " + file + " to disk: " + e.getMessage(), e);
            }
            phase = "ready";
            return snapshotRows;
        } catch (SQLException | RuntimeException e) {
            Sqlite.rollbackQuietly(c, e);
            if (e instanceof SQLException se && Sqlite.isDiskFull(se)) throw diskFull(se);
            throw e;
        }
    }

    void closeApplier() {
        if (applier != null) applier.close();
        applier = null;
        if (rollups != null) rollups.closeStatements();
        rollups = null;
    }

    /** Deletes the file (after {@link #close}): its generation is gone from the server. */
    void discard() {
        try {
            deleteFiles(file);
        } catch (IOException ignored) {
            // the next bootstrap sees a foreign generation and starts again anyway
        }
    }

    /**
     * A bootstrap file and everything SQLite and the load keep beside it. The rollback journal
     * matters most: left behind by a page that was killed, it would be played back into the next
     * bootstrap file of the same name.
     */
    static void deleteFiles(Path f) throws IOException {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) Files.deleteIfExists(Path.of(f + suffix));
        Files.deleteIfExists(BulkLoad.sideFile(f));
    }

    long snapshotRows() throws SQLException {
        return ledger.snapshotRows(c);
    }

    @Override
    public void close() {
        closeApplier();
        try {
            if (c.isClosed()) return;
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            Files.deleteIfExists(BulkLoad.sideFile(file));
        } catch (IOException ignored) {
            // a scratch file; the next finish removes it
        }
    }
}
