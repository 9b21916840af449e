package vn.r57desk.store.db;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A cache problem a user can act on. {@link #problem()} lets the UI pick a message in the user's
 * language; {@link #getMessage()} is a complete English sentence naming the file and the cause.
 */
public final class CacheException extends Exception {
    public enum Problem {
        /** The file is not an SQLite database at all. */
        NOT_A_DATABASE,
        /** An SQLite database, but not an R57 Desk cache. */
        FOREIGN_DATABASE,
        /** Written by a newer R57 Desk; this version must not touch it. */
        NEWER_SCHEMA,
        /** Truncated or corrupt. */
        DAMAGED,
        /** Another program holds the cache. */
        LOCKED,
        /** The disk is full or the file is read-only. */
        NOT_WRITABLE,
        /** Anything else SQLite or the file system reported. */
        IO
    }

    private final Problem problem;
    private final Path file;

    public CacheException(Problem problem, Path file, String message) {
        this(problem, file, message, null);
    }

    public CacheException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    /** Classifies an SQLite error by its primary result code. */
    public static CacheException from(SQLException e, Path file, String doing) {
        int code = e.getErrorCode() & 0xff;
        Problem p = switch (code) {
            case 11 -> Problem.DAMAGED;        // SQLITE_CORRUPT
            case 26 -> Problem.NOT_A_DATABASE; // SQLITE_NOTADB
            case 5, 6 -> Problem.LOCKED;       // SQLITE_BUSY, SQLITE_LOCKED
            case 8, 13 -> Problem.NOT_WRITABLE; // SQLITE_READONLY, SQLITE_FULL
            default -> Problem.IO;
        };
        String what = switch (p) {
            case DAMAGED -> "the cache file is damaged";
            case NOT_A_DATABASE -> "the file is not an SQLite database";
            case LOCKED -> "the cache is in use by another program";
            case NOT_WRITABLE -> code == 13 ? diskFull(file) : "the cache file or its folder is read-only";
            default -> "SQLite reported an error";
        };
        return new CacheException(p, file, "Cannot " + doing + " " + file + ": " + what + " (" + e.getMessage() + ")", e);
    }

    /** "the disk is full (12 KB free in /home/…/r57)": said instead of SQLite's wording. */
    public static String diskFull(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        long free = Sqlite.freeSpace(file);
        return "the disk is full" + (free >= 0 ? " (" + Sqlite.size(free) + " free in " + folder + ")" : "");
    }
}
