package vn.r57desk.store.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opening SQLite connections the one way this project does, and the one place that decides whether
 * a file is encrypted at rest: a file inside a folder given to {@link #encryptFolder} is opened with
 * that folder's data key (SQLite3 Multiple Ciphers, ChaCha20-Poly1305 on every page of the file,
 * its WAL and its journal; docs/security.md, "Data at rest"), the demo data in it included; any
 * other file (the reference server's, a benchmark's without {@code --passcode-file}) is plain SQLite.
 */
public final class Sqlite {
    /** Absolute, normalized data folder → its data key in hex. Empty while the app is locked. */
    private static final Map<Path, String> FOLDER_KEYS = new ConcurrentHashMap<>();

    private Sqlite() {}

    /** Whether the SQLite on the class path can encrypt (SQLite3 Multiple Ciphers, the project's driver; xerial's cannot). */
    public static boolean canEncrypt() {
        try {
            Class.forName("org.sqlite.mc.SQLiteMCConfig", false, Sqlite.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * From now on every database file inside {@code folder} (and its sub-folders: imported packs) is
     * opened encrypted under {@code dataKey} (32 bytes; copied). Refused, loudly, when this build's
     * SQLite cannot encrypt: a key silently ignored would write plaintext.
     */
    public static void encryptFolder(Path folder, byte[] dataKey) {
        if (dataKey.length != 32) throw new IllegalArgumentException("a data key has 32 bytes");
        if (!canEncrypt()) {
            throw new IllegalStateException("This build's SQLite cannot encrypt (xerial's driver): build with SQLite3 Multiple Ciphers");
        }
        FOLDER_KEYS.put(folder.toAbsolutePath().normalize(), HexFormat.of().formatHex(dataKey));
    }

    /** Forgets every data key (the app locks); connections already open stay open until closed. */
    public static void forgetKeys() {
        FOLDER_KEYS.clear();
    }

    /** The data key (hex) {@code file} is encrypted under, or null for a plain file. */
    static String keyFor(Path file) {
        if (FOLDER_KEYS.isEmpty()) return null;
        Path p = file.toAbsolutePath().normalize();
        for (Map.Entry<Path, String> e : FOLDER_KEYS.entrySet()) {
            if (p.startsWith(e.getKey())) return e.getValue();
        }
        return null;
    }

    /** The first 16 bytes of every plaintext SQLite database; an encrypted one starts with its random salt. */
    private static final byte[] PLAIN_HEADER = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Whether {@code file} is a plaintext SQLite database (its header readable); false for an encrypted, empty or missing file. */
    public static boolean isPlaintextDatabase(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(PLAIN_HEADER.length), PLAIN_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes an encrypted copy of the plaintext database {@code plain} (with what its WAL holds) to
     * {@code target} under {@code dataKey}, fsyncs it and checks it opens with the key and passes
     * {@code PRAGMA quick_check}. {@code plain} is read only: SQLite neither checkpoints nor deletes
     * its {@code -wal} (its plaintext stays where it was until the caller shreds it), and no
     * temporary file is written ({@code temp_store = MEMORY}). {@code target} must not exist.
     */
    public static void encryptedCopy(Path plain, Path target, byte[] dataKey) throws SQLException, IOException {
        if (dataKey.length != 32) throw new IllegalArgumentException("a data key has 32 bytes");
        if (Files.exists(target)) throw new IOException(target + " exists");
        String hex = HexFormat.of().formatHex(dataKey);
        Path journal = Path.of(plain.toAbsolutePath() + "-journal");
        if (Files.exists(journal) && Files.size(journal) > 0) {
            // A hot rollback journal (a write cut short, e.g. a bootstrap killed): a read-only
            // connection cannot roll it back, and an immutable one would copy the half-written
            // pages. A writable plaintext connection rolls it back on its first read.
            SQLiteConfig rw = new SQLiteConfig();
            rw.setTempStore(SQLiteConfig.TempStore.MEMORY);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain.toAbsolutePath(), rw.toProperties());
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
        }
        // The source's own connection, without any key (its folder may already be registered).
        SQLiteConfig src = new SQLiteConfig();
        src.setReadOnly(true);
        src.setOpenMode(SQLiteOpenMode.READONLY);
        src.setOpenMode(SQLiteOpenMode.OPEN_URI);
        src.setTempStore(SQLiteConfig.TempStore.MEMORY);
        try (Connection c = DriverManager.getConnection(readOnlyUrl(plain), src.toProperties()); Statement st = c.createStatement()) {
            // The same cipher settings as config(): ChaCha20-Poly1305 with the raw key, as a URI the
            // attached target of VACUUM INTO is opened with (SQLite3 Multiple Ciphers reads them there).
            String uri = "file:" + uriPath(target) + "?cipher=chacha20&legacy=0&kdf_iter=64007&key=raw:" + hex;
            st.execute("VACUUM INTO '" + uri.replace("'", "''") + "'");
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        if (isPlaintextDatabase(target)) throw new SQLException("the copy of " + plain + " was written unencrypted");
        Properties p = keyed(new Properties(), hex);
        SQLiteConfig cfg = new SQLiteConfig(p);
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.READONLY);
        try (Connection c = checked(DriverManager.getConnection(readOnlyUrl(target), cfg.toProperties()), true);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String r = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(r)) throw new SQLException("the encrypted copy of " + plain + " fails its check: " + r);
        }
    }

    /** {@code file} as the path of a URI filename: '%', '?' and '#' escaped, '/' separators, a leading '/'. */
    private static String uriPath(Path file) {
        String path = file.toAbsolutePath().toString().replace("%", "%25").replace("?", "%3f").replace("#", "%23").replace('\\', '/');
        return path.startsWith("/") ? path : "/" + path;
    }

    /**
     * The data key of the folder {@code file} is in (a copy; the caller overwrites it after use), or
     * null when none is registered (no passcode, or locked). The device key's wrapping uses it.
     */
    public static byte[] dataKeyFor(Path file) {
        String hex = null;
        Path p = file.toAbsolutePath().normalize();
        for (Map.Entry<Path, String> e : FOLDER_KEYS.entrySet()) {
            if (p.startsWith(e.getKey())) hex = e.getValue();
        }
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }

    /** Whether {@code file} is opened encrypted (its header is then ciphertext, not "SQLite format 3"). */
    public static boolean encrypted(Path file) {
        return keyFor(file) != null;
    }

    /**
     * A connection to {@code file}. sqlite-jdbc by default prepares and runs
     * "SELECT last_insert_rowid()" after every INSERT for getGeneratedKeys(), which nothing here
     * uses: off, it halves the cost of a row in bulk loads.
     */
    public static Connection open(Path file) throws SQLException {
        return connect(file, config(file));
    }

    /** Opens {@code file} with {@code cfg} (from {@link #config(Path)} plus the caller's pragmas). */
    public static Connection connect(Path file, SQLiteConfig cfg) throws SQLException {
        return checked(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties()), keyFor(file) != null);
    }

    /** The base configuration of {@code file} (with its data key if it has one); callers add their pragmas. */
    public static SQLiteConfig config(Path file) {
        Properties p = new Properties();
        String key = keyFor(file);
        if (key != null) keyed(p, key);
        SQLiteConfig cfg = new SQLiteConfig(p);
        // setGetGeneratedKeys exists from xerial 3.43; the older driver (willena 3.40) never runs the
        // extra query, so there is nothing to switch off there.
        try {
            SQLiteConfig.class.getMethod("setGetGeneratedKeys", boolean.class).invoke(cfg, false);
        } catch (ReflectiveOperationException absentInOlderDrivers) {
            // nothing to do
        }
        return cfg;
    }

    /** The properties that open a file encrypted under {@code key} (64 hex digits). */
    private static Properties keyed(Properties p, String key) {
        if (!key.matches("[0-9a-fA-F]{64}")) throw new IllegalArgumentException("a data key is 64 hex digits");
        // What SQLiteMCChacha20Config.withRawUnsaltedKey(key) produces, as plain properties so
        // the configuration stays in one place: the raw key is used as is (no KDF at each
        // open: the passcode's PBKDF2 ran once, when the data key was unwrapped).
        p.setProperty("config_class_name", "org.sqlite.mc.SQLiteMCConfig");
        p.setProperty("cipher", "chacha20");
        p.setProperty("legacy", "0");
        p.setProperty("legacy_page_size", "4096");
        p.setProperty("kdf_iter", "64007");
        p.setProperty("key", "raw:" + key);
        p.setProperty("password", "raw:" + key);
        // Temporary files (sorts, indexes, VACUUM) would be written unencrypted, outside the
        // data folder: keep them in memory.
        p.setProperty("temp_store", "MEMORY");
        return p;
    }

    /**
     * A connection that cannot write and creates nothing beside the file. Without a {@code -wal}
     * file beside it the file is complete on its own, so it is opened {@code immutable}: SQLite then
     * makes no {@code -wal}/{@code -shm} (a read-only probe of a WAL database otherwise leaves both
     * behind, and cannot open at all on a read-only or full disk). With a non-empty {@code -wal} the
     * file is opened read-only the ordinary way, so that the WAL's pages are read too.
     */
    public static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig cfg = config(file);
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.READONLY);
        return checked(DriverManager.getConnection(readOnlyUrl(file), cfg.toProperties()), keyFor(file) != null);
    }

    static String readOnlyUrl(Path file) {
        Path abs = file.toAbsolutePath();
        if (walFrames(abs)) return "jdbc:sqlite:" + abs;
        // A URI filename: '?' and '#' in a path would otherwise start the query or fragment.
        return "jdbc:sqlite:file:" + uriPath(abs) + "?immutable=1"; // Windows: file:/C:/…
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

    /**
     * A key the driver silently ignores would leave the file plaintext (willena's issues 14, 22), so
     * a keyed connection must prove that the cipher is on before anything is written.
     */
    private static Connection checked(Connection c, boolean keyed) throws SQLException {
        if (!keyed) return c;
        // "PRAGMA cipher" answers chacha20 on a plain connection too; only an active codec has a salt.
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT sqlite3mc_codec_data('cipher_salt')")) {
            if (!rs.next() || rs.getString(1) == null) throw new SQLException("no codec on this connection");
        } catch (SQLException e) {
            c.close();
            throw new SQLException("a data key is set but this SQLite does not encrypt (" + e.getMessage() + ")", e);
        }
        return c;
    }
}
