package vn.r57desk.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.query.Results.*;

/** Answers from the rollups equal the same numbers counted straight from the base tables. */
class DrillDownTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final PeriodRange RANGE = PeriodRange.programmeTo(TODAY);
    static Cache cache;
    static DrillDown dd;

    @BeforeAll
    static void open() throws Exception {
        cache = Cache.openExisting(DemoCacheFixture.demo());
        dd = new DrillDown(cache);
    }

    @AfterAll
    static void close() {
        cache.close();
    }

    private long count(String sql, Object... args) throws Exception {
        return cache.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void nationalTaskCountsMatchTheTasksTable() throws Exception {
        Overview o = dd.overview(TODAY, RANGE);
        String t = TODAY.toString();
        String inRange = "deadline >= '2025-01-01' AND deadline < '2026-12-01'";
        assertThat(o.tasks().overdue()).isEqualTo(count("SELECT count(*) FROM tasks WHERE completed_at IS NULL AND deadline < ? AND " + inRange, t));
        // today + 30 / + 90 included (docs/metrics.md)
        assertThat(o.tasks().dueIn30()).isEqualTo(count("SELECT count(*) FROM tasks WHERE completed_at IS NULL AND deadline >= ? AND deadline <= ?",
                t, TODAY.plusDays(30).toString()));
        assertThat(o.tasks().dueIn90()).isEqualTo(count("SELECT count(*) FROM tasks WHERE completed_at IS NULL AND deadline >= ? AND deadline <= ?",
                t, TODAY.plusDays(90).toString()));
        assertThat(o.tasks().dueByToday()).isEqualTo(count("SELECT count(*) FROM tasks WHERE deadline < ? AND " + inRange, t));
        assertThat(o.tasks().onTimeByToday()).isEqualTo(count(
                "SELECT count(*) FROM tasks WHERE deadline < ? AND completed_at <= deadline AND " + inRange, t));
        assertThat(o.tasks().total()).isEqualTo(count("SELECT count(*) FROM tasks WHERE " + inRange));
        assertThat(o.demo()).isTrue();
        assertThat(o.headline()).hasSize(6);
        assertThat(o.bySystem()).hasSize(6);
        assertThat(o.bySystem().stream().mapToInt(StatusCount::total).sum()).isEqualTo(30);
    }

    @Test
    void aRangeEndingMidMonthCountsOnlyDeadlinesInIt() throws Exception {
        PeriodRange r = new PeriodRange(YearMonth.of(2025, 6), YearMonth.of(2026, 2));
        LocalDate today = LocalDate.of(2026, 1, 17);
        TaskCounts tc = dd.overview(today, r).tasks();
        assertThat(tc.total()).isEqualTo(count("SELECT count(*) FROM tasks WHERE deadline >= '2025-06-01' AND deadline < '2026-03-01'"));
        assertThat(tc.dueByToday()).isEqualTo(count("SELECT count(*) FROM tasks WHERE deadline >= '2025-06-01' AND deadline < '2026-01-17'"));
    }

    @Test
    void provinceAndCommuneCountsMatch() throws Exception {
        long hanoi = dd.localityIdByCode("01");
        List<LocalityRow> communes = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 3) { // small pages: the paging itself is under test
            CommunePage page = dd.communes(hanoi, kpi("R57-04"), TODAY, RANGE, DrillDown.CommuneOrder.CODE, offset, 3);
            assertThat(page.total()).isEqualTo((int) count("SELECT count(*) FROM localities WHERE parent_id = ?", hanoi));
            communes.addAll(page.rows());
            if (page.rows().size() < 3) break;
        }
        assertThat(communes).hasSize((int) count("SELECT count(*) FROM localities WHERE parent_id = ?", hanoi));
        assertThat(communes).extracting(r -> r.locality().code()).isSorted().doesNotHaveDuplicates();
        List<LocalityRow> worstFirst = dd.communes(hanoi, kpi("R57-04"), TODAY, RANGE, DrillDown.CommuneOrder.VALUE_ASC, 0, 100).rows();
        assertThat(worstFirst).extracting(r -> r.kpi().value()).isSortedAccordingTo(java.util.Comparator.nullsLast(Double::compare));
        long communeOverdue = communes.stream().mapToLong(r -> r.tasks().overdue()).sum();
        assertThat(communeOverdue).isEqualTo(count("SELECT count(*) FROM tasks t JOIN localities l ON l.id = t.locality_id "
                + "WHERE l.parent_id = ? AND completed_at IS NULL AND deadline < ?", hanoi, TODAY.toString()));
        LocalityRow hn = dd.provinces(kpi("R57-04"), TODAY, RANGE).stream().filter(r -> r.locality().code().equals("01")).findFirst().orElseThrow();
        assertThat(hn.tasks().overdue()).isEqualTo(count("SELECT count(*) FROM tasks t JOIN localities l ON l.id = t.locality_id "
                + "WHERE (l.id = ? OR l.parent_id = ?) AND completed_at IS NULL AND deadline < ?", hanoi, hanoi, TODAY.toString()));
        assertThat(hn.locality().name().vi()).isEqualTo("Hà Nội");
        assertThat(hn.kpi().value()).isNotNull();
        assertThat(hn.reportingTimeliness()).isBetween(0.0, 1.0);
    }

    @Test
    void kpiStatusUsesTheLatestValueInTheRange() throws Exception {
        long k = kpi("R57-01");
        long national = dd.catalog().nationalScope();
        KpiSeries all = dd.kpiSeries(k, national, RANGE);
        assertThat(all.points()).isNotEmpty();
        assertThat(all.status().value()).isEqualTo(all.points().getLast().value());
        PeriodRange early = new PeriodRange(YearMonth.of(2025, 1), YearMonth.of(2025, 6));
        KpiSeries part = dd.kpiSeries(k, national, early);
        assertThat(part.points()).allMatch(p -> p.period() <= 202506);
        assertThat(part.status().period()).isEqualTo(part.points().getLast().period());
        assertThat(part.trajectoryStart().value()).isEqualTo(14.02);
        assertThat(part.trajectoryEnd().value()).isEqualTo(30.0);
    }

    @Test
    void deadlinesAndRankingsCoverEveryMinistryAndProvince() throws Exception {
        List<DeadlineRow> byProvince = dd.rankings().deadlinesByProvince(TODAY);
        assertThat(byProvince).hasSize(34);
        assertThat(byProvince).isSortedAccordingTo((a, b) -> Long.compare(b.counts().overdue(), a.counts().overdue()));
        List<RankRow> provinces = dd.rankings().rankProvinces(TODAY);
        assertThat(provinces).hasSize(34);
        assertThat(provinces.getFirst().rank()).isEqualTo(1);
        assertThat(provinces).isSortedAccordingTo((a, b) -> Double.compare(b.index(), a.index()));
        assertThat(provinces.getFirst().parts()).hasSize(3);
        List<RankRow> ministries = dd.rankings().rankMinistries(TODAY);
        assertThat(ministries).hasSize(dd.catalog().ministries().size());
    }

    @Test
    void drillsFromSystemToInitiativeToTasks() throws Exception {
        var system = dd.catalog().systemList().get(3);
        List<InitiativeRow> rows = dd.initiatives(system.id(), null, TODAY, RANGE);
        assertThat(rows).hasSize(5);
        InitiativeDetail d = dd.initiative(rows.getFirst().initiative().id(), TODAY, RANGE);
        assertThat(d.system().code()).isEqualTo("SYS4");
        assertThat(d.coordinators()).isNotEmpty();
        List<TaskRow> tasks = dd.tasks(DrillDown.TaskOwner.INITIATIVE, d.row().initiative().id(), TODAY, 20);
        assertThat(tasks).hasSizeLessThanOrEqualTo(20).isNotEmpty();
        // Overdue first.
        boolean seenNotOverdue = false;
        for (TaskRow t : tasks) {
            if (!t.overdue()) seenNotOverdue = true;
            else assertThat(seenNotOverdue).as("overdue tasks come first").isFalse();
        }
        assertThat(d.row().tasks().total()).isEqualTo(count(
                "SELECT count(*) FROM tasks WHERE initiative_id = ? AND deadline >= '2025-01-01' AND deadline < '2026-12-01'",
                d.row().initiative().id()));
    }

    @Test
    void ministryGridAndStatusCountsAgreeWithTheInitiatives() throws Exception {
        List<GridCell> grid = dd.ministryGrid(TODAY);
        assertThat(grid).hasSize(dd.catalog().ministries().size() * 6);
        int leadsAndCoordinations = grid.stream().mapToInt(g -> g.counts().values().stream().mapToInt(Integer::intValue).sum()).sum();
        // Every lead and every coordination: the followed agencies include every one given work (VAST, NIC).
        long expected = count("SELECT count(*) FROM initiatives") + count("SELECT count(*) FROM initiative_coordinators");
        assertThat(leadsAndCoordinations).isEqualTo(expected);
        assertThat(dd.catalog().ministries()).extracting(vn.r57desk.store.model.Agency::code).contains("VAST", "NIC").doesNotContain("NSO");
        assertThat(dd.statusByProvince(TODAY)).hasSize(34).allSatisfy(s -> assertThat(s.total()).isPositive());
        assertThat(dd.statusByMinistry(TODAY).stream().mapToInt(StatusCount::total).sum()).isEqualTo(30);
        assertThat(Rag.values()).contains(Rag.NO_DATA);
    }

    @Test
    void communeSearchIgnoresCaseAndDiacritics() throws Exception {
        String name = cache.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT name_vi FROM localities WHERE level = 'commune' ORDER BY code LIMIT 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
        String folded = vn.r57desk.store.text.VietnameseText.fold(name).toUpperCase(java.util.Locale.ROOT);
        var found = dd.searchCommunes(folded, 20);
        assertThat(found).extracting(l -> l.name().vi()).contains(name);
        assertThat(found).allSatisfy(l -> assertThat(vn.r57desk.store.text.VietnameseText.matches(l.name().vi(), folded)).isTrue());
        assertThat(dd.searchCommunes("   ", 20)).isEmpty();
        assertThat(dd.searchCommunes("zzzz qqqq", 20)).isEmpty();
        assertThat(vn.r57desk.store.text.VietnameseText.matches("Hà Nội", "ha noi")).isTrue();
        assertThat(vn.r57desk.store.text.VietnameseText.matches("Đà Nẵng", "da nang")).isTrue();
    }

    @Test
    void unknownIdsAreClearErrors() {
        assertThatThrownBy(() -> dd.initiative(9999, TODAY, RANGE)).hasMessageContaining("no initiative with id 9999");
        assertThatThrownBy(() -> dd.localityIdByCode("99")).hasMessageContaining("unknown locality code '99'");
    }

    private long kpi(String code) {
        return dd.catalog().kpis().values().stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow().id();
    }
}
