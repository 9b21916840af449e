package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import picocli.CommandLine.Option;
import vn.r57desk.store.pack.AtRest;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.PackWriter;
import vn.r57desk.store.pack.Passcode;

/**
 * A benchmark's {@code --passcode-file}: its folder becomes an encrypted data folder through the
 * same path as a laptop's (Passcode, AtRest, Sqlite.encryptFolder), so that the figures are those
 * of encryption at rest. Unlike {@link PasscodeOption} it sets the passcode on the first run, and
 * converts (timing it) what an earlier plaintext run left: {@code atrest.convert_s}.
 */
final class BenchPasscode {
    interface Emit {
        void emit(String name, Object value, String unit);
    }

    @Option(names = "--passcode-file", paramLabel = "FILE",
            description = "run encrypted at rest: the folder gets this passcode (set on the first run) and what it holds is encrypted, timed")
    Path passcodeFile;

    void unlock(Path dir, PrintWriter err, Emit emit) throws Exception {
        DataHome home = DataHome.forCache(dir.resolve("cache.db"), null);
        Passcode pc = Passcode.in(home.keys().dir(), Clock.systemUTC());
        if (passcodeFile == null) {
            new PasscodeOption().unlock(home, err); // a folder with a passcode: refused without it
            return;
        }
        Files.createDirectories(dir);
        char[] code = PackWriter.readPassphrase(passcodeFile);
        long t0 = System.nanoTime();
        try (Passcode.DataKey key = pc.isSet() ? pc.unlock(code) : pc.set(code)) {
            emit.emit("atrest.unlock_ms", Math.round((System.nanoTime() - t0) / 1e5) / 10.0, "ms");
            AtRest.unlock(home, key);
            if (AtRest.hasPlaintext(home)) {
                long[] bytes = {0};
                long t1 = System.nanoTime();
                AtRest.encryptExisting(home, key, p -> bytes[0] = p.bytes());
                emit.emit("atrest.convert_s", Math.round((System.nanoTime() - t1) / 1e7) / 100.0, "s");
                emit.emit("atrest.convert_mb", Math.round(bytes[0] / 104857.6) / 10.0, "MB");
            }
        } finally {
            Arrays.fill(code, '\0');
        }
    }
}
