package vn.r57desk.store.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether a file may be opened as a cache, reading it only: the header bytes first, then a
 * read-only SQLite connection. Nothing here can modify the file or create one beside it, so a
 * foreign, newer or damaged file is left exactly as it was, with nothing new next to it.
 */
public final class CacheProbe {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** What a file holds. */
    public enum Kind { MISSING, EMPTY, CACHE }

    public record Result(Kind kind, int schemaVersion) {}

    private CacheProbe() {}

    public static Result inspect(Path file) throws CacheException {
        if (!Files.exists(file)) return new Result(Kind.MISSING, 0);
        if (Files.isDirectory(file)) {
            throw new CacheException(CacheException.Problem.NOT_A_DATABASE, file, file + " is a folder, not a cache file");
        }
        long size;
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new CacheException(CacheException.Problem.IO, file, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) return new Result(Kind.EMPTY, 0);
        if (Sqlite.encrypted(file)) return probeThroughSqlite(file, 0, 0); // the header is ciphertext
        if (read < MAGIC.length || !startsWithMagic(header)) {
            throw new CacheException(CacheException.Problem.NOT_A_DATABASE, file,
                    file + " is not an R57 Desk cache: it is not an SQLite database (its first bytes are not 'SQLite format 3')");
        }
        if (read < 100) {
            throw new CacheException(CacheException.Problem.DAMAGED, file,
                    file + " is damaged: the file ends inside its 100-byte header (" + size + " bytes)");
        }
        ByteBuffer h = ByteBuffer.wrap(header); // SQLite's header is big-endian
        int pageSize = Short.toUnsignedInt(h.getShort(16));
        if (pageSize == 1) pageSize = 65536;
        boolean walPresent = Files.exists(Path.of(file + "-wal"));
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new CacheException(CacheException.Problem.DAMAGED, file, file + " is damaged: invalid page size " + pageSize);
        }
        long headerPages = Integer.toUnsignedLong(h.getInt(28));
        boolean headerPagesValid = h.getInt(24) == h.getInt(92) && headerPages > 0;
        if (!walPresent && (size % pageSize != 0 || (headerPagesValid && headerPages * pageSize > size))) {
            long expected = headerPagesValid ? headerPages * pageSize : -1;
            throw new CacheException(CacheException.Problem.DAMAGED, file, file + " is damaged: it is truncated ("
                    + size + " bytes" + (expected > 0 ? ", its header says " + expected : "") + ")");
        }
        int userVersion = h.getInt(60);
        int applicationId = h.getInt(68);

        // The header of the main file can lag behind a WAL that was not checkpointed, so confirm the
        // identity through SQLite too, still read-only.
        return probeThroughSqlite(file, applicationId, userVersion);
    }

    private static Result probeThroughSqlite(Path file, int applicationId, int userVersion) throws CacheException {
        try (Connection c = openReadOnly(file); Statement st = c.createStatement()) {
            applicationId = pragmaInt(st, "application_id");
            userVersion = pragmaInt(st, "user_version");
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            if (applicationId != Schema.APPLICATION_ID) {
                if (applicationId == 0 && userVersion == 0 && tables.isEmpty()) return new Result(Kind.EMPTY, 0);
                throw new CacheException(CacheException.Problem.FOREIGN_DATABASE, file, file
                        + " is not an R57 Desk cache: it is an SQLite database of another program (application id "
                        + String.format("0x%08x", applicationId) + ", " + tables.size() + " tables)");
            }
            if (userVersion > Schema.latestVersion()) {
                throw new CacheException(CacheException.Problem.NEWER_SCHEMA, file, file
                        + " was written by a newer R57 Desk (cache schema " + userVersion + "; this version knows up to "
                        + Schema.latestVersion() + "). It was left unchanged: update R57 Desk to open it.");
            }
            if (userVersion == Schema.latestVersion()) {
                for (String t : Schema.requiredTables()) {
                    if (!tables.contains(t)) {
                        throw new CacheException(CacheException.Problem.DAMAGED, file,
                                file + " is damaged: table '" + t + "' is missing");
                    }
                }
            }
            return new Result(Kind.CACHE, userVersion);
        } catch (SQLException e) {
            throw CacheException.from(e, file, "open");
        }
    }

    /** Creates nothing beside the file (no -wal, no -shm): see {@link Sqlite#openReadOnly}. */
    static Connection openReadOnly(Path file) throws SQLException {
        return Sqlite.openReadOnly(file);
    }

    static int pragmaInt(Statement st, String pragma) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean startsWithMagic(byte[] header) {
        for (int i = 0; i < MAGIC.length; i++) if (header[i] != MAGIC[i]) return false;
        return true;
    }
}
