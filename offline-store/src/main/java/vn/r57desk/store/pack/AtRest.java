package vn.r57desk.store.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.db.Sqlite;

/**
 * Switching a data folder that already holds plaintext data to encryption at rest (issue 24 item 5;
 * docs/security.md, "Data at rest"). The app calls {@link #encryptExisting} right after
 * {@link Passcode#set} on a laptop that already has data, with every dataset closed, and
 * {@link #hasPlaintext} at start to offer (or finish) the conversion.
 *
 * <p>Each plaintext database file {@code F} in the data folder or its {@code packs/} (the synced
 * cache with its notes and outbox, the demo cache, {@code packs/*.db}, a bootstrap in progress) is converted in steps that a crash can stop
 * anywhere, and that a second run finishes:
 * <ol>
 * <li>{@code F} is read (read-only: its {@code -wal} is neither checkpointed nor deleted) and an
 *     encrypted copy written to {@code F.atrest-tmp}, fsynced and checked with the key, then renamed
 *     to {@code F.atrest}: from here on the encrypted copy is complete and authoritative.</li>
 * <li>a hard link {@code F.plaintext} keeps the plaintext file's blocks reachable, so that they can be
 *     overwritten after the rename;</li>
 * <li>{@code F-wal}, {@code F-shm} and {@code F-journal} are overwritten with zeros, flushed and
 *     deleted;</li>
 * <li>{@code F.atrest} is renamed over {@code F} (atomic) and the folder flushed;</li>
 * <li>{@code F.plaintext} is overwritten with zeros, flushed and deleted.</li>
 * </ol>
 * The imported packs' descriptions ({@code packs/ID.json}) are then sealed and the device key
 * ({@code keys/device.key}) wrapped under the data key, each the same way (a link to the
 * plaintext, the sealed file renamed over it, the link overwritten and deleted).
 *
 * <p>After a crash the data is in {@code F} (plaintext, steps 1–2) or {@code F.atrest} (encrypted,
 * steps 3–4) or {@code F} (encrypted, step 5), never in neither; {@link #hasPlaintext} is then true
 * and {@link #encryptExisting} finishes. What a file system may keep of overwritten blocks (an SSD's
 * remapped pages, a journaling or copy-on-write file system, snapshots, backups) is beyond a
 * program's reach: docs/security.md says so.
 */
public final class AtRest {
    /** Progress of a conversion: files and bytes done of the total, for a progress bar. */
    public record Progress(int filesDone, int files, long bytesDone, long bytes, Path current) {}

    /** Test hook: called with the step about to run ("copy", "link", "shred-side", "rename", "shred-plain") and the file; may throw to simulate a crash. */
    interface Hook {
        void before(String step, Path file) throws IOException;
    }

    static final String COPY = ".atrest";
    static final String TMP = ".atrest-tmp";
    static final String PLAIN = ".plaintext";
    /** A link to a hot rollback journal SQLite deletes while the copy is made (its old pages are plaintext). */
    static final String JOURNAL_PLAIN = ".journal-plaintext";
    private static final String[] SIDE = {"-wal", "-shm", "-journal"};

    private AtRest() {}

    /**
     * Whether the data folder holds a plaintext database, or a conversion that did not finish: the
     * app then offers {@link #encryptExisting} (or runs it straight away when a passcode is set).
     */
    public static boolean hasPlaintext(DataHome home) throws CacheException {
        for (Path f : candidates(home)) {
            if (Sqlite.isPlaintextDatabase(f) || unfinished(f)) return true;
        }
        try {
            if (!home.plaintextDescriptions().isEmpty()) return true;
        } catch (IOException e) {
            throw new CacheException(CacheException.Problem.IO, home.packsDir(), "Cannot read the packs' descriptions in " + home.packsDir() + ": " + e.getMessage(), e);
        }
        return plaintextDeviceKey(home);
    }

