package vn.r57desk.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import vn.r57desk.store.metrics.RankingIndex;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.model.ScopeKind;

/**
 * Reporting timeliness (docs/metrics.md): reports received by their due date ÷ reports expected,
 * both over the same months: those of the chosen range, from 2025-01, whose reports are due by
 * today (the 10th of the following month). A report for a month not yet due counts in neither.
 */
final class Reporting implements AutoCloseable {
    static final int FIRST_PERIOD = 202501;

    private final Catalog catalog;
    /** First and last month counted; {@code monthsDue} = 0 when none is due yet. */
    private final int firstMonth;
    private final int lastMonth;
    private final int monthsDue;
    private final PreparedStatement onTime;

    Reporting(Connection c, Catalog catalog, LocalDate today, PeriodRange range) throws SQLException {
        this.catalog = catalog;
        int first = Math.max(FIRST_PERIOD, range.fromPeriod());
        int last = first;
        int n = 0;
        for (int p = first; p <= range.toPeriod() && !Period.dueDate(p).isAfter(today); p = Period.next(p)) {
            last = p;
            n++;
        }
        this.firstMonth = first;
        this.lastMonth = last;
        this.monthsDue = n;
        this.onTime = c.prepareStatement("SELECT coalesce(sum(n_reports - n_late), 0) FROM report_rollup_month"
                + " WHERE scope_id = ? AND period BETWEEN ? AND ?");
    }

    /** Months counted: due by today, inside the range, from 2025-01. */
    int monthsDue() {
        return monthsDue;
    }

    long expected(ScopeKind level, long units) {
        long kpis = catalog.kpis().values().stream().filter((Kpi k) -> k.levels().contains(level)).count();
        return kpis * monthsDue * units;
    }

    /** Reports of the counted months received by their due date, at one scope (a province's row includes its communes). */
    long receivedOnTime(long scope) throws SQLException {
        if (monthsDue == 0) return 0;
        onTime.setLong(1, scope);
        onTime.setInt(2, firstMonth);
        onTime.setInt(3, lastMonth);
        try (ResultSet rs = onTime.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    Double scopeTimeliness(long scope, ScopeKind kind) throws SQLException {
        return RankingIndex.reportingTimeliness(receivedOnTime(scope), expected(kind, 1));
    }

    /** A province's rows count its communes' reports too, so the expectation adds each commune's. */
    Double provinceTimeliness(long provinceId, long scope) throws SQLException {
        long expected = expected(ScopeKind.PROVINCE, 1) + expected(ScopeKind.COMMUNE, catalog.communeCounts().getOrDefault(provinceId, 0));
        return RankingIndex.reportingTimeliness(receivedOnTime(scope), expected);
    }

    @Override
    public void close() throws SQLException {
        onTime.close();
    }
}
