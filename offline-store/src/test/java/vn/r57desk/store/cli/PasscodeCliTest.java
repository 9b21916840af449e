package vn.r57desk.store.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Sqlite;

/** Issue 24 item 5 from the command line: passcode set/change/status, and every data command with --passcode-file. */
class PasscodeCliTest {
    static final String NOTE = "Ghi chú riêng về tiến độ trung tâm dữ liệu";

    @TempDir Path dir;

    @AfterEach
    void lock() {
        Sqlite.forgetKeys(); // the CLI runs in this JVM here: it registered the folder's key
    }

    @Test
    void aFolderWithAPasscodeIsEncryptedAndOpensOnlyWithIt() throws Exception {
        Path home = dir.resolve("laptop");
        Files.createDirectories(home);
        String cache = home.resolve("cache.db").toString();
        Files.copy(DemoCacheFixture.demo(), Path.of(cache));
        assertThat(run("outbox", "add", "--cache", cache, "--text", NOTE).code()).isZero();
        Path pass = write("pass.txt", "mật mã của tôi 2026\n");
        Path other = write("other.txt", "một mật mã khác 2027\n");
        Path wrong = write("wrong.txt", "sai mật mã rồi\n");

        assertThat(run("passcode", "status", "--cache", cache).out()).contains("passcode: none", "NOT encrypted");
        CliTest.Run notSet = run("query", "overview", "--cache", cache, "--passcode-file", pass.toString());
        assertThat(notSet.code()).as("a passcode for a folder that has none").isEqualTo(19);
        assertThat(notSet.err()).contains("no passcode is set").doesNotContain("Exception");

        CliTest.Run set = run("passcode", "set", "--cache", cache, "--passcode-file", pass.toString());
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("passcode set", "If it is forgotten", "cannot be read", "synced again", "notes not yet sent are lost", "is encrypted");
        assertThat(set.err()).contains("encrypting: 1 of 1 files");
        assertThat(knownIn(home)).as("names and the note in the folder's bytes").isEmpty();
        assertThat(run("passcode", "set", "--cache", cache, "--passcode-file", other.toString()).code()).as("set twice").isEqualTo(19);

        // A device key made now is written encrypted, and only with the folder unlocked.
        assertThat(run("pack", "keygen", "--cache", cache, "--name", "Laptop 03").code()).as("keygen while locked").isEqualTo(23);
        CliTest.Run keygen = run("pack", "keygen", "--cache", cache, "--name", "Laptop 03", "--passcode-file", pass.toString());
        assertThat(keygen.code()).as(keygen.err()).isZero();
        assertThat(keygen.out()).contains("encrypted under the data folder's passcode");
        assertThat(Files.readString(home.resolve("keys/device.key"))).contains("r57-device-key-wrapped 1").doesNotContain("sign-private");
        Sqlite.forgetKeys();

        CliTest.Run locked = run("query", "overview", "--cache", cache);
        assertThat(locked.code()).isEqualTo(23);
        assertThat(locked.err()).contains("is encrypted", "--passcode-file").doesNotContain("Exception");
        assertThat(run("verify", cache).code()).isEqualTo(23);
        assertThat(run("outbox", "list", "--cache", cache).code()).isEqualTo(23);

        CliTest.Run q = run("query", "overview", "--cache", cache, "--passcode-file", pass.toString());
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(q.out()).isNotBlank();
        Sqlite.forgetKeys();
        CliTest.Run list = run("outbox", "list", "--cache", cache, "--passcode-file", pass.toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(NOTE);
        Sqlite.forgetKeys();
        assertThat(run("verify", cache, "--passcode-file", pass.toString()).out()).contains(": ok");
        Sqlite.forgetKeys();
        assertThat(run("passcode", "status", "--cache", cache).out()).contains("passcode: set", ": encrypted").doesNotContain("NOT encrypted");

        CliTest.Run change = run("passcode", "change", "--cache", cache, "--passcode-file", pass.toString(), "--new-passcode-file", other.toString());
        assertThat(change.code()).as(change.err()).isZero();
        assertThat(run("query", "overview", "--cache", cache, "--passcode-file", pass.toString()).code()).as("the old passcode").isEqualTo(21);
        Sqlite.forgetKeys();
        assertThat(run("query", "overview", "--cache", cache, "--passcode-file", other.toString()).code()).as("the new one").isZero();
        Sqlite.forgetKeys();

        // Wrong passcodes: refused and counted; after five in a row the next try must wait, and says so.
        for (int i = 0; i < 5; i++) {
            CliTest.Run w = run("query", "overview", "--cache", cache, "--passcode-file", wrong.toString());
            assertThat(w.code()).isEqualTo(21);
            assertThat(w.err()).contains("Wrong passcode").doesNotContain("Exception");
        }
        CliTest.Run later = run("query", "overview", "--cache", cache, "--passcode-file", other.toString());
        assertThat(later.code()).as("the right one after five wrong: the delay holds").isEqualTo(22);
        assertThat(later.err()).containsPattern("Try again in \\d+ s");
        assertThat(run("passcode", "status", "--cache", cache).out()).contains("wrong tries in a row: 5", "next try in");
        assertThat(knownIn(home)).isEmpty();
    }

    @Test
    void anInterruptedConversionIsFinishedByTheNextCommandWithThePasscode() throws Exception {
        Path home = dir.resolve("laptop");
        Files.createDirectories(home.resolve("packs"));
        String cache = home.resolve("cache.db").toString();
        Files.copy(DemoCacheFixture.demo(), Path.of(cache));
        Path pass = write("pass.txt", "mật mã của tôi 2026\n");
        assertThat(run("passcode", "set", "--cache", cache, "--passcode-file", pass.toString()).code()).isZero();
        // A plaintext database copied in afterwards (or left by a conversion cut short).
        Path copied = home.resolve("packs/0123456789abcdef.db");
        Files.copy(DemoCacheFixture.demo(), copied);
        assertThat(run("passcode", "status", "--cache", cache).code()).isEqualTo(4);
        CliTest.Run q = run("query", "overview", "--cache", copied.toString(), "--passcode-file", pass.toString());
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(q.err()).contains("still holds unencrypted data", "encrypting: 1 of 1 files");
        assertThat(Sqlite.isPlaintextDatabase(copied)).isFalse();
        assertThat(knownIn(home)).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private static List<String> knownIn(Path folder) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String k : List.of("Hà Nội", "Bộ Khoa học và Công nghệ", NOTE)) {
                    String needle = new String(k.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    if (text.contains(needle) && !found.contains(k)) found.add(f.getFileName() + ": " + k);
                }
            }
        }
        return found;
    }
}
