package vn.r57desk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.cli.R57Cli;

/** {@code sync} and {@code outbox} from the command line, against the real reference server on loopback. */
class SyncCliTest {
    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = R57Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void syncPrintsWhatChangedAndOutboxListSaysWhatWasSent() throws Exception {
        try (ReferenceServer server = ServerFixture.start()) {
            String cache = dir.resolve("c.db").toString();
            Run add = run("outbox", "add", "--cache", cache, "--text", "Ghi chú về Hà Nội", "--about", "initiative:1");
            assertThat(add.code()).as(add.err()).isZero();
            assertThat(run("outbox", "list", "--cache", cache).out()).contains("1 waiting, 0 sent");

            Run first = run("sync", "--server", server.uri().toString(), "--cache", cache, "--token", ServerFixture.TOKEN, "--progress");
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out()).contains("snapshot:").contains(String.format(java.util.Locale.ROOT, "%,d rows", server.snapshotRows()))
                    .contains("outbox:   1 sent");
            assertThat(first.err()).contains("snapshot: ").contains("(observation)").contains("MB received");
            assertThat(run("outbox", "list", "--cache", cache).out()).contains("0 waiting, 1 sent").contains("(accepted)");

            server.churn(300);
            Run delta = run("sync", "--server", server.uri().toString(), "--cache", cache, "--token", ServerFixture.TOKEN);
            assertThat(delta.code()).as(delta.err()).isZero();
            assertThat(delta.out()).contains("changes:  300 rows").containsPattern("observation\\s+[\\d,]+ new");
            assertThat(ServerFixture.checksums(Path.of(cache))).isEqualTo(server.checksums());
        }
    }

    @Test
    void exitCodesTellATokenRefusedFromARevokedDevice() throws Exception {
        try (ReferenceServer server = ServerFixture.start()) {
            String cache = dir.resolve("c.db").toString();
            Run wrong = run("sync", "--server", server.uri().toString(), "--cache", cache, "--token", "nope");
            assertThat(wrong.code()).isEqualTo(7);
            assertThat(wrong.err()).startsWith("error: ").contains("token");
            assertThat(run("sync", "--server", server.uri().toString(), "--cache", cache, "--token", ServerFixture.TOKEN).code()).isZero();
            // an imported pack's data and this device's key: a revoked device keeps neither
            var home = vn.r57desk.store.pack.DataHome.forCache(Path.of(cache), null);
            home.keys().generate("laptop", false);
            java.nio.file.Files.createDirectories(home.packsDir());
            java.nio.file.Files.writeString(home.packsDir().resolve("0123456789abcdef.db"), "pack data");
            server.revoke(ServerFixture.TOKEN);
            Run revoked = run("sync", "--server", server.uri().toString(), "--cache", cache, "--token", ServerFixture.TOKEN);
            assertThat(revoked.code()).isEqualTo(6);
            assertThat(revoked.err()).contains("revoked").contains("deleted").contains("packs");
            assertThat(java.nio.file.Files.exists(Path.of(cache))).isFalse();
            assertThat(home.packsDir().resolve("0123456789abcdef.db")).doesNotExist();
            assertThat(home.keys().deviceKeyFile()).doesNotExist();
            Run insecure = run("sync", "--server", "http://192.0.2.1:8557/", "--cache", cache);
            assertThat(insecure.code()).isEqualTo(7);
            assertThat(insecure.err()).contains("Refusing plain HTTP");
            Run noScheme = run("sync", "--server", "127.0.0.1:8557", "--cache", cache, "--token", ServerFixture.TOKEN);
            assertThat(noScheme.code()).isEqualTo(7);
            assertThat(noScheme.err()).contains("\"127.0.0.1:8557\" is not an http:// or https:// address");
        }
    }
}
