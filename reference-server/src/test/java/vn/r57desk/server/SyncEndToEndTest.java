package vn.r57desk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.sync.CacheHost;
import vn.r57desk.store.sync.Outbox;
import vn.r57desk.store.sync.SyncClient;
import vn.r57desk.store.sync.SyncException;

/** The client against the real reference server on loopback. */
class SyncEndToEndTest {
    @TempDir Path dir;

    @Test
    void bootstrapThenDeltaRoundsUnderChurnConvergeOnTheServersState() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options());
            server.churn(500); // changes made before the first sync arrive as deltas after the snapshot
            SyncClient.Report first = client.sync(host, SyncClient.Listener.NONE);
            assertThat(first.bootstrapped()).isTrue();
            assertThat(first.snapshotRows()).isEqualTo(server.snapshotRows());
            assertThat(first.deltaRows()).isEqualTo(500);
            assertThat(first.changes().get("dataset_info")).as("the data's as-of date moved to today").containsExactly(0, 1, 0, 0);
            assertThat(ServerFixture.checksums(host.cache().file())).isEqualTo(server.checksums());
            for (int round = 0; round < 4; round++) {
                server.churn(700 + round * 300);
                SyncClient.Report r = client.sync(host, SyncClient.Listener.NONE);
                assertThat(r.bootstrapped()).isFalse();
                assertThat(r.deltaPages()).isGreaterThanOrEqualTo(1);
                assertThat(ServerFixture.checksums(host.cache().file())).as("round " + round).isEqualTo(server.checksums());
            }
            assertThat(new vn.r57desk.store.query.DrillDown(host.cache()).catalog().dataAsOf())
                    .as("live reports arrive today").isEqualTo(java.time.LocalDate.now());
            List<List<String>> rollups = ServerFixture.rollupsAndRebuild(host.cache());
            assertThat(rollups.get(0)).as("rollups kept by the triggers through every delta").isEqualTo(rollups.get(1));
            SyncClient.Report idle = client.sync(host, SyncClient.Listener.NONE);
            assertThat(idle.deltaRows()).isZero();
        }
    }

    @Test
    void everyFaultSwitchIsRetriedAndTheCacheStillConverges() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options());
            List<String> notes = new ArrayList<>();
            List<SyncClient.Retry> retries = new ArrayList<>();
            SyncClient.Listener listener = new SyncClient.Listener() {
                @Override
                public void progress(SyncClient.Progress p) {}

                @Override
                public void note(String line) {
                    notes.add(line);
                }

                @Override
                public void retrying(SyncClient.Retry r) {
                    retries.add(r);
                }
            };
            for (Faults.Fault f : Faults.Fault.values()) server.faults().next(f, 1);
            server.faults().latency(20);
            client.sync(host, listener);
            server.faults().clear();
            assertThat(ServerFixture.checksums(host.cache().file())).isEqualTo(server.checksums());
            for (Faults.Fault f : Faults.Fault.values()) {
                server.churn(400);
                server.faults().next(f, 2);
                client.sync(host, listener);
                assertThat(ServerFixture.checksums(host.cache().file())).as("after " + f).isEqualTo(server.checksums());
            }
            assertThat(notes).as("each retry is noted, with what failed")
                    .anyMatch(n -> n.contains("failed (") && n.contains("trying again in ") && n.contains(" ms, attempt 2 of"))
                    .anyMatch(n -> n.contains("HTTP 503"));
            // and told to the listener as a fact a UI can show: what failed, which attempt, when
            assertThat(retries).hasSizeGreaterThanOrEqualTo(Faults.Fault.values().length)
                    .allSatisfy(r -> {
                        assertThat(r.problem().isTransient()).isTrue();
                        assertThat(r.nextAttempt()).isBetween(2, r.maxAttempts());
                        assertThat(r.pause()).isPositive().isLessThanOrEqualTo(ServerFixture.options().maxDelay());
                    })
                    .extracting(SyncClient.Retry::problem)
                    .contains(SyncException.Problem.SERVER, SyncException.Problem.NETWORK, SyncException.Problem.BROKEN_BODY);
            assertThat(retries).hasSameSizeAs(notes.stream().filter(n -> n.contains("trying again")).toList());
        }
    }

    @Test
    void faultsAtRandomRatesStillConverge() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient client = SyncClient.create(server.uri().toString(),
                    ServerFixture.options().withPageRows(5000).withRetries(30, Duration.ofMillis(5), Duration.ofMillis(40)));
            server.faults().rates(0.15, 0.15, 0.1, 0.1); // half the page requests fail, one way or another
            client.sync(host, SyncClient.Listener.NONE);
            server.churn(800);
            client.sync(host, SyncClient.Listener.NONE);
            server.faults().clear();
            assertThat(ServerFixture.checksums(host.cache().file())).isEqualTo(server.checksums());
        }
    }

    @Test
    void progressTellsThePhaseTheKindOfRowsAndTheBytesReceived() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options().withPageRows(5000));
            List<SyncClient.Progress> seen = new ArrayList<>();
            client.sync(host, seen::add);
            assertThat(seen).extracting(SyncClient.Progress::entity).contains("task", "observation");
            assertThat(seen).filteredOn(p -> p.phase() == SyncClient.Phase.SNAPSHOT).extracting(SyncClient.Progress::entity)
                    .contains("observation");
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).bytes()).as("bytes only grow").isGreaterThanOrEqualTo(seen.get(i - 1).bytes());
            }
            long total = seen.getLast().bytes();
            // compressed on the wire: far less than the rows would take as JSON, but not nothing
            assertThat(total).isGreaterThan(100_000).isLessThan(server.snapshotRows() * 60);
            server.churn(300);
            seen.clear();
            client.sync(host, seen::add);
            assertThat(seen.getFirst().bytes()).as("counted per sync").isZero();
            assertThat(seen.getLast().bytes()).isPositive().isLessThan(total);
        }
    }

    @Test
    void aReplayedDeltaFromTheRealServerChangesNothing() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options());
            client.sync(host, SyncClient.Listener.NONE);
            String cursor = host.cache().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT cursor FROM sync_state")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            server.churn(600);
            client.sync(host, SyncClient.Listener.NONE);
            Map<String, String> synced = ServerFixture.checksums(host.cache().file());
            // The cache forgets that it applied those pages (as if its cursor had not been saved):
            host.cache().writeAndWait(c -> {
                try (var ps = c.prepareStatement("UPDATE sync_state SET cursor = ?")) {
                    ps.setString(1, cursor);
                    ps.executeUpdate();
                }
                return null;
            });
            SyncClient.Report again = client.sync(host, SyncClient.Listener.NONE);
            assertThat(again.deltaRows()).isEqualTo(600);
            // Rows the cache has are "already had" (stale), never applied again. The only rows that go
            // in again are those the same changes later withdrew (a value reported, then withdrawn):
            // back in, then out again, as many of each; a tombstone of a row the cache lacks is a no-op.
            again.changes().forEach((entity, c) -> {
                // An entity without versions (the dataset's as-of date) is written again, to the same value.
                if (!vn.r57desk.store.sync.Entities.byName(entity).versioned()) return;
                assertThat(c[1]).as(entity + " updated").isZero();
                assertThat(c[0]).as(entity + " back in = withdrawn again").isEqualTo(c[2]);
            });
            assertThat(again.changes().values().stream().mapToLong(c -> c[3]).sum()).isGreaterThan(again.deltaRows() / 2);
            assertThat(ServerFixture.checksums(host.cache().file())).isEqualTo(synced).isEqualTo(server.checksums());
        }
    }

    @Test
    void aFaultThatPersistsGivesUpWithAClearMessageAndLeavesTheCacheAsItWas() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options());
            client.sync(host, SyncClient.Listener.NONE);
            Map<String, String> before = ServerFixture.checksums(host.cache().file());
            String[][] expected = {
                    {"DROP", "connection to the server broke"}, {"SERVER_ERROR", "HTTP 503"},
                    {"TRUNCATE", "cut short"}, {"MALFORM", "not valid JSON"}};
            for (String[] e : expected) {
                server.churn(300);
                server.faults().next(Faults.Fault.valueOf(e[0]), 100);
                assertThatThrownBy(() -> client.sync(host, SyncClient.Listener.NONE))
                        .isInstanceOf(SyncException.class)
                        .hasMessageContaining("failed 6 times; giving up")
                        .hasMessageContaining(e[1]);
                server.faults().clear();
                assertThat(ServerFixture.checksums(host.cache().file())).as("unchanged after " + e[0]).isEqualTo(before);
            }
            client.sync(host, SyncClient.Listener.NONE);
            assertThat(ServerFixture.checksums(host.cache().file())).isEqualTo(server.checksums());
        }
    }

    @Test
    void aSlowServerBeyondTheTimeoutIsReportedAndRetried() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient.Options o = ServerFixture.options();
            o = new SyncClient.Options(o.token(), o.pageRows(), 2, o.baseDelay(), o.maxDelay(), null, Duration.ofMillis(200));
            server.faults().latency(600);
            SyncClient client = SyncClient.create(server.uri().toString(), o);
            assertThatThrownBy(() -> client.sync(host, SyncClient.Listener.NONE))
                    .isInstanceOf(SyncException.class).hasMessageContaining("timed out");
            // Quick again: a client with the ordinary timeout syncs. (The 200 ms client against a
            // 50 ms latency has a margin a loaded CI machine can eat: no test may depend on its speed.)
            server.faults().latency(0);
            SyncClient.create(server.uri().toString(), ServerFixture.options()).sync(host, SyncClient.Listener.NONE);
            assertThat(ServerFixture.checksums(host.cache().file())).isEqualTo(server.checksums());
        }
    }

    @Test
    void outboxItemsArriveExactlyOnceAcrossRestartsAndLostReplies() throws Exception {
        Path cacheFile = dir.resolve("c.db");
        List<String> ids = new ArrayList<>();
        try (ReferenceServer server = ServerFixture.start()) {
            // Written offline, before the laptop ever synced; then the app is closed.
            try (CacheHost.Simple host = CacheHost.of(cacheFile)) {
                for (int i = 0; i < 3; i++) ids.add(Outbox.add(host.cache(), "note", "{\"text\":\"Ghi chú " + i + " về Hà Nội\"}"));
            }
            // The server is unreachable for the first attempt: nothing is lost, nothing is marked sent.
            try (CacheHost.Simple host = CacheHost.of(cacheFile)) {
                SyncClient dead = SyncClient.create("http://127.0.0.1:9/", ServerFixture.options());
                assertThatThrownBy(() -> dead.sync(host, SyncClient.Listener.NONE)).isInstanceOf(SyncException.class);
                assertThat(Outbox.list(host.cache())).allMatch(Outbox.Item::pending).hasSize(3);
            }
            // A reply lost after the server stored item 0: the client sends it again and the server says duplicate.
            server.outboxReceived();
            postDirectly(server, ids.get(0));
            try (CacheHost.Simple host = CacheHost.of(cacheFile)) {
                SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options());
                SyncClient.Report r = client.sync(host, SyncClient.Listener.NONE);
                assertThat(r.outboxAccepted()).isEqualTo(2);
                assertThat(r.outboxDuplicates()).isEqualTo(1);
                ids.add(Outbox.add(host.cache(), "feedback", "{\"text\":\"Đề nghị bổ sung số liệu\"}"));
                client.sync(host, SyncClient.Listener.NONE);
                assertThat(Outbox.list(host.cache())).noneMatch(Outbox.Item::pending).hasSize(4);
            }
            assertThat(server.outboxReceived().keySet()).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void outboxPushesThatFailOrLoseTheirReplyDeliverEachItemOnce() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options());
            client.sync(host, SyncClient.Listener.NONE);
            List<String> ids = new ArrayList<>();
            for (Faults.Fault f : Faults.Fault.values()) {
                ids.add(Outbox.add(host.cache(), "note", "{\"text\":\"Ghi chú khi " + f + "\"}"));
                ids.add(Outbox.add(host.cache(), "feedback", "{\"text\":\"Góp ý khi " + f + "\"}"));
                server.faults().nextOutbox(f, 1);
                SyncClient.Report r = client.sync(host, SyncClient.Listener.NONE);
                assertThat(Outbox.list(host.cache())).as(f.toString()).noneMatch(Outbox.Item::pending);
                if (f == Faults.Fault.SERVER_ERROR) {
                    assertThat(r.outboxAccepted()).as("refused first, then sent").isEqualTo(2);
                } else {
                    // stored by the first push, whose reply was lost: the second is told "duplicate"
                    assertThat(r.outboxDuplicates()).as(f.toString()).isEqualTo(2);
                }
            }
            assertThat(server.outboxReceived().keySet()).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void aLargeOutboxGoesInSeveralPushesWithinTheServersLimit() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            String big = "Ý kiến ".repeat(9_000); // ~63,000 characters, near the per-item limit
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 80; i++) ids.add(Outbox.add(host.cache(), "feedback", "{\"text\":\"" + i + " " + big + "\"}"));
            SyncClient.Report r = SyncClient.create(server.uri().toString(), ServerFixture.options()).sync(host, SyncClient.Listener.NONE);
            assertThat(r.outboxError()).isNull();
            assertThat(r.outboxAccepted()).isEqualTo(80);
            assertThat(server.outboxReceived().keySet()).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    private static void postDirectly(ReferenceServer server, String id) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var req = java.net.http.HttpRequest.newBuilder(server.uri().resolve("/v1/outbox"))
                .header("Authorization", "Bearer " + ServerFixture.TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"items\":[{\"id\":\"" + id
                        + "\",\"kind\":\"note\",\"payload\":{\"text\":\"Ghi chú 0 về Hà Nội\"}}]}")).build();
        assertThat(http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("accepted");
    }

    @Test
    void aRevokedDeviceWipesItsCacheAndOutboxAndSaysWhy() throws Exception {
        Path cacheFile = dir.resolve("c.db");
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(cacheFile)) {
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options());
            client.sync(host, SyncClient.Listener.NONE);
            Outbox.add(host.cache(), "note", "{\"text\":\"chưa gửi\"}");
            server.revoke(ServerFixture.TOKEN);
            assertThatThrownBy(() -> client.sync(host, SyncClient.Listener.NONE))
                    .isInstanceOf(SyncException.class)
                    .satisfies(e -> assertThat(((SyncException) e).problem()).isEqualTo(SyncException.Problem.REVOKED))
                    .hasMessageContaining("revoked")
                    .hasMessageContaining("1 unsent");
            assertThat(Files.exists(cacheFile)).isFalse();
            assertThat(server.outboxReceived()).isEmpty();
        }
    }

    @Test
    void aWrongTokenAndPlainHttpToAnotherHostAreRefusedClearly() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient.Options o = ServerFixture.options();
            SyncClient wrong = SyncClient.create(server.uri().toString(), new SyncClient.Options("nope", o.pageRows(), o.maxAttempts(),
                    o.baseDelay(), o.maxDelay(), null, o.readTimeout()));
            assertThatThrownBy(() -> wrong.sync(host, SyncClient.Listener.NONE)).isInstanceOf(SyncException.class)
                    .hasMessageContaining("refused this device's token");
            assertThat(Files.exists(host.cache().file())).isTrue();
        }
        assertThatThrownBy(() -> SyncClient.create("http://192.0.2.10:8557/", ServerFixture.options()))
                .isInstanceOf(SyncException.class).hasMessageContaining("Refusing plain HTTP to 192.0.2.10");
        assertThatThrownBy(() -> SyncClient.create("http://127.0.0.1.example.com/", ServerFixture.options()))
                .isInstanceOf(SyncException.class).hasMessageContaining("Refusing plain HTTP");
    }

    @Test
    void aNewServerGenerationMakesTheClientBootstrapAgain() throws Exception {
        Path cacheFile = dir.resolve("c.db");
        int port;
        try (ReferenceServer a = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(cacheFile)) {
            port = a.uri().getPort();
            SyncClient.create(a.uri().toString(), ServerFixture.options()).sync(host, SyncClient.Listener.NONE);
            host.cache().writeAndWait(c -> { // a private note must survive the re-bootstrap
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO notes (id, subject_kind, subject_code, body, created_at, updated_at)"
                            + " VALUES ('n1','system','SYS1','Ghi chú riêng','2026-11-24','2026-11-24')"); // anchored on the code since schema 3
                }
                return null;
            });
        }
        try (ReferenceServer b = ServerFixture.start(port); CacheHost.Simple host = CacheHost.of(cacheFile)) {
            b.churn(200);
            SyncClient.Report r = SyncClient.create(b.uri().toString(), ServerFixture.options()).sync(host, SyncClient.Listener.NONE);
            assertThat(r.bootstrapped()).isTrue();
            assertThat(ServerFixture.checksums(cacheFile)).isEqualTo(b.checksums());
            String note = host.cache().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT body FROM notes")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertThat(note).isEqualTo("Ghi chú riêng");
        }
    }

    @Test
    void cancellingStopsAtAPageBoundaryAndTheNextSyncResumes() throws Exception {
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(dir.resolve("c.db"))) {
            SyncClient client = SyncClient.create(server.uri().toString(), ServerFixture.options().withPageRows(1000));
            server.faults().latency(40);
            // Cancelled from the progress callback once 5,000 rows are in: the same point on any
            // machine (a second thread spinning on a plain field could miss it, or come too late on
            // a loaded machine, after the whole snapshot).
            assertThatThrownBy(() -> client.sync(host, p -> { if (p.rows() >= 5000) client.cancel(); }))
                    .isInstanceOf(SyncException.class)
                    .satisfies(e -> assertThat(((SyncException) e).problem()).isEqualTo(SyncException.Problem.CANCELLED));
            assertThat(Files.exists(Path.of(host.cache().file() + ".bootstrap"))).as("a bootstrap to resume").isTrue();
            server.faults().clear();
            client.sync(host, SyncClient.Listener.NONE);
            assertThat(ServerFixture.checksums(host.cache().file())).isEqualTo(server.checksums());
        }
    }
}
