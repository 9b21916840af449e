package vn.r57desk.store.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import vn.r57desk.store.model.Initiative;

/**
 * RAG status of an initiative (docs/metrics.md, "Initiative status").
 *
 * <pre>
 * completed                       → COMPLETED
 * suspended, or past its deadline → RED
 * expected = clamp((today − start) / (deadline − start), 0, 1)
 * gap      = expected − progress
 * gap ≤ 0.10 → GREEN;  gap ≤ 0.25 → AMBER;  otherwise RED
 * </pre>
 */
public final class InitiativeStatusRule {
    public static final double GREEN_MAX_GAP = 0.10;
    public static final double AMBER_MAX_GAP = 0.25;

    private InitiativeStatusRule() {}

    public static double expectedProgress(LocalDate start, LocalDate deadline, LocalDate today) {
        long span = ChronoUnit.DAYS.between(start, deadline);
        if (span <= 0) return today.isBefore(deadline) ? 0 : 1;
        double f = (double) ChronoUnit.DAYS.between(start, today) / span;
        return Math.max(0, Math.min(1, f));
    }

    public static Rag rag(Initiative.Status status, double progress, LocalDate start, LocalDate deadline, LocalDate today) {
        if (status == Initiative.Status.COMPLETED) return Rag.COMPLETED;
        if (status == Initiative.Status.SUSPENDED || today.isAfter(deadline)) return Rag.RED;
        double gap = expectedProgress(start, deadline, today) - progress;
        if (gap <= GREEN_MAX_GAP + 1e-9) return Rag.GREEN;
        if (gap <= AMBER_MAX_GAP + 1e-9) return Rag.AMBER;
        return Rag.RED;
    }

    /** Share of the expected progress delivered, capped at 1 (the ranking's delivery component). */
    public static double delivery(Initiative.Status status, double progress, LocalDate start, LocalDate deadline, LocalDate today) {
        if (status == Initiative.Status.COMPLETED) return 1;
        double expected = expectedProgress(start, deadline, today);
        if (expected <= 0) return 1;
        return Math.min(1, progress / expected);
    }
}
