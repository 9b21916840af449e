package vn.r57desk.store.model;

import java.time.LocalDate;
import java.time.YearMonth;

/** An inclusive range of months that every drill-down is asked over. */
public record PeriodRange(YearMonth from, YearMonth to) {
    public PeriodRange {
        if (to.isBefore(from)) throw new IllegalArgumentException("period range ends (" + to + ") before it starts (" + from + ")");
    }

    /** From the start of the programme's monitoring (2025-01) to the month of {@code asOf}. */
    public static PeriodRange programmeTo(LocalDate asOf) {
        return new PeriodRange(YearMonth.of(2025, 1), YearMonth.from(asOf));
    }

    public int fromPeriod() {
        return Period.of(from);
    }

    public int toPeriod() {
        return Period.of(to);
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    /** Exclusive end date. */
    public LocalDate endExclusive() {
        return to.plusMonths(1).atDay(1);
    }
}
