package vn.r57desk.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import vn.r57desk.store.metrics.KpiTrajectory;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.model.ScopeKind;

/**
 * KPI status at a scope from {@code kpi_scope_stats}; only when the range ends before the latest
 * report does it seek the observations themselves.
 */
final class KpiReader implements AutoCloseable {
    static final String STATS_COLUMNS = "n_reports, n_late, first_period, first_value, last_period, last_value, prev_period, prev_value";

    private final PreparedStatement stats;
    private final PreparedStatement latestTwo;

    KpiReader(Connection c) throws SQLException {
        stats = c.prepareStatement("SELECT " + STATS_COLUMNS + " FROM kpi_scope_stats WHERE kpi_id = ? AND scope_id = ?");
        latestTwo = c.prepareStatement(
                "SELECT period, value FROM observations WHERE kpi_id = ? AND scope_id = ? AND period <= ? ORDER BY period DESC LIMIT 2");
    }

    Results.KpiStatus status(Kpi k, long scopeId, ScopeKind kind, PeriodRange range) throws SQLException {
        stats.setLong(1, k.id());
        stats.setLong(2, scopeId);
        try (ResultSet rs = stats.executeQuery()) {
            if (!rs.next()) return status(k, scopeId, kind, range, null);
            return status(k, scopeId, kind, range, rs);
        }
    }

    /** Status from a result set positioned on {@link #STATS_COLUMNS} (starting at column {@code 1}), or none. */
    Results.KpiStatus status(Kpi k, long scopeId, ScopeKind kind, PeriodRange range, ResultSet rs) throws SQLException {
        if (rs == null || Rows.nullableInt(rs, 1) == null) {
            return Results.KpiStatus.noData(k, scopeId);
        }
        return status(k, scopeId, kind, range, rs, 1);
    }

    Results.KpiStatus status(Kpi k, long scopeId, ScopeKind kind, PeriodRange range, ResultSet rs, int col) throws SQLException {
        long reports = rs.getLong(col);
        long late = rs.getLong(col + 1);
        int firstPeriod = rs.getInt(col + 2);
        double firstValue = rs.getDouble(col + 3);
        Integer period = rs.getInt(col + 4);
        Double value = rs.getDouble(col + 5);
        Integer prevPeriod = Rows.nullableInt(rs, col + 6);
        Double prevValue = Rows.nullableDouble(rs, col + 7);
        int to = range.toPeriod();
        if (period > to) {
            period = null; value = null; prevPeriod = null; prevValue = null;
            latestTwo.setLong(1, k.id());
            latestTwo.setLong(2, scopeId);
            latestTwo.setInt(3, to);
            try (ResultSet r2 = latestTwo.executeQuery()) {
                if (r2.next()) { period = r2.getInt(1); value = r2.getDouble(2); }
                if (r2.next()) { prevPeriod = r2.getInt(1); prevValue = r2.getDouble(2); }
            }
        }
        KpiTrajectory t = trajectory(k, kind, firstValue, firstPeriod);
        Double expected = null;
        Rag rag = Rag.NO_DATA;
        if (t != null && value != null) {
            expected = t.expectedAt(Period.midpoint(period));
            rag = t.rag(value, Period.midpoint(period));
        }
        Integer monthsOld = period == null ? null : (int) java.time.temporal.ChronoUnit.MONTHS.between(Period.toYearMonth(period), range.to());
        return new Results.KpiStatus(k, scopeId, period, value, prevPeriod, prevValue, expected, rag, reports, late, monthsOld);
    }

    /** The published baseline is national; other scopes start from their own first report. */
    static KpiTrajectory trajectory(Kpi k, ScopeKind kind, Double firstValue, Integer firstPeriod) {
        boolean national = kind == ScopeKind.NATIONAL;
        String targetText = k.target2030() != null ? k.target2030Text() : k.target2045Text();
        return KpiTrajectory.of(national ? k.baseline() : null, national ? k.baselineYear() : null, k.target2030(),
                k.target2045(), k.direction(), firstValue, firstPeriod == null ? null : Period.midpoint(firstPeriod),
                vn.r57desk.store.metrics.TargetText.strict(targetText));
    }

    @Override
    public void close() throws SQLException {
        stats.close();
        latestTwo.close();
    }
}
