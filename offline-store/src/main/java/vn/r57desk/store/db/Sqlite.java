package vn.r57desk.store.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opening SQLite connections the one way this project does. */
public final class Sqlite {
    private Sqlite() {}

    /**
     * A plain connection to {@code file}. sqlite-jdbc by default prepares and runs
     * "SELECT last_insert_rowid()" after every INSERT for getGeneratedKeys(), which nothing here
     * uses: off, it halves the cost of a row in bulk loads.
     */
    public static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config().toProperties());
    }

    /** The base configuration; callers add their pragmas. */
    public static SQLiteConfig config() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setGetGeneratedKeys(false);
        return cfg;
    }

    /**
     * A connection that cannot write and creates nothing beside the file. Without a {@code -wal}
     * file beside it the file is complete on its own, so it is opened {@code immutable}: SQLite then
     * makes no {@code -wal}/{@code -shm} (a read-only probe of a WAL database otherwise leaves both
     * behind, and cannot open at all on a read-only or full disk). With a non-empty {@code -wal} the
     * file is opened read-only the ordinary way, so that the WAL's pages are read too.
     */
    public static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig cfg = config();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.READONLY);
        return DriverManager.getConnection(readOnlyUrl(file), cfg.toProperties());
    }

    static String readOnlyUrl(Path file) {
        Path abs = file.toAbsolutePath();
        if (walFrames(abs)) return "jdbc:sqlite:" + abs;
        // A URI filename: '?' and '#' in a path would otherwise start the query or fragment.
        String path = abs.toString().replace("%", "%25").replace("?", "%3f").replace("#", "%23").replace('\\', '/');
        if (!path.startsWith("/")) path = "/" + path; // Windows: file:/C:/…
        return "jdbc:sqlite:file:" + path + "?immutable=1";
    }

    /** A {@code -wal} file with something in it (an empty one, as a failed open leaves, holds no pages). */
    static boolean walFrames(Path file) {
        try {
            return Files.size(Path.of(file.toAbsolutePath() + "-wal")) > 0;
        } catch (IOException e) {
            return false; // none
        }
    }

    /**
     * SQLITE_FULL, here or as the cause of {@code e} (a page that names the row SQLite refused
     * keeps SQLite's error as its cause): the disk, or SQLite's own page limit, has no room left.
     */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException se && (se.getErrorCode() & 0xff) == 13) return true;
            if (t.getMessage() != null && t.getMessage().contains("SQLITE_FULL")) return true;
        }
        return false;
    }

    /** An I/O error from the file system saying it has no space left (ENOSPC). */
    public static boolean isDiskFull(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No space left");
    }

    /**
     * Rolls back and returns to autocommit without hiding {@code cause}. After SQLITE_FULL (and
     * some I/O errors) SQLite has already rolled the transaction back itself, so both calls fail
     * ("cannot rollback/commit - no transaction is active"): that used to replace the real reason.
     */
    public static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            if (!c.getAutoCommit()) c.rollback();
        } catch (SQLException e) {
            if (cause != null && cause != e) cause.addSuppressed(e);
        }
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (cause != null && cause != e) cause.addSuppressed(e);
        }
    }

    /** Free space where {@code file} lives, in bytes, or -1 when the file system does not say. */
    public static long freeSpace(Path file) {
        Path p = file.toAbsolutePath();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return -1;
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A size for people: "830 KB", "12.4 MB", "1.3 GB". */
    public static String size(long bytes) {
        if (bytes < 1024 * 1024) return Math.max(1, (bytes + 1023) / 1024) + " KB";
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
