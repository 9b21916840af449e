package vn.r57desk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.sync.CacheHost;
import vn.r57desk.store.sync.SyncClient;
import vn.r57desk.store.sync.SyncException;

/** HTTPS with a keystore: a certificate the client does not trust is refused; trusted, the sync works. */
class TlsSyncTest {
    @TempDir Path dir;

    @Test
    void anUntrustedCertificateIsRefusedAndATrustedOneWorks() throws Exception {
        Path ks = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "r57", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost, O=R57 Desk test", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "r57", "-keystore", ks.toString(), "-storepass", "changeit", "-file", pem.toString());
        try (ReferenceServer server = ReferenceServer.start(new ReferenceServer.Config(ServerFixture.dataDir(), Scale.DEMO, "127.0.0.1", 0,
                Map.of(ServerFixture.TOKEN, "laptop-1"), true, ks, "changeit".toCharArray(), 0, 57), line -> {});
             CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            SyncClient untrusting = SyncClient.create(server.uri().toString(), ServerFixture.options());
            assertThatThrownBy(() -> untrusting.sync(host, SyncClient.Listener.NONE))
                    .isInstanceOf(SyncException.class)
                    .satisfies(e -> assertThat(((SyncException) e).problem()).isEqualTo(SyncException.Problem.INSECURE))
                    .hasMessageContaining("certificate is not trusted");
            SyncClient trusting = SyncClient.create(server.uri().toString(), ServerFixture.options().withTrustedCertificate(pem));
            trusting.sync(host, SyncClient.Listener.NONE);
            assertThat(ServerFixture.checksums(host.cache().file())).isEqualTo(server.checksums());
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        Path ks = dir.resolve("other.p12");
        Path pem = dir.resolve("other.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "r57", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=monitoring.example.vn, O=R57 Desk test", "-ext", "SAN=dns:monitoring.example.vn",
                "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "r57", "-keystore", ks.toString(), "-storepass", "changeit", "-file", pem.toString());
        try (ReferenceServer server = ReferenceServer.start(new ReferenceServer.Config(ServerFixture.dataDir(), Scale.DEMO, "127.0.0.1", 0,
                Map.of(ServerFixture.TOKEN, "laptop-1"), true, ks, "changeit".toCharArray(), 0, 57), line -> {});
             CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            // trusted, but issued for another name than the one connected to: refused all the same
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options().withTrustedCertificate(pem));
            assertThatThrownBy(() -> client.sync(host, SyncClient.Listener.NONE))
                    .isInstanceOf(SyncException.class)
                    .satisfies(e -> assertThat(((SyncException) e).problem()).isEqualTo(SyncException.Problem.INSECURE))
                    .hasMessageContaining("does not match").hasMessageContaining("127.0.0.1 not verified");
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
