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
        Path pem = certificate("server", "localhost", "SAN=dns:localhost,ip:127.0.0.1");
        try (ReferenceServer server = httpsServer("server"); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
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
        Path pem = certificate("other", "monitoring.example.vn", "SAN=dns:monitoring.example.vn");
        try (ReferenceServer server = httpsServer("other"); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            // trusted, but issued for another name than the one connected to: refused all the same
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options().withTrustedCertificate(pem));
            assertThatThrownBy(() -> client.sync(host, SyncClient.Listener.NONE))
                    .isInstanceOf(SyncException.class)
                    .satisfies(e -> assertThat(((SyncException) e).problem()).isEqualTo(SyncException.Problem.INSECURE))
                    .hasMessageContaining("does not match").hasMessageContaining("127.0.0.1 not verified");
        }
    }

    /** A key pair for {@code cn} with {@code san} in {@code name}.p12; returns its certificate as PEM. */
    private Path certificate(String name, String cn, String san) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "r57", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + cn + ", O=R57 Desk test", "-ext", san,
                "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "r57", "-keystore", ks.toString(), "-storepass", "changeit", "-file", pem.toString());
        return pem;
    }

    /** The reference server on HTTPS with the key pair {@link #certificate} made in {@code name}.p12. */
    private ReferenceServer httpsServer(String name) throws Exception {
        return ReferenceServer.start(new ReferenceServer.Config(ServerFixture.dataDir(), Scale.DEMO, "127.0.0.1", 0,
                Map.of(ServerFixture.TOKEN, "laptop-1"), true, dir.resolve(name + ".p12"), "changeit".toCharArray(), 0, 57), line -> {});
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
