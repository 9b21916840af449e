package vn.r57desk.store.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import vn.r57desk.store.model.Direction;

/**
 * The straight line from a KPI's baseline to its 2030 target, and the RAG status of a value against
 * it (docs/metrics.md, "KPI trajectory").
 *
 * <pre>
 * start  = (baseline, 1 July of the baseline year), or the first reported value at its month's 15th
 *          when no public baseline exists
 * end    = (target 2030, 31 Dec 2030), or (target 2045, 31 Dec 2045) when only that is set
 * a province, commune or agency starts from its own first report: the published baseline is national
 * expected(d) = start.value + (target − start.value) · clamp((d − start.date) / (end.date − start.date), 0, 1)
 * ratio  = (actual − start.value) / (expected(d) − start.value)
 * target already met in the KPI's direction → GREEN (a strict bound, >80, is not met by 80 itself)
 * expected(d) = start.value → GREEN if actual is not worse than the start, else AMBER
 * ratio ≥ 0.9 → GREEN;  ratio ≥ 0.6 → AMBER;  otherwise RED
 * </pre>
 */
public record KpiTrajectory(double startValue, LocalDate startDate, double target, LocalDate targetDate, Direction direction,
                            boolean strictTarget) {
    public static final LocalDate TARGET_2030_DATE = LocalDate.of(2030, 12, 31);
    public static final double GREEN_MIN_RATIO = 0.9;
    public static final double AMBER_MIN_RATIO = 0.6;

    public static final LocalDate TARGET_2045_DATE = LocalDate.of(2045, 12, 31);

    /**
     * The trajectory of a KPI, or null when it cannot be drawn (no target, or neither a baseline nor
     * any reported value). A KPI with only a 2045 target aims at 31 Dec 2045.
     */
    public static KpiTrajectory of(Double baseline, String baselineYear, Double target2030, Double target2045, Direction direction,
                                   Double firstValue, LocalDate firstValueDate) {
        return of(baseline, baselineYear, target2030, target2045, direction, firstValue, firstValueDate, false);
    }

    /**
     * As above; {@code strictTarget}: the target is a strict bound ({@code >80}, {@code <3}), so
     * the bound itself does not meet it (80 does not meet {@code >80}; it is still judged against
     * the trajectory, which aims at 80).
     */
    public static KpiTrajectory of(Double baseline, String baselineYear, Double target2030, Double target2045, Direction direction,
                                   Double firstValue, LocalDate firstValueDate, boolean strictTarget) {
        Double target = target2030 != null ? target2030 : target2045;
        if (target == null) return null;
        LocalDate targetDate = target2030 != null ? TARGET_2030_DATE : TARGET_2045_DATE;
        if (baseline != null && baselineYear != null) {
            return new KpiTrajectory(baseline, baselineDate(baselineYear), target, targetDate, direction, strictTarget);
        }
        if (firstValue == null || firstValueDate == null) return null;
        return new KpiTrajectory(firstValue, firstValueDate, target, targetDate, direction, strictTarget);
    }

    /** "2025" → 2025-07-01; a range such as "2019-2024" takes its last year. */
    public static LocalDate baselineDate(String baselineYear) {
        String y = baselineYear.trim();
        int dash = y.lastIndexOf('-');
        if (dash > 0) y = y.substring(dash + 1);
        return LocalDate.of(Integer.parseInt(y.trim()), 7, 1);
    }

    public double expectedAt(LocalDate d) {
        long span = ChronoUnit.DAYS.between(startDate, targetDate);
        double f = span <= 0 ? 1 : (double) ChronoUnit.DAYS.between(startDate, d) / span;
        f = Math.max(0, Math.min(1, f));
        return startValue + (target - startValue) * f;
    }

    /** The target is reached in the KPI's direction; a strict bound (>80) needs more than the bound itself. */
    public boolean met(double actual) {
        double beyond = (actual - target) * direction.sign();
        return strictTarget ? beyond > 0 : beyond >= 0;
    }

    public Rag rag(double actual, LocalDate at) {
        int sign = direction.sign();
        if (met(actual)) return Rag.GREEN;
        double expectedProgress = expectedAt(at) - startValue;
        double actualProgress = actual - startValue;
        if (Math.abs(expectedProgress) < 1e-12) return actualProgress * sign >= 0 ? Rag.GREEN : Rag.AMBER;
        double ratio = actualProgress / expectedProgress;
        if (ratio >= GREEN_MIN_RATIO) return Rag.GREEN;
        if (ratio >= AMBER_MIN_RATIO) return Rag.AMBER;
        return Rag.RED;
    }
}
