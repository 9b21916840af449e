package vn.r57desk.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Direction;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.model.ScopeKind;
import vn.r57desk.store.query.Results.KpiStatus;

/**
 * The words around a figure (issue 22 items 3, 8 and 14), without a window: the span a screen's
 * figures cover, a status that rests on an old value, a target as the app writes it.
 */
public class FiguresWordingTest {
    /** A KPI like R57-06 (lower is better, "<=3" %). */
    public static Kpi kpi(String target) {
        return new Kpi(1, "R57-06", 1, null, new Bilingual("Tỉ lệ thử", "A test share"), new Bilingual("Tỉ lệ", "Share"),
                new Bilingual("%", "%"), Direction.LOWER_IS_BETTER, 5.0, "2024", 3.0, target, null, null, Set.of(ScopeKind.NATIONAL), true, false);
    }

    /** On track, its value from April 2026, {@code monthsOld} months before the range's last month. */
    public static KpiStatus status(Kpi k, Integer monthsOld) {
        return new KpiStatus(k, 1, Period.of(YearMonth.of(2026, 4)), 4.2, null, null, 4.5, Rag.GREEN, 3, 0, monthsOld);
    }

    public static Ctx ctx(boolean english, LocalDate asOf) {
        Messages m = new Messages();
        if (english) m.localeProperty().set(Messages.EN);
        return new Ctx(m, null, null, null, t -> { }, null, null, asOf, null, null);
    }

    @Test
    void theSpanLineSaysWhichMonthsAndAsOfWhichDay() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertThat(SpanNote.text(ctx(false, day), false)).isEqualTo("Số liệu tính trên kỳ 01/2025 – 12/2026, đến ngày 06/12/2026.");
        assertThat(SpanNote.text(ctx(true, day), false)).isEqualTo("Figures over 01/2025 – 12/2026, as of 06/12/2026.");
        assertThat(SpanNote.range(day)).as("the span the screens load their figures over").isEqualTo(PeriodRange.programmeTo(day));
    }

    @Test
    void whereTasksDueSoonAreCountedTheLineSaysTheyLookAheadFromTodayWhateverThePeriod() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        // docs/metrics.md: open, deadline from today to today + 30 / 90, both days included; ignores the range.
        assertThat(SpanNote.text(ctx(false, day), true)).startsWith("Số liệu tính trên kỳ 01/2025 – 11/2026, đến ngày 20/11/2026. ")
                .contains("từ hôm nay đến hôm nay + 30/90 ngày, kể cả hai ngày đó, không theo kỳ");
        assertThat(SpanNote.text(ctx(true, day), true)).contains("from today to today + 30/90 days, both days included, whatever the period");
    }

    @Test
    void anOldStatusSaysItsAgeAndARecentOneDoesNot() {
        Kpi k = kpi("<=3");
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertThat(ctx(false, day).kpiStatus(status(k, 7))).isEqualTo("Đúng tiến độ · số liệu cũ 7 tháng");
        assertThat(ctx(true, day).kpiStatus(status(k, 7))).isEqualTo("On track · 7 months old");
        assertThat(ctx(false, day).kpiStatus(status(k, KpiStatus.OLD_AFTER_MONTHS))).as("old from 4 months").endsWith("số liệu cũ 4 tháng");
        assertThat(ctx(false, day).kpiStatus(status(k, 3))).isEqualTo("Đúng tiến độ");
        assertThat(ctx(false, day).kpiStatus(KpiStatus.noData(k, 1))).isEqualTo("Chưa có số liệu");
    }

    @Test
    void aKpiTablesStatusColumnSaysTheAge() {
        Ctx ctx = ctx(false, LocalDate.of(2026, 11, 20));
        Kpi k = kpi("<=3");
        var table = Tables.kpiTable(ctx, "KPI", List.of(status(k, 7), status(k, 1)), null);
        var column = table.columns().stream().filter(c -> c.header().equals(ctx.t("col.status"))).findFirst().orElseThrow();
        assertThat(column.shown(status(k, 7))).isEqualTo("Đúng tiến độ · số liệu cũ 7 tháng");
        assertThat(column.shown(status(k, 1))).isEqualTo("Đúng tiến độ");
        var target = table.columns().stream().filter(c -> c.header().equals(ctx.t("col.target2030"))).findFirst().orElseThrow();
        assertThat(target.shown(status(k, 1))).isEqualTo("≤ 3 %");
    }

    @Test
    void targetsAreWrittenWithTheirSignTheWindowsNumbersAndTheUnit() {
        Ctx vi = ctx(false, LocalDate.of(2026, 11, 20));
        Ctx en = ctx(true, LocalDate.of(2026, 11, 20));
        assertThat(vi.target(kpi("<=3"), "<=3")).isEqualTo("≤ 3 %");
        assertThat(vi.target(kpi(">=30"), ">=30")).isEqualTo("≥ 30 %");
        assertThat(vi.target(kpi(">80"), ">80")).isEqualTo("> 80 %");
        assertThat(vi.target(kpi("40-50"), "40-50")).as("a range: an en dash, the unit once").isEqualTo("40–50 %");
        assertThat(vi.target(kpi("2.5"), "2.5")).isEqualTo("2,5 %");
        assertThat(en.target(kpi("2.5"), "2.5")).isEqualTo("2.5 %");
        assertThat(vi.target(kpi(null), null)).isEqualTo("–");
    }
}
