package vn.r57desk.app.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.r57desk.app.common.FiguresWordingTest;
import vn.r57desk.store.query.Results.KpiSeries;

/** A stocktake's KPI chart is headed with its target as every other screen writes it, and its status's age. */
class StocktakeHeadingTest {
    @Test
    void aKpiChartsHeadingWritesTheTargetWithItsSignAndUnitNotTheSourcesText() {
        var k = FiguresWordingTest.kpi("<=3");
        var series = new KpiSeries(k, 1, List.of(), null, null, FiguresWordingTest.status(k, 1));
        String vi = StocktakeView.heading(FiguresWordingTest.ctx(false, LocalDate.of(2026, 11, 20)), series);
        assertThat(vi).isEqualTo("R57-06 · Tỉ lệ — Đúng tiến độ · hiện 4,2, theo lộ trình 4,5, mục tiêu 2030 ≤ 3 %").doesNotContain("<=");
        String en = StocktakeView.heading(FiguresWordingTest.ctx(true, LocalDate.of(2026, 11, 20)), series);
        assertThat(en).isEqualTo("R57-06 · Share — On track · now 4.2, trajectory 4.5, 2030 target ≤ 3 %");
    }

    @Test
    void anOldStatusInAHeadingSaysItsAge() {
        var k = FiguresWordingTest.kpi(">=30");
        var series = new KpiSeries(k, 1, List.of(), null, null, FiguresWordingTest.status(k, 7));
        assertThat(StocktakeView.heading(FiguresWordingTest.ctx(false, LocalDate.of(2026, 11, 20)), series))
                .contains("Đúng tiến độ · số liệu cũ 7 tháng").contains("mục tiêu 2030 ≥ 30 %");
    }

    /** An agenda item about one KPI: its status line says the age of the value it rests on. */
    @Test
    void aKpiItemsStatusSaysItsAgeWhenOld() {
        var k = FiguresWordingTest.kpi(">=30");
        var ctx = FiguresWordingTest.ctx(false, LocalDate.of(2026, 11, 20));
        java.util.function.Function<Integer, vn.r57desk.store.meeting.Stocktake> about = monthsOld -> new vn.r57desk.store.meeting.Stocktake(
                null, new vn.r57desk.store.meeting.AgendaItem(1, 1, 1, null, new vn.r57desk.store.meeting.Subject(vn.r57desk.store.meeting.Subject.Kind.KPI, k.code()),
                        k.id(), null, null, null, null, null),
                null, LocalDate.of(2026, 11, 20), null, null, null, null,
                List.of(new KpiSeries(k, 1, List.of(), null, null, FiguresWordingTest.status(k, monthsOld))), null, null, null, List.of());
        assertThat(StocktakeView.kpiAge(ctx, about.apply(7))).isEqualTo(" · số liệu cũ 7 tháng");
        assertThat(StocktakeView.kpiAge(ctx, about.apply(1))).isEmpty();
    }
}
