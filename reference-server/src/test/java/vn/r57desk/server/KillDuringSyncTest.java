package vn.r57desk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.sync.CacheHost;
import vn.r57desk.store.sync.SyncClient;

/**
 * The client process killed with SIGKILL at random moments of a sync, many times, while the server
 * keeps changing and notes wait in the outbox: after each kill the cache opens and is consistent, a
 * bootstrap resumes instead of starting over, the next sync converges on the server's state, and
 * every note reaches the server once.
 */
class KillDuringSyncTest {
    private static final int PAGE_ROWS = 500;
    @TempDir Path dir;

    @Test
    void killedAtRandomPointsTheCacheStaysConsistentAndConverges() throws Exception {
        Path cacheFile = dir.resolve("killed.db");
        SplittableRandom rnd = new SplittableRandom(20261124);
        int kills = 0;
        List<String> notes = new ArrayList<>();
        try (ReferenceServer server = ServerFixture.start()) {
            for (int i = 0; i < 12; i++) {
                if (i % 3 == 1) notes.add(note(cacheFile, i));
                Process p = client(server, cacheFile);
                long delay = 250 + rnd.nextLong(1500);
                if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback by the JVM
                    kills++;
                }
                p.waitFor();
                assertConsistent(cacheFile);
                server.churn(150 + rnd.nextInt(300));
            }
            assertThat(kills).as("the test must actually kill syncs").isGreaterThanOrEqualTo(6);
            // A bootstrap that was cut many times was resumed, not restarted: at most a page or two per kill again.
            long served = server.snapshotRowsServed();
            try (CacheHost.Simple host = CacheHost.of(cacheFile)) {
                SyncClient.create(server.uri().toString(), ServerFixture.options()).sync(host, SyncClient.Listener.NONE);
                served = server.snapshotRowsServed();
                assertThat(ServerFixture.checksums(cacheFile)).isEqualTo(server.checksums());
                List<List<String>> rollups = ServerFixture.rollupsAndRebuild(host.cache());
                assertThat(rollups.get(0)).isEqualTo(rollups.get(1));
            }
            assertThat(served).isLessThanOrEqualTo(server.snapshotRows() + (long) (kills + 1) * 2 * PAGE_ROWS);

            // Now killed while changes arrive (pages of deltas), and each time the next sync converges.
            int deltaKills = 0;
            for (int i = 0; i < 6; i++) {
                notes.add(note(cacheFile, 100 + i));
                server.churn(4000);
                Process p = client(server, cacheFile);
                if (!p.waitFor(400 + rnd.nextLong(1200), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    deltaKills++;
                }
                p.waitFor();
                assertConsistent(cacheFile);
                try (CacheHost.Simple host = CacheHost.of(cacheFile)) {
                    SyncClient.Report r = SyncClient.create(server.uri().toString(), ServerFixture.options()).sync(host, SyncClient.Listener.NONE);
                    assertThat(r.bootstrapped()).as("round " + i + ": a killed delta resumes from its cursor").isFalse();
                    assertThat(ServerFixture.checksums(cacheFile)).as("round " + i).isEqualTo(server.checksums());
                    assertThat(vn.r57desk.store.sync.Outbox.list(host.cache())).as("round " + i).noneMatch(vn.r57desk.store.sync.Outbox.Item::pending);
                }
            }
            assertThat(deltaKills).as("the test must actually kill delta syncs").isGreaterThanOrEqualTo(3);
            assertThat(server.outboxReceived().keySet()).as("every note arrived, once").containsExactlyInAnyOrderElementsOf(notes);
        }
    }

    /** A note written while no sync runs (the app open between syncs); returns its id. */
    private static String note(Path cacheFile, int n) throws Exception {
        try (CacheHost.Simple host = CacheHost.of(cacheFile)) {
            return vn.r57desk.store.sync.Outbox.add(host.cache(), "note", "{\"text\":\"Ghi chú " + n + "\"}");
        }
    }

    private static Process client(ReferenceServer server, Path cacheFile) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, "vn.r57desk.store.cli.R57Cli", "sync",
                "--server", server.uri().toString(), "--cache", cacheFile.toString(), "--token", ServerFixture.TOKEN,
                "--page-rows", Integer.toString(PAGE_ROWS)));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The cache opens (migrating or not) with no integrity or reference problem; so does a bootstrap in progress. */
    private static void assertConsistent(Path cacheFile) throws Exception {
        if (Files.exists(cacheFile)) {
            try (Cache c = Cache.openExisting(cacheFile)) {
                assertThat(c.integrityProblems()).isEmpty();
            }
        }
        Path boot = Path.of(cacheFile + ".bootstrap");
        if (Files.exists(boot)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + boot.toAbsolutePath());
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }
}
