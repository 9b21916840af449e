package vn.r57desk.store.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The composite index that ranks ministries and provinces (docs/metrics.md, "Ranking index").
 *
 * <pre>
 * index = 100 · Σ wᵢ·cᵢ / Σ wᵢ   over the components cᵢ ∈ [0, 1] that can be computed
 * ministries: on-time tasks 0.4, initiative delivery 0.3, reporting timeliness 0.3
 * provinces:  on-time tasks 0.4, KPI trajectory 0.3,     reporting timeliness 0.3
 * </pre>
 * A component with no data (no task due yet, no initiative led, no report expected) is left out and
 * the others are reweighted; an entity with no component at all gets no index and ranks last.
 */
public final class RankingIndex {
    public enum Component {
        ON_TIME_TASKS(0.4), INITIATIVE_DELIVERY(0.3), KPI_TRAJECTORY(0.3), REPORTING_TIMELINESS(0.3);

        public final double weight;

        Component(double weight) {
            this.weight = weight;
        }
    }

    /** One component's value (null when it has no data) and its share of the index. */
    public record Part(Component component, Double value) {}

    private RankingIndex() {}

    public static Double index(List<Part> parts) {
        double sum = 0, weights = 0;
        for (Part p : parts) {
            if (p.value() == null || p.value().isNaN()) continue;
            double v = Math.max(0, Math.min(1, p.value()));
            sum += p.component().weight * v;
            weights += p.component().weight;
        }
        return weights == 0 ? null : 100 * sum / weights;
    }

    /** on-time rate = tasks done by their deadline ÷ tasks whose deadline has passed; null if none has. */
    public static Double onTimeRate(long onTime, long due) {
        return due == 0 ? null : (double) onTime / due;
    }

    /**
     * Reports received by their due date ÷ reports expected, both counted over the same months (those
     * due by today); null if none is expected. Capped at 1 only for reports of KPIs the catalogue does
     * not expect at that level, which the numerator cannot tell apart.
     */
    public static Double reportingTimeliness(long receivedOnTime, long expected) {
        if (expected <= 0) return null;
        return Math.min(1, (double) receivedOnTime / expected);
    }

    /** Mean of the non-null scores, or null. */
    public static Double mean(List<Double> scores) {
        List<Double> present = new ArrayList<>();
        for (Double s : scores) if (s != null) present.add(s);
        return present.isEmpty() ? null : present.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