    /**
     * Unlocks the data folder for this process: its databases open encrypted under {@code key}
     * and the device key can be read and written (wrapped under it). The app calls this after
     * {@link Passcode#unlock} (or {@link Passcode#set}); {@code Sqlite.forgetKeys()} locks again.
     */
    public static void unlock(DataHome home, Passcode.DataKey key) {
        byte[] k = key.bytes();
        try {
            Sqlite.encryptFolder(home.root(), k);
            Path keys = home.keys().dir().toAbsolutePath().normalize();
            if (!keys.startsWith(home.root().toAbsolutePath().normalize())) Sqlite.encryptFolder(keys, k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private static boolean plaintextDeviceKey(DataHome home) throws CacheException {
        Path f = home.keys().deviceKeyFile();
        try {
            return DeviceKey.isPlaintext(f) || Files.exists(side(f, PLAIN));
        } catch (PackException e) {
            throw new CacheException(CacheException.Problem.IO, f, e.getMessage(), e);
        }
    }

    /**
     * Encrypts every plaintext database under the data folder with {@code key}, leaving no
     * plaintext file behind (see the class comment for the steps), and finishes a conversion a
     * crash interrupted. Every dataset must be closed. Afterwards the caller registers the key
     * ({@code Sqlite.encryptFolder(home.root(), key.bytes())}) if it has not yet.
     */
    public static void encryptExisting(DataHome home, Passcode.DataKey key, Consumer<Progress> progress) throws CacheException {
        encryptExisting(home, key, progress, (step, file) -> {});
    }

    static void encryptExisting(DataHome home, Passcode.DataKey key, Consumer<Progress> progress, Hook hook) throws CacheException {
        List<Path> todo = new ArrayList<>();
        long total = 0;
        for (Path f : candidates(home)) {
            if (Sqlite.isPlaintextDatabase(f) || unfinished(f)) {
                todo.add(f);
                total += size(f) + size(side(f, "-wal"));
            }
        }
        long done = 0;
        int files = 0;
        progress.accept(new Progress(0, todo.size(), 0, total, null));
        byte[] k = key.bytes();
        try {
            for (Path f : todo) {
                long bytes = size(f) + size(side(f, "-wal"));
                long free = Sqlite.freeSpace(f);
                if (free >= 0 && free < bytes + bytes / 50 + (1 << 20)) {
                    throw new CacheException(CacheException.Problem.NOT_WRITABLE, f, "Not enough free disk space to encrypt " + f + ": it needs "
                            + Sqlite.size(bytes + bytes / 50) + " for the encrypted copy, " + Sqlite.size(free) + " is free. Nothing was changed; free some space and run it again");
                }
                try {
                    convert(f, k, hook);
                } catch (SQLException e) {
                    throw CacheException.from(e, f, "encrypt");
                } catch (IOException e) {
                    throw new CacheException(Sqlite.isDiskFull(e) ? CacheException.Problem.NOT_WRITABLE : CacheException.Problem.IO, f,
                            "Cannot encrypt " + f + ": " + e.getMessage() + ". The data is intact; run the conversion again", e);
                }
                done += bytes;
                files++;
                progress.accept(new Progress(files, todo.size(), done, total, f));
            }
            // The packs' descriptions (their scope names a ministry or a province): sealed.
            try {
                home.sealDescriptions(k);
            } catch (PackException | IOException e) {
                throw new CacheException(CacheException.Problem.IO, home.packsDir(), "Cannot encrypt the packs' descriptions in " + home.packsDir()
                        + ": " + e.getMessage() + ". Run the conversion again", e);
            }
            // The device's private keys: wrapped under the data key (its public half stays readable).
            Path deviceKey = home.keys().deviceKeyFile();
            try {
                DeviceKey.wrapExisting(deviceKey, k);
            } catch (PackException | IOException e) {
                throw new CacheException(CacheException.Problem.IO, deviceKey, "Cannot encrypt the device key " + deviceKey + ": " + e.getMessage()
                        + ". Run the conversion again", e);
            }
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** Converts one file from whatever step a previous run reached. */
    private static void convert(Path f, byte[] key, Hook hook) throws IOException, SQLException {
        Path copy = side(f, COPY), tmp = side(f, TMP), plain = side(f, PLAIN);
        DataHome.shred(tmp); // a copy a crash cut short: written again below
        if (!Files.exists(copy) && Sqlite.isPlaintextDatabase(f)) {
            // A plaintext file with an encrypted copy of an earlier attempt's F.plaintext link: that
            // link is this same file (or an older one): drop the link, the file is converted anew.
            if (Files.exists(plain)) unlinkOrShred(plain, f);
            Path journal = side(f, "-journal"), journalLink = side(f, JOURNAL_PLAIN);
            if (Files.exists(journal) && !Files.exists(journalLink)) {
                // A hot journal is rolled back (and deleted) by SQLite during the copy: a link keeps
                // its blocks (the old pages, plaintext) to be overwritten afterwards.
                try {
                    Files.createLink(journalLink, journal);
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    // its bytes are then freed by SQLite, not overwritten: docs/security.md
                }
            }
            hook.before("copy", f);
            Sqlite.encryptedCopy(f, tmp, key);
            KeyFiles.move(tmp, copy);
        }
        if (Files.exists(copy)) {
            if (Sqlite.isPlaintextDatabase(f) && !Files.exists(plain)) {
                hook.before("link", f);
                try {
                    Files.createLink(plain, f);
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    // Without hard links (some file systems) the plaintext is overwritten in place
                    // before the rename: F is then zeros until the rename, and F.atrest holds the data.
                    hook.before("zero-in-place", f);
                    DataHome.overwrite(f);
                }
            }
            for (String s : SIDE) {
                hook.before("shred-side", side(f, s));
                DataHome.shred(side(f, s));
            }
            hook.before("rename", f);
            KeyFiles.move(copy, f);
        }
        if (Files.exists(plain)) {
            hook.before("shred-plain", plain);
            DataHome.shred(plain);
        }
        DataHome.shred(side(f, JOURNAL_PLAIN));
    }

    /** {@code link} when it is the same file as {@code f}: only the name goes (overwriting it would zero {@code f}). */
    private static void unlinkOrShred(Path link, Path f) throws IOException {
        if (Files.isSameFile(link, f)) Files.delete(link);
        else DataHome.shred(link);
    }

    /** A conversion a crash interrupted: its side files are there. */
    private static boolean unfinished(Path f) {
        return Files.exists(side(f, COPY)) || Files.exists(side(f, PLAIN)) || Files.exists(side(f, TMP)) || Files.exists(side(f, JOURNAL_PLAIN));
    }

    /**
     * The database files of the data folder: the files in it and in {@code packs/} (not deeper: a
     * CLI user's data folder may be any folder), except the SQLite side files and this class's
     * own, plus the names of conversions left unfinished (whose F may be gone while F.atrest exists).
     */
    static List<Path> candidates(DataHome home) throws CacheException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(home.root())) return out;
        List<Path> files = new ArrayList<>();
        try {
            for (Path d : new Path[] {home.root(), home.packsDir()}) {
                if (!Files.isDirectory(d)) continue;
                try (Stream<Path> s = Files.list(d)) {
                    files.addAll(s.filter(Files::isRegularFile).toList());
                }
            }
        } catch (IOException e) {
            throw new CacheException(CacheException.Problem.IO, home.root(), "Cannot list the data folder " + home.root() + ": " + e.getMessage(), e);
        }
        for (Path p : files) {
            String n = p.getFileName().toString();
            Path f = p;
            for (String suffix : new String[] {COPY, TMP, PLAIN, JOURNAL_PLAIN}) {
                if (n.endsWith(suffix)) f = p.resolveSibling(n.substring(0, n.length() - suffix.length()));
            }
            if (f == p && (n.endsWith("-wal") || n.endsWith("-shm") || n.endsWith("-journal"))) continue;
            if (!out.contains(f) && (f != p || Sqlite.isPlaintextDatabase(f) || unfinished(f))) out.add(f);
        }
        out.sort(null);
        return out;
    }

    static Path side(Path f, String suffix) {
        return f.resolveSibling(f.getFileName() + suffix);
    }

    private static long size(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
