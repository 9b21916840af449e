package vn.r57desk.store.model;

import java.time.LocalDate;
import java.time.YearMonth;

/** Reporting periods are months, stored as yyyymm integers. */
public final class Period {
    private Period() {}

    public static int of(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }

    public static YearMonth toYearMonth(int period) {
        return YearMonth.of(period / 100, period % 100);
    }

    public static int next(int period) {
        return of(toYearMonth(period).plusMonths(1));
    }

    public static int previous(int period) {
        return of(toYearMonth(period).minusMonths(1));
    }

    /** Reports for a period are due on the 10th of the following month (docs/metrics.md). */
    public static LocalDate dueDate(int period) {
        return toYearMonth(period).plusMonths(1).atDay(10);
    }

    /** A date as the yyyymmdd integer the cache stores. */
    public static int dateInt(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    public static LocalDate fromDateInt(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    /** Middle of the month: the date a monthly value stands for on a trajectory. */
    public static LocalDate midpoint(int period) {
        return toYearMonth(period).atDay(15);
    }

    /** Periods whose reports are due on or before {@code asOf}, from {@code first}. */
    public static int countDue(int first, LocalDate asOf) {
        int n = 0;
        for (int p = first; !dueDate(p).isAfter(asOf); p = next(p)) n++;
        return n;
    }
}
