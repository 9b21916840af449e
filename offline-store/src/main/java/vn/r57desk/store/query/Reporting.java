package vn.r57desk.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import vn.r57desk.store.metrics.RankingIndex;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.model.ScopeKind;

/**
 * Reporting timeliness: reports received by their due date ÷ reports expected so far. Expected =
 * KPIs reported at that level × monthly periods due since 2025-01 (docs/metrics.md).
 */
final class Reporting implements AutoCloseable {
    static final int FIRST_PERIOD = 202501;

    private final Catalog catalog;
    private final int periodsDue;
    private final PreparedStatement stats;

    Reporting(Connection c, Catalog catalog, LocalDate today) throws SQLException {
        this.catalog = catalog;
        this.periodsDue = Period.countDue(FIRST_PERIOD, today);
        this.stats = c.prepareStatement("SELECT n_reports, n_late FROM report_stats WHERE scope_id = ?");
    }

    long expected(ScopeKind level, long units) {
        long kpis = catalog.kpis().values().stream().filter((Kpi k) -> k.levels().contains(level)).count();
        return kpis * periodsDue * units;
    }

    Double timeliness(long received, long late, long expected) {
        return RankingIndex.reportingTimeliness(received, late, expected);
    }

    Double scopeTimeliness(long scope, ScopeKind kind) throws SQLException {
        long[] s = read(scope);
        return timeliness(s[0], s[1], expected(kind, 1));
    }

    /** A province's row in report_stats counts its communes too, so the expectation does as well. */
    Double provinceTimeliness(long provinceId, long scope) throws SQLException {
        long[] s = read(scope);
        long expected = expected(ScopeKind.PROVINCE, 1) + expected(ScopeKind.COMMUNE, catalog.communeCounts().getOrDefault(provinceId, 0));
        return timeliness(s[0], s[1], expected);
    }

    private long[] read(long scope) throws SQLException {
        stats.setLong(1, scope);
        try (ResultSet rs = stats.executeQuery()) {
            return rs.next() ? new long[]{rs.getLong(1), rs.getLong(2)} : new long[2];
        }
    }

    @Override
    public void close() throws SQLException {
        stats.close();
    }
}
