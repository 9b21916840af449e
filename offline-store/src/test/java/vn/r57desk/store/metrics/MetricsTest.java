package vn.r57desk.store.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.r57desk.store.model.Direction;
import vn.r57desk.store.model.Initiative.Status;

/** Each derived number against cases computed by hand (docs/metrics.md). */
class MetricsTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2027, 1, 1); // 730 days

    @Test
    void initiativeStatusFollowsTheGapToExpectedProgress() {
        LocalDate half = START.plusDays(365); // expected = 0.5
        assertThat(InitiativeStatusRule.expectedProgress(START, DEADLINE, half)).isCloseTo(0.5, within(1e-9));
        assertThat(InitiativeStatusRule.rag(Status.IN_PROGRESS, 0.40, START, DEADLINE, half)).isEqualTo(Rag.GREEN);  // gap 0.10
        assertThat(InitiativeStatusRule.rag(Status.IN_PROGRESS, 0.39, START, DEADLINE, half)).isEqualTo(Rag.AMBER);  // gap 0.11
        assertThat(InitiativeStatusRule.rag(Status.IN_PROGRESS, 0.25, START, DEADLINE, half)).isEqualTo(Rag.AMBER);  // gap 0.25
        assertThat(InitiativeStatusRule.rag(Status.IN_PROGRESS, 0.24, START, DEADLINE, half)).isEqualTo(Rag.RED);    // gap 0.26
        assertThat(InitiativeStatusRule.rag(Status.COMPLETED, 0.1, START, DEADLINE, half)).isEqualTo(Rag.COMPLETED);
        assertThat(InitiativeStatusRule.rag(Status.SUSPENDED, 0.9, START, DEADLINE, half)).isEqualTo(Rag.RED);
        assertThat(InitiativeStatusRule.rag(Status.IN_PROGRESS, 0.99, START, DEADLINE, DEADLINE.plusDays(1))).isEqualTo(Rag.RED);
        assertThat(InitiativeStatusRule.rag(Status.NOT_STARTED, 0, START, DEADLINE, START.minusDays(10))).isEqualTo(Rag.GREEN);
        assertThat(InitiativeStatusRule.delivery(Status.IN_PROGRESS, 0.25, START, DEADLINE, half)).isCloseTo(0.5, within(1e-9));
        assertThat(InitiativeStatusRule.delivery(Status.IN_PROGRESS, 0.9, START, DEADLINE, half)).isEqualTo(1.0);
    }

    @Test
    void kpiTrajectoryIsTheStraightLineFromBaselineToTarget() {
        // Baseline 14.02 in mid-2025, 30 by 31 Dec 2030 (R57-01).
        KpiTrajectory t = KpiTrajectory.of(14.02, "2025", 30.0, 50.0, Direction.HIGHER_IS_BETTER, null, null);
        assertThat(t.startDate()).isEqualTo(LocalDate.of(2025, 7, 1));
        long span = java.time.temporal.ChronoUnit.DAYS.between(t.startDate(), KpiTrajectory.TARGET_2030_DATE); // 2009
        LocalDate d = t.startDate().plusDays(span / 2);
        double expected = 14.02 + (30 - 14.02) * ((double) (span / 2) / span);
        assertThat(t.expectedAt(d)).isCloseTo(expected, within(1e-9));
        // ratio = (actual - start) / (expected - start)
        double need = expected - 14.02;
        assertThat(t.rag(14.02 + 0.90 * need, d)).isEqualTo(Rag.GREEN);
        assertThat(t.rag(14.02 + 0.89 * need, d)).isEqualTo(Rag.AMBER);
        assertThat(t.rag(14.02 + 0.60 * need, d)).isEqualTo(Rag.AMBER);
        assertThat(t.rag(14.02 + 0.59 * need, d)).isEqualTo(Rag.RED);
        assertThat(t.rag(31, d)).isEqualTo(Rag.GREEN); // target already met
        assertThat(t.expectedAt(LocalDate.of(2040, 1, 1))).isEqualTo(30.0); // clamped after the target date
    }

    @Test
    void lowerIsBetterKpisMoveDown() {
        // EGDI rank 71 (2024) → ≤ 50 by 2030.
        KpiTrajectory t = KpiTrajectory.of(71.0, "2024", 50.0, null, Direction.LOWER_IS_BETTER, null, null);
        LocalDate d = LocalDate.of(2027, 4, 1);
        double e = t.expectedAt(d);
        assertThat(e).isLessThan(71).isGreaterThan(50);
        assertThat(t.rag(e, d)).isEqualTo(Rag.GREEN);
        assertThat(t.rag(71 - 0.7 * (71 - e), d)).isEqualTo(Rag.AMBER);
        assertThat(t.rag(72, d)).isEqualTo(Rag.RED);
        assertThat(t.rag(49, d)).isEqualTo(Rag.GREEN);
    }

    @Test
    void withoutBaselineTheFirstReportStartsTheTrajectoryAndOnly2045TargetsAimAt2045() {
        KpiTrajectory t = KpiTrajectory.of(null, null, 80.0, null, Direction.HIGHER_IS_BETTER, 40.0, LocalDate.of(2025, 1, 15));
        assertThat(t.startValue()).isEqualTo(40.0);
        assertThat(KpiTrajectory.of(null, null, 80.0, null, Direction.HIGHER_IS_BETTER, null, null)).isNull();
        assertThat(KpiTrajectory.of(44.0, "2025", null, 30.0, Direction.LOWER_IS_BETTER, null, null).targetDate())
                .isEqualTo(KpiTrajectory.TARGET_2045_DATE);
        assertThat(KpiTrajectory.of(1.0, "2025", null, null, Direction.LOWER_IS_BETTER, null, null)).isNull();
        assertThat(KpiTrajectory.baselineDate("2019-2024")).isEqualTo(LocalDate.of(2024, 7, 1));
    }

    /** The CLI's tables write targets as the app does, without the unit: "≥ 30", not ">=30". */
    @Test
    void aTargetIsWrittenAsPeopleWriteIt() {
        assertThat(TargetText.display(">=30")).isEqualTo("≥ 30");
        assertThat(TargetText.display("<=3")).isEqualTo("≤ 3");
        assertThat(TargetText.display(">55")).isEqualTo("> 55");
        assertThat(TargetText.display("40-50")).isEqualTo("40–50");
        assertThat(TargetText.display("2")).isEqualTo("2");
        assertThat(TargetText.display(null)).isEmpty();
        assertThat(TargetText.display("top 3 by 2030")).isEqualTo("top 3 by 2030");
    }

    @Test
    void targetTextKeepsTheBoundThatMustBeReached() {
        assertThat(TargetText.value(">=30", Direction.HIGHER_IS_BETTER)).isEqualTo(30.0);
        assertThat(TargetText.value(">55", Direction.HIGHER_IS_BETTER)).isEqualTo(55.0);
        assertThat(TargetText.value("40-50", Direction.HIGHER_IS_BETTER)).isEqualTo(40.0);
        assertThat(TargetText.value("40-50", Direction.LOWER_IS_BETTER)).isEqualTo(50.0);
        assertThat(TargetText.value("<=3", Direction.LOWER_IS_BETTER)).isEqualTo(3.0);
        assertThat(TargetText.value("", Direction.LOWER_IS_BETTER)).isNull();
        assertThatThrownBy(() -> TargetText.value("about 3", Direction.HIGHER_IS_BETTER)).hasMessageContaining("about 3");
    }

    @Test
    void rankingIndexIsTheWeightedMeanOfAvailableComponents() {
        var parts = List.of(new RankingIndex.Part(RankingIndex.Component.ON_TIME_TASKS, 0.5),
                new RankingIndex.Part(RankingIndex.Component.KPI_TRAJECTORY, 1.0),
                new RankingIndex.Part(RankingIndex.Component.REPORTING_TIMELINESS, 0.8));
        // 100 × (0.4·0.5 + 0.3·1 + 0.3·0.8) / 1.0 = 74
        assertThat(RankingIndex.index(parts)).isCloseTo(74.0, within(1e-9));
        var partial = List.of(new RankingIndex.Part(RankingIndex.Component.ON_TIME_TASKS, 0.5),
                new RankingIndex.Part(RankingIndex.Component.INITIATIVE_DELIVERY, null),
                new RankingIndex.Part(RankingIndex.Component.REPORTING_TIMELINESS, 0.8));
        // reweighted over 0.7: 100 × (0.2 + 0.24) / 0.7 = 62.857…
        assertThat(RankingIndex.index(partial)).isCloseTo(62.857142857, within(1e-6));
        assertThat(RankingIndex.index(List.of(new RankingIndex.Part(RankingIndex.Component.ON_TIME_TASKS, null)))).isNull();
        assertThat(RankingIndex.onTimeRate(3, 4)).isEqualTo(0.75);
        assertThat(RankingIndex.onTimeRate(0, 0)).isNull();
        assertThat(RankingIndex.reportingTimeliness(8, 10)).isEqualTo(0.8);
        assertThat(RankingIndex.reportingTimeliness(12, 10)).isEqualTo(1.0);
        assertThat(RankingIndex.reportingTimeliness(0, 0)).isNull();
    }

    @Test
    void eightyDoesNotMeetAStrictGreaterThanEightyButIsOnItsTrajectory() {
        assertThat(TargetText.strict(">80")).isTrue();
        assertThat(TargetText.strict(">=80")).isFalse();
        assertThat(TargetText.strict("<3")).isTrue();
        assertThat(TargetText.strict("40-50")).isFalse();
        // Start 70 on 1 Jul 2025 (baseline year 2025), aim 80 on 31 Dec 2030 (2009 days).
        KpiTrajectory strict = KpiTrajectory.of(70.0, "2025", 80.0, null, Direction.HIGHER_IS_BETTER, null, null, true);
        KpiTrajectory inclusive = KpiTrajectory.of(70.0, "2025", 80.0, null, Direction.HIGHER_IS_BETTER, null, null, false);
        assertThat(strict.met(80)).isFalse();
        assertThat(strict.met(80.01)).isTrue();
        assertThat(inclusive.met(80)).isTrue();
        // 80 at 15 Jan 2031 (after the target date): expected 80, ratio (80 − 70) / (80 − 70) = 1 → GREEN either way.
        assertThat(strict.rag(80, LocalDate.of(2031, 1, 15))).isEqualTo(Rag.GREEN);
        // 79 then: ratio 9/10 = 0.9 → GREEN; 75: 0.5 → RED.
        assertThat(strict.rag(79, LocalDate.of(2031, 1, 15))).isEqualTo(Rag.GREEN);
        assertThat(strict.rag(75, LocalDate.of(2031, 1, 15))).isEqualTo(Rag.RED);
    }

    @Test
    void aBaselineYearGivenAsASpanStartsInTheMiddleOfItsLastYear() {
        // "2019-2024" → 1 Jul 2024. Baseline 20, target 30 on 31 Dec 2030: 2374 days.
        KpiTrajectory t = KpiTrajectory.of(20.0, "2019-2024", 30.0, null, Direction.HIGHER_IS_BETTER, null, null);
        assertThat(t.startDate()).isEqualTo(LocalDate.of(2024, 7, 1));
        // 1 Jul 2025 is 365 days on: expected = 20 + 10 × 365/2374 = 21.5375
        assertThat(t.expectedAt(LocalDate.of(2025, 7, 1))).isCloseTo(21.5375, within(1e-4));
    }

    @Test
    void aSuspendedInitiativeIsRedAndDeliversItsProgressAgainstThePlan() {
        LocalDate half = START.plusDays(365); // expected 0.5
        // Suspended at 30 %: status RED; delivery = 0.30 / 0.50 = 0.6 (the plan keeps running while it is suspended).
        assertThat(InitiativeStatusRule.rag(Status.SUSPENDED, 0.3, START, DEADLINE, half)).isEqualTo(Rag.RED);
        assertThat(InitiativeStatusRule.delivery(Status.SUSPENDED, 0.3, START, DEADLINE, half)).isCloseTo(0.6, within(1e-9));
        // A year after its deadline, still suspended at 30 %: expected 1 → delivery 0.3.
        assertThat(InitiativeStatusRule.delivery(Status.SUSPENDED, 0.3, START, DEADLINE, DEADLINE.plusDays(365))).isCloseTo(0.3, within(1e-9));
    }
}
