package vn.r57desk.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.TinyData;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.metrics.RankingIndex.Component;
import vn.r57desk.store.model.Agency;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.query.Results.*;

/**
 * The figures of docs/metrics.md on datasets small enough to compute by hand: each test builds its
 * rows, and the comments give the arithmetic the assertions check.
 */
class FiguresTest {
    @TempDir Path dir;
    TinyData d;
    long sys;

    @BeforeEach
    void open() throws Exception {
        d = TinyData.create(dir);
        sys = d.system("SYS1");
    }

    @AfterEach
    void close() {
        d.close();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Double part(RankRow r, Component c) {
        return r.parts().stream().filter(p -> p.component() == c).findFirst().orElseThrow().value();
    }

    private static RankRow row(List<RankRow> rows, String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    // ---- reporting timeliness ----------------------------------------------------------------------

    @Test
    void timelinessCountsOnlyReportsOfMonthsThatAreDue() throws Exception {
        long most = d.agency("MOST", "ministry", true);
        long k = d.kpi("K1", sys, "higher_is_better", null, null, 50.0, ">=50", "national,agency", false);
        d.report(k, d.scopeOf(most), 202501, 10, day("2025-02-11")); // due 10 Feb: one day late
        d.report(k, d.scopeOf(most), 202502, 11, day("2025-02-28")); // due 10 Mar: on time
        var rk = d.drillDown().rankings();
        // 1 Mar 2025: only January is due (10 Feb); February's report (due 10 Mar) counts in neither
        // side. Expected 1 KPI × 1 month = 1; received on time for January: 0 → 0 %.
        // (Before: (2 received − 1 late) ÷ 1 = 100 %.)
        assertThat(part(row(rk.rankMinistries(day("2025-03-01")), "MOST"), Component.REPORTING_TIMELINESS)).isEqualTo(0.0);
        // 10 Mar 2025: January and February are due → expected 2; on time: February → 1 ÷ 2 = 50 %.
        assertThat(part(row(rk.rankMinistries(day("2025-03-10")), "MOST"), Component.REPORTING_TIMELINESS)).isEqualTo(0.5);
        // 9 Feb 2025: nothing due yet → no timeliness (left out of the index), whatever was received.
        assertThat(part(row(rk.rankMinistries(day("2025-02-09")), "MOST"), Component.REPORTING_TIMELINESS)).isNull();
        // The range picks the months: February alone, as of 10 Mar → 1 on time ÷ 1 expected = 100 %.
        PeriodRange feb = new PeriodRange(YearMonth.of(2025, 2), YearMonth.of(2025, 2));
        assertThat(part(row(rk.rankMinistries(day("2025-03-10"), feb), "MOST"), Component.REPORTING_TIMELINESS)).isEqualTo(1.0);
    }

    @Test
    void aProvincesTimelinessCountsEachCommuneReportAsMuchAsItsOwn() throws Exception {
        long p = d.province("01");
        long a = d.commune("01-001", p);
        d.commune("01-002", p);
        long k2 = d.kpi("K2", sys, "higher_is_better", null, null, 50.0, ">=50", "province,commune", false);
        long k3 = d.kpi("K3", sys, "higher_is_better", null, null, 50.0, ">=50", "commune", false);
        for (int m = 1; m <= 3; m++) {
            int period = 202500 + m;
            LocalDate onTime = YearMonth.of(2025, m).plusMonths(1).atDay(5);
            d.report(k2, d.scopeOf(p), period, 10 + m, onTime);
            d.report(k2, d.scopeOf(a), period, 10 + m, onTime);
            d.report(k3, d.scopeOf(a), period, 10 + m, onTime);
        }
        d.report(k3, d.scopeOf(a), 202504, 14, day("2025-04-12")); // April: due 10 May, not yet due
        // 15 Apr 2025: January–March are due (3 months).
        // expected = province-level KPIs (K2) × 3 + 2 communes × commune-level KPIs (K2, K3) × 3 = 3 + 12 = 15
        // on time  = province 3 + commune 001: 6 (commune 002 sent nothing; April is not due) = 9
        // 9 ÷ 15 = 60 %: the communes carry 12 of the 15 expected reports.
        RankRow r = row(d.drillDown().rankings().rankProvinces(day("2025-04-15")), "01");
        assertThat(part(r, Component.REPORTING_TIMELINESS)).isCloseTo(0.6, within(1e-12));
    }

    // ---- ranking order -----------------------------------------------------------------------------

    @Test
    void noComponentRanksLastAndTiesAreComparedAsPrintedThenByCode() throws Exception {
        LocalDate today = day("2025-01-02");
        long w = d.agency("WWW", "ministry", false);
        long x = d.agency("AAA", "ministry", false);
        long y = d.agency("ZZZ", "ministry", false);
        d.agency("NON", "ministry", false); // no task, no initiative, no reports
        long ini = d.initiative("SYS1-A", sys, y, day("2025-01-01"), day("2025-01-03"), "in_progress", 0.3335);
        d.agencyTask(ini, w, day("2025-01-01"), day("2025-01-01"));         // WWW: 1 of 1 on time → 100.0
        d.agencyTask(ini, x, day("2025-01-01"), day("2025-01-01"));         // AAA: 2 of 3 on time
        d.agencyTask(ini, x, day("2025-01-01"), day("2024-12-30"));
        d.agencyTask(ini, x, day("2025-01-01"), null);                      //      → 100 × 2/3 = 66.666… → 66.7
        // ZZZ: no task; leads SYS1-A: expected (1 of 2 days) 0.5, progress 0.3335 → delivery 0.667 → 66.7
        List<RankRow> rows = d.drillDown().rankings().rankMinistries(today);
        assertThat(rows).extracting(RankRow::code).containsExactly("WWW", "AAA", "ZZZ", "NON");
        assertThat(rows).extracting(RankRow::rank).containsExactly(1, 2, 2, 4);
        assertThat(rows).extracting(RankRow::index).containsExactly(100.0, 66.7, 66.7, null);
    }

    // ---- the period range --------------------------------------------------------------------------

    @Test
    void deadlinesAndRankingsCountTheTasksOfTheChosenPeriods() throws Exception {
        long m = d.agency("MOC", "ministry", false);
        long ini = d.initiative("SYS1-A", sys, m, day("2025-01-01"), day("2027-01-01"), "in_progress", 0.5);
        d.agencyTask(ini, m, day("2025-02-10"), null);                 // overdue
        d.agencyTask(ini, m, day("2025-06-10"), day("2025-06-01"));    // done on time
        var rk = d.drillDown().rankings();
        LocalDate today = day("2025-12-01");
        PeriodRange june = new PeriodRange(YearMonth.of(2025, 6), YearMonth.of(2025, 6));
        DeadlineRow inJune = rk.deadlinesByAgency(today, june).stream().filter(r -> r.code().equals("MOC")).findFirst().orElseThrow();
        // June only: 1 task, none overdue, 1 of 1 on time.
        assertThat(inJune.counts().total()).isEqualTo(1);
        assertThat(inJune.counts().overdue()).isZero();
        assertThat(inJune.counts().onTimeRate()).isEqualTo(1.0);
        DeadlineRow all = rk.deadlinesByAgency(today).stream().filter(r -> r.code().equals("MOC")).findFirst().orElseThrow();
        // 2025-01 to 2025-12: 2 tasks, 1 overdue, 1 of 2 on time.
        assertThat(all.counts().total()).isEqualTo(2);
        assertThat(all.counts().overdue()).isEqualTo(1);
        assertThat(all.counts().onTimeRate()).isEqualTo(0.5);
        assertThat(part(row(rk.rankMinistries(today, june), "MOC"), Component.ON_TIME_TASKS)).isEqualTo(1.0);
        assertThat(part(row(rk.rankMinistries(today), "MOC"), Component.ON_TIME_TASKS)).isEqualTo(0.5);
        DeadlineRow province = rk.deadlinesByProvince(today, june).isEmpty() ? null : rk.deadlinesByProvince(today, june).getFirst();
        assertThat(province).isNull(); // no province in this dataset
    }

    @Test
    void dueWithin30DaysIncludesTodayPlus30AndIgnoresThePeriods() throws Exception {
        long m = d.agency("MOC", "ministry", false);
        long p = d.province("01");
        long c = d.commune("01-001", p);
        long ini = d.initiative("SYS1-A", sys, m, day("2025-01-01"), day("2027-01-01"), "in_progress", 0.5);
        LocalDate today = day("2025-03-01");
        for (String deadline : List.of("2025-03-01", "2025-03-31", "2025-04-01", "2025-05-30", "2025-05-31")) {
            d.agencyTask(ini, m, day(deadline), null);
            d.localityTask(ini, c, day(deadline), null);
        }
        // today + 30 = 31 Mar, today + 90 = 30 May, both included:
        // within 30: 1 Mar, 31 Mar → 2;  within 90: 1 Mar, 31 Mar, 1 Apr, 30 May → 4
        PeriodRange january = new PeriodRange(YearMonth.of(2025, 1), YearMonth.of(2025, 1)); // no deadline in it
        DeadlineRow r = d.drillDown().rankings().deadlinesByAgency(today, january).getFirst();
        assertThat(r.counts().total()).isZero();
        assertThat(r.counts().dueIn30()).isEqualTo(2);
        assertThat(r.counts().dueIn90()).isEqualTo(4);
        // The commune list counts in one pass per page; same rule.
        long kpi = d.kpi("K", sys, "higher_is_better", null, null, 50.0, ">=50", "commune", false);
        LocalityRow commune = d.drillDown().communes(p, kpi, today, january, DrillDown.CommuneOrder.CODE, 0, 10).rows().getFirst();
        assertThat(commune.tasks().dueIn30()).isEqualTo(2);
        assertThat(commune.tasks().dueIn90()).isEqualTo(4);
    }

    @Test
    void aTaskListAndItsSummaryCountTheSameTasks() throws Exception {
        long m = d.agency("MPS", "ministry", false);
        long ini = d.initiative("SYS1-A", sys, m, day("2025-01-01"), day("2027-01-01"), "in_progress", 0.5);
        d.agencyTask(ini, m, day("2025-01-15"), null);
        d.agencyTask(ini, m, day("2025-03-15"), day("2025-03-01"));
        d.agencyTask(ini, m, day("2026-05-01"), null); // after the range
        DrillDown dd = d.drillDown();
        LocalDate today = day("2025-03-20");
        PeriodRange q1 = new PeriodRange(YearMonth.of(2025, 1), YearMonth.of(2025, 3));
        // Deadlines in January–March: 2 tasks, in the summary and in the list alike.
        assertThat(dd.ministry(m, today, q1).tasks().total()).isEqualTo(2);
        assertThat(dd.tasks(DrillDown.TaskOwner.AGENCY, m, today, q1, 100)).hasSize(2);
        assertThat(dd.tasks(DrillDown.TaskOwner.INITIATIVE, ini, today, q1, 100)).hasSize(2);
        assertThat(dd.initiative(ini, today, q1).row().tasks().total()).isEqualTo(2);
    }

    // ---- which agencies ----------------------------------------------------------------------------

    @Test
    void everyAgencyGivenWorkIsFollowedEverywhereAndOnlyThose() throws Exception {
        long most = d.agency("MOST", "ministry", false);
        long vast = d.agency("VAST", "government_agency", false);
        long nic = d.agency("NIC", "agency_under_ministry", false);
        long nso = d.agency("NSO", "agency_under_ministry", false); // no work: not followed
        d.agency("VPTW", "party_body", false);
        long s2 = d.system("SYS2");
        long a = d.initiative("SYS1-A", sys, vast, day("2025-01-01"), day("2027-01-01"), "in_progress", 0.5, most);
        d.initiative("SYS2-A", s2, most, day("2025-01-01"), day("2027-01-01"), "completed", 1.0);
        d.agencyTask(a, nic, day("2025-05-01"), null); // NIC only has a task
        DrillDown dd = d.drillDown();
        LocalDate today = day("2025-06-01");
        assertThat(dd.catalog().ministries()).extracting(Agency::code).containsExactly("MOST", "VAST", "NIC");
        // Status by ministry counts every initiative once: 2 of 2.
        assertThat(dd.statusByMinistry(today).stream().mapToInt(StatusCount::total).sum()).isEqualTo(2);
        assertThat(dd.ministryGrid(today)).extracting(GridCell::agencyId).containsOnly(most, vast, nic);
        assertThat(dd.rankings().rankMinistries(today)).extracting(RankRow::code).containsExactlyInAnyOrder("MOST", "VAST", "NIC");
        assertThat(dd.rankings().deadlinesByAgency(today)).extracting(DeadlineRow::code).containsExactlyInAnyOrder("MOST", "VAST", "NIC");
        assertThat(nso).isPositive();
    }

    // ---- KPIs --------------------------------------------------------------------------------------

    @Test
    void aHeadlineKpiWithABaselineButNoReportIsShownAsNoDataYet() throws Exception {
        long k1 = d.kpi("H1", sys, "higher_is_better", 10.0, "2025", 30.0, ">=30", "national", true);
        long k2 = d.kpi("H2", sys, "higher_is_better", 5.0, "2024", 20.0, ">=20", "national", true);
        d.report(k1, d.nationalScope, 202510, 12, day("2025-11-05"));
        Overview o = d.drillDown().overview(day("2025-11-20"), PeriodRange.programmeTo(day("2025-11-20")));
        assertThat(o.headline()).extracting(s -> s.kpi().code()).containsExactly("H1", "H2");
        KpiStatus none = o.headline().get(1);
        assertThat(none.kpi().id()).isEqualTo(k2);
        assertThat(none.hasData()).isFalse();
        assertThat(none.value()).isNull();
        assertThat(none.rag()).isEqualTo(Rag.NO_DATA);
        assertThat(o.headline().getFirst().hasData()).isTrue();
    }

    @Test
    void aProvinceIsJudgedAgainstItsOwnTrajectoryNotTheNationalOne() throws Exception {
        long p = d.province("01");
        long k = d.kpi("K", sys, "higher_is_better", 14.02, "2025", 30.0, ">=30", "national,province", false);
        d.report(k, d.scopeOf(p), 202501, 5.0, day("2025-02-05"));
        d.report(k, d.scopeOf(p), 202610, 12.0, day("2026-11-05"));
        LocalDate today = day("2026-11-20");
        LocalityRow r = d.drillDown().provinces(k, today, PeriodRange.programmeTo(today)).getFirst();
        // Own line: (5.0 on 15 Jan 2025) → (30 on 31 Dec 2030), 2176 days. At 15 Oct 2026 (638 days):
        // expected = 5 + 25 × 638/2176 = 12.3300; ratio = (12 − 5) / 7.3300 = 0.955 ≥ 0.9 → GREEN.
        // Against the national baseline (14.02 in mid-2025) 12 would be below the start: RED.
        assertThat(r.kpi().expected()).isCloseTo(12.32996, within(1e-4));
        assertThat(r.kpi().rag()).isEqualTo(Rag.GREEN);
    }

    @Test
    void aProvincesKpisAreThoseItReportedNeverReportingCostsOnlyTimeliness() throws Exception {
        long p = d.province("01");
        long a = d.kpi("A", sys, "higher_is_better", null, null, 30.0, ">=30", "province", false);
        d.kpi("B", sys, "higher_is_better", null, null, 30.0, ">=30", "province", false); // never reported
        d.report(a, d.scopeOf(p), 202501, 10, day("2025-02-05"));
        d.report(a, d.scopeOf(p), 202502, 10.3, day("2025-03-05"));
        // 10 Mar 2025: A's own line starts at 10 on 15 Jan 2025 and reaches 30 on 31 Dec 2030 (2176 days); at 15 Feb
        // (31 days) expected = 10 + 20 × 31/2176 = 10.285; ratio = 0.3 / 0.285 = 1.05 → GREEN, score 1.
        // KPI component = mean over reported KPIs = 1 (B is not in it).
        // Timeliness: 2 KPIs × 2 months due = 4 expected, 2 on time → 0.5.
        // Index = 100 × (0.3·1 + 0.3·0.5) / 0.6 = 75.0 (no task: on-time left out).
        RankRow r = d.drillDown().rankings().rankProvinces(day("2025-03-10")).getFirst();
        assertThat(part(r, Component.KPI_TRAJECTORY)).isEqualTo(1.0);
        assertThat(part(r, Component.REPORTING_TIMELINESS)).isEqualTo(0.5);
        assertThat(r.index()).isEqualTo(75.0);
    }

    @Test
    void aStatusFromAnOldValueSaysHowOldItIs() throws Exception {
        long k = d.kpi("K", sys, "higher_is_better", 10.0, "2025", 30.0, ">=30", "national", true);
        d.report(k, d.nationalScope, 202603, 12, day("2026-04-05"));
        DrillDown dd = d.drillDown();
        // Range to 2026-11: March's value is 8 months old → old (4 or more).
        KpiStatus s = dd.overview(day("2026-11-20"), PeriodRange.programmeTo(day("2026-11-20"))).headline().getFirst();
        assertThat(s.monthsOld()).isEqualTo(8);
        assertThat(s.old()).isTrue();
        // Range to 2026-06: 3 months → not old; to 2026-07: 4 → old.
        assertThat(dd.overview(day("2026-06-20"), new PeriodRange(YearMonth.of(2025, 1), YearMonth.of(2026, 6))).headline().getFirst().old()).isFalse();
        assertThat(dd.overview(day("2026-07-20"), new PeriodRange(YearMonth.of(2025, 1), YearMonth.of(2026, 7))).headline().getFirst().old()).isTrue();
    }

    @Test
    void moversAreTheLargestChangesAsAShareOfTheDistanceToTarget() throws Exception {
        long k1 = d.kpi("K1", sys, "higher_is_better", null, null, 30.0, ">=30", "national", false);
        long k2 = d.kpi("K2", sys, "lower_is_better", null, null, 0.0, "<=0", "national", false);
        long k3 = d.kpi("K3", sys, "higher_is_better", null, null, 30.0, ">=30", "national", false);
        long k4 = d.kpi("K4", sys, "higher_is_better", null, null, 30.0, ">=30", "national", false);
        long[][] values = {{k1, 10, 12}, {k2, 10, 8}, {k3, 10, 9}, {k4, 10, 10}};
        for (long[] v : values) {
            d.report(v[0], d.nationalScope, 202509, v[1], day("2025-10-05"));
            d.report(v[0], d.nationalScope, 202510, v[2], day("2025-11-05"));
        }
        // normalised = change × direction ÷ |target − previous|:
        // K1 +2 ÷ 20 = 0.10;  K2 (−2 × −1) ÷ 10 = 0.20;  K3 −1 ÷ 20 = −0.05;  K4 no change: not a mover.
        Overview o = d.drillDown().overview(day("2025-11-20"), PeriodRange.programmeTo(day("2025-11-20")));
        assertThat(o.movers()).extracting(m -> m.status().kpi().code()).containsExactly("K2", "K1", "K3");
        assertThat(o.movers()).extracting(Mover::normalized).containsExactly(0.2, 0.1, -0.05);
    }

    // ---- status by province, the ministry grid, a province's initiatives -----------------------------

    @Test
    void statusByProvinceGridAndActiveInitiativesCountByHand() throws Exception {
        long most = d.agency("MOST", "ministry", false);
        long mof = d.agency("MOF", "ministry", false);
        long p = d.province("01");
        long c = d.commune("01-001", p);
        d.province("02");
        LocalDate today = day("2026-01-01");
        // A: expected 0.5, progress 0.45 → GREEN;  B: expected 0.5, progress 0.1 → RED;  C: completed.
        long a = d.initiative("SYS1-A", sys, most, day("2025-01-01"), day("2027-01-01"), "in_progress", 0.45, mof);
        long b = d.initiative("SYS1-B", sys, mof, day("2025-01-01"), day("2027-01-01"), "in_progress", 0.1);
        long cc = d.initiative("SYS1-C", sys, most, day("2025-01-01"), day("2027-01-01"), "completed", 1.0);
        d.localityTask(a, p, day("2025-03-01"), null);
        d.localityTask(b, c, day("2030-03-01"), null);   // a commune's task counts for its province, any deadline
        d.agencyTask(cc, most, day("2025-03-01"), null); // an agency's task: in no province
        DrillDown dd = d.drillDown();
        // Province 01: A (GREEN) and B (RED); province 02: none.
        StatusCount p01 = dd.statusByProvince(today).stream().filter(s -> s.code().equals("01")).findFirst().orElseThrow();
        assertThat(p01.counts()).containsEntry(Rag.GREEN, 1).containsEntry(Rag.RED, 1).containsEntry(Rag.COMPLETED, 0);
        assertThat(dd.statusByProvince(today).stream().filter(s -> s.code().equals("02")).findFirst().orElseThrow().total()).isZero();
        assertThat(dd.locality(p, today, PeriodRange.programmeTo(today)).activeInitiatives())
                .extracting(r -> r.initiative().code()).containsExactlyInAnyOrder("SYS1-A", "SYS1-B");
        // Grid, SYS1: MOST leads A (GREEN) and C (COMPLETED) → worst GREEN; MOF leads B (RED), coordinates A → worst RED.
        Map<Long, GridCell> cells = new java.util.HashMap<>();
        for (GridCell g : dd.ministryGrid(today)) cells.put(g.agencyId(), g);
        assertThat(cells.get(most).counts()).containsEntry(Rag.GREEN, 1).containsEntry(Rag.COMPLETED, 1);
        assertThat(cells.get(most).worst()).isEqualTo(Rag.GREEN);
        assertThat(cells.get(mof).counts()).containsEntry(Rag.GREEN, 1).containsEntry(Rag.RED, 1);
        assertThat(cells.get(mof).worst()).isEqualTo(Rag.RED);
    }

    // ---- JSON output that is the same on every run -------------------------------------------------

    @Test
    void aKpisLevelsIterateInOneOrderWhateverTheInput() {
        // Set.copyOf iterates in an order salted per JVM: `query overview --json` listed levels
        // differently between runs. Every subset of two or more levels, given in reverse, comes out
        // in the enum's order.
        List<vn.r57desk.store.model.ScopeKind> all = List.of(vn.r57desk.store.model.ScopeKind.values());
        for (int mask = 0; mask < 16; mask++) {
            List<vn.r57desk.store.model.ScopeKind> subset = new java.util.ArrayList<>();
            for (int b = 0; b < 4; b++) if ((mask & (1 << b)) != 0) subset.add(all.get(b));
            java.util.Set<vn.r57desk.store.model.ScopeKind> reversed = new java.util.LinkedHashSet<>(subset.reversed());
            var k = new vn.r57desk.store.model.Kpi(1, "K", 1, null, null, null, null, vn.r57desk.store.model.Direction.HIGHER_IS_BETTER,
                    null, null, null, null, null, null, reversed, false, false);
            assertThat(List.copyOf(k.levels())).as("levels %s", subset).isEqualTo(subset);
        }
    }
}
