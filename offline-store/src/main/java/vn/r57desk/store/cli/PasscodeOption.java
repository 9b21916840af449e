package vn.r57desk.store.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import picocli.CommandLine.Option;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.db.Sqlite;
import vn.r57desk.store.pack.AtRest;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.PackException;
import vn.r57desk.store.pack.PackWriter;
import vn.r57desk.store.pack.Passcode;

/**
 * {@code --passcode-file}, shared by every command that opens data (a picocli mixin): a data folder
 * with a passcode ({@code keys/data.key}) is encrypted at rest, and opens only with it
 * (docs/security.md, "Data at rest").
 */
final class PasscodeOption {
    @Option(names = "--passcode-file", paramLabel = "FILE",
            description = "a file holding the passcode of an encrypted data folder (see: passcode set); needed when the folder has one")
    Path passcodeFile;

    /**
     * The data folder {@code file} belongs to: the folder holding it, or for an imported pack
     * ({@code DIR/packs/ID.db}) the folder above, when that one has the keys.
     */
    static DataHome homeOf(Path file, Path keysDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (keysDir == null && parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("packs")
                && !Files.isDirectory(parent.resolve("keys")) && Files.isDirectory(parent.getParent().resolve("keys"))) {
            return DataHome.forCache(parent.getParent().resolve("cache.db"), null);
        }
        return DataHome.forCache(abs, keysDir);
    }

    /**
     * Said after a command brought national data into a folder without a passcode (sync, pack
     * import): the command went on (scripts and the office's own machines may rely on it), but the
     * data lies unencrypted, and this says so and how to protect it. The app refuses instead and
     * asks for a passcode first.
     */
    static void warnIfUnprotected(DataHome home, PrintWriter err) {
        if (!Passcode.in(home.keys().dir(), Clock.systemUTC()).isSet()) {
            err.println("warning: no passcode is set for " + home.root() + ": the data written there is not encrypted and anyone with"
                    + " this disk can read it. Protect it with: passcode set --cache " + home.cacheFile() + " --passcode-file FILE");
        }
    }

    /** Unlocks the data folder of {@code file} when it has a passcode; see {@link #unlock(DataHome, PrintWriter)}. */
    void unlock(Path file, Path keysDir, PrintWriter err) throws PackException, CacheException, IOException {
        unlock(homeOf(file, keysDir), err);
    }

    /**
     * When {@code home} has a passcode: reads it from {@code --passcode-file} (refused without one),
     * unlocks the data key (a wrong passcode is refused and counted; after several, the wait is
     * said), registers it for the folder, and finishes a conversion to encryption an interruption
     * left. A folder without a passcode opens as it is; {@code --passcode-file} for it is refused,
     * rather than silently writing plaintext where the user expects encryption.
     */
    void unlock(DataHome home, PrintWriter err) throws PackException, CacheException, IOException {
        Passcode pc = Passcode.in(home.keys().dir(), Clock.systemUTC());
        if (!pc.isSet()) {
            if (passcodeFile != null) {
                throw new PackException(PackException.Problem.KEYS, "Chưa đặt mật mã cho " + home.root() + ".",
                        "--passcode-file was given, but no passcode is set for the data in " + home.root()
                                + " (it is not encrypted; to encrypt it: passcode set --cache FILE --passcode-file FILE)");
            }
            return;
        }
        if (passcodeFile == null) {
            throw new PackException(PackException.Problem.LOCKED, "Dữ liệu trong " + home.root() + " được mã hóa; cần mật mã.",
                    "The data in " + home.root() + " is encrypted (a passcode is set in " + pc.keyFile()
                            + "): pass the passcode with --passcode-file FILE, a file holding it (one line)");
        }
        char[] code = PackWriter.readPassphrase(passcodeFile);
        try (Passcode.DataKey key = pc.unlock(code)) {
            java.util.Arrays.fill(code, '\0');
            AtRest.unlock(home, key);
            if (AtRest.hasPlaintext(home)) {
                err.println("note: " + home.root() + " still holds unencrypted data (a conversion was interrupted, or a file was copied in): encrypting it now");
                AtRest.encryptExisting(home, key, progress(err));
            }
        }
    }

    /** Progress lines of a conversion on standard error: one per file, and one every 10 % of the bytes. */
    static java.util.function.Consumer<AtRest.Progress> progress(PrintWriter err) {
        long[] lastTenth = {-1};
        return p -> {
            long tenth = p.bytes() == 0 ? 10 : p.bytesDone() * 10 / p.bytes();
            if (p.current() != null || tenth != lastTenth[0]) {
                err.printf(java.util.Locale.ROOT, "encrypting: %d of %d files, %s of %s%s%n", p.filesDone(), p.files(), p.bytesDone() == 0 ? "0 KB" : Sqlite.size(p.bytesDone()),
                        Sqlite.size(p.bytes()), p.current() == null ? "" : " (" + p.current().getFileName() + " done)");
                err.flush();
                lastTenth[0] = tenth;
            }
        };
    }
}
