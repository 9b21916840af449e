package vn.r57desk.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.Rollups;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.sync.Checksums;
import vn.r57desk.store.sync.SyncClient;

/** A reference server on loopback over the demo dataset, generated once per test JVM. */
final class ServerFixture {
    static final String TOKEN = "test-token";
    private static Path dataDir;

    private ServerFixture() {}

    static synchronized Path dataDir() throws Exception {
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("r57-server-test");
            dataDir.toFile().deleteOnExit();
        }
        return dataDir;
    }

    /** A server with a new generation (every test starts from the same base, with an empty change log). */
    static ReferenceServer start() throws Exception {
        return start(0);
    }

    static ReferenceServer start(int port) throws Exception {
        return ReferenceServer.start(new ReferenceServer.Config(dataDir(), Scale.DEMO, "127.0.0.1", port,
                Map.of(TOKEN, "laptop-1", "other-token", "laptop-2"), true, null, null, 0, 57), line -> {});
    }

    /** Quick retries, small pages: many pages and many retries in a short test. */
    static SyncClient.Options options() {
        return SyncClient.Options.defaults(TOKEN).withPageRows(3000).withRetries(6, Duration.ofMillis(5), Duration.ofMillis(40));
    }

    static Map<String, String> checksums(Path cache) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cache.toAbsolutePath())) {
            return Checksums.of(c);
        }
    }

    /** The cache's trigger-kept rollups, and the same rebuilt from scratch: equal when consistent. */
    static List<List<String>> rollupsAndRebuild(Cache cache) throws Exception {
        List<String> live = cache.read(Rollups::contents);
        cache.writeAndWait(c -> {
            Rollups.dropTriggers(c);
            Rollups.rebuildAll(c);
            Rollups.restoreTriggers(c);
            return null;
        });
        return List.of(live, cache.read(Rollups::contents));
    }
}
