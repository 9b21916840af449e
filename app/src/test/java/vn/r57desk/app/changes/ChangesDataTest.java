package vn.r57desk.app.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.nav.Place;
import vn.r57desk.server.ReferenceServer;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.query.ChangeSummary;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.sync.CacheHost;
import vn.r57desk.store.sync.SyncClient;

/** The Changes screen's data after real syncs under live reporting: it adds up to what the syncs reported. */
class ChangesDataTest {
    @TempDir Path dir;

    private static long sum(Map<String, long[]> changes, String entity) {
        long[] c = changes.get(entity);
        return c == null ? 0 : c[0] + c[1] + c[2];
    }

    @Test
    void whatASyncChangedAddsUpToItsReportAndTheSpanOfDaysIncludesIt() throws Exception {
        try (ReferenceServer server = ReferenceServer.start(new ReferenceServer.Config(dir.resolve("server"), Scale.DEMO, "127.0.0.1", 0,
                Map.of("t-1", "laptop"), true, null, null, 0, 57), line -> { });
             CacheHost.Simple host = CacheHost.of(dir.resolve("cache.db"))) {
            SyncClient client = SyncClient.create(server.uri().toString(), SyncClient.Options.defaults("t-1"));
            client.sync(host, SyncClient.Listener.NONE);
            server.churn(1500);
            SyncClient.Report r = client.sync(host, SyncClient.Listener.NONE);
            assertThat(r.deltaRows()).isEqualTo(1500);

            DrillDown dd = new DrillDown(host.cache());
            LocalDate today = dd.catalog().dataAsOf();
            ChangeSummary s = dd.changes(r.firstRunId(), r.lastRunId(), today);
            assertThat(s.span().reloaded()).isFalse();
            assertThat(s.tasks().total()).isEqualTo(sum(r.changes(), "task"));
            assertThat(s.tasks().completed()).isPositive();
            assertThat(s.kpis().stream().mapToLong(ChangeSummary.KpiMove::total).sum()).isEqualTo(sum(r.changes(), "observation"));
            assertThat(s.initiatives()).isNotEmpty();
            assertThat((long) s.initiatives().size()).isLessThanOrEqualTo(sum(r.changes(), "initiative"));
            assertThat(s.initiatives()).allSatisfy(m -> assertThat(m.newProgress()).isGreaterThan(m.oldProgress()));

            // the screen's span of days: the same changes, and the first sync's reload said so
            ChangeSummary day = new ChangesScreen().load(dd, new Place.Changes(1), today).summary();
            assertThat(day.tasks().total()).isGreaterThanOrEqualTo(s.tasks().total());
            assertThat(day.span().reloaded()).isTrue();
            assertThat(day.span().runs()).isGreaterThanOrEqualTo(2);

            // The tasks behind the counts, a page at a time; the KPI values behind theirs.
            ChangesScreen.Data since = new ChangesScreen().load(dd, new Place.Changes(1), today);
            assertThat(since.tasks().total()).isEqualTo(since.summary().tasks().total());
            assertThat(since.tasks().rows()).hasSize((int) Math.min(ChangesScreen.PAGE, since.tasks().total()));
            assertThat(since.values().total()).isEqualTo(since.summary().kpis().stream().mapToLong(ChangeSummary.KpiMove::total).sum());
            var completed = new ChangesScreen().load(dd, new Place.Changes(1, new Place.Changes.Rows(ChangeSummary.TaskKind.COMPLETED,
                    null, null, null, 0, 0)), today).tasks();
            assertThat(completed.total()).isEqualTo(since.summary().tasks().completed());
            assertThat(completed.rows()).allSatisfy(t -> {
                assertThat(t.kind()).isEqualTo(ChangeSummary.TaskKind.COMPLETED);
                assertThat(t.initiative()).as("a completed task opens its initiative").isNotNull();
            });
            long system = completed.rows().getFirst().initiative().systemId();
            var ofSystem = new ChangesScreen().load(dd, new Place.Changes(1, new Place.Changes.Rows(null, system, null, null, 0, 0)), today).tasks();
            assertThat(ofSystem.total()).isPositive().isLessThan(since.tasks().total());
            var page2 = new ChangesScreen().load(dd, new Place.Changes(1, new Place.Changes.Rows(null, null, null, null, ChangesScreen.PAGE, 0)), today).tasks();
            assertThat(page2.offset()).isEqualTo(ChangesScreen.PAGE);
            if (since.tasks().total() > ChangesScreen.PAGE) assertThat(page2.rows()).isNotEmpty();
        }
    }
}
