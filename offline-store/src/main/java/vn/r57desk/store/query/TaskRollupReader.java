package vn.r57desk.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

import vn.r57desk.store.model.Period;
import vn.r57desk.store.model.PeriodRange;

/**
 * Reads task counts from the rollups: whole months from the month table, the ragged ends of a
 * window from the day table, so any window costs at most ~60 month rows and ~60 day rows per group
 * whatever the number of tasks.
 */
final class TaskRollupReader implements AutoCloseable {
    private static final String WINDOW = """
            SELECT coalesce(sum(n_total), 0), coalesce(sum(n_open), 0), coalesce(sum(n_on_time), 0) FROM (
              SELECT n_total, n_open, n_on_time FROM task_rollup_month WHERE grp = ?1 AND month >= ?2 AND month < ?3
              UNION ALL SELECT n_total, n_open, n_on_time FROM task_rollup_day WHERE grp = ?1 AND day >= ?4 AND day < ?5
              UNION ALL SELECT n_total, n_open, n_on_time FROM task_rollup_day WHERE grp = ?1 AND day >= ?6 AND day < ?7)""";
    private static final String SOON = """
            SELECT coalesce(sum(CASE WHEN day < ?3 THEN n_open END), 0), coalesce(sum(n_open), 0)
            FROM task_rollup_day WHERE grp = ?1 AND day >= ?2 AND day < ?4""";

    private final PreparedStatement window;
    private final PreparedStatement soon;

    TaskRollupReader(Connection c) throws SQLException {
        window = c.prepareStatement(WINDOW);
        soon = c.prepareStatement(SOON);
    }

    /**
     * Exclusive end of "due within {@code days} days": today + days is included (20 Nov: up to and
     * including 20 Dec for 30 days). Whatever the period range (docs/metrics.md, "On-time rate").
     */
    static LocalDate dueWithinEnd(LocalDate today, int days) {
        return today.plusDays(days + 1L);
    }

    /** Counts for {@code group} over deadlines in {@code range}, as of {@code today}. */
    TaskCounts counts(long group, PeriodRange range, LocalDate today) throws SQLException {
        LocalDate from = range.firstDay();
        LocalDate end = range.endExclusive();
        long[] all = sum(group, from, end);
        LocalDate dueEnd = today.isBefore(end) ? today : end;
        long[] due = dueEnd.isAfter(from) ? sum(group, from, dueEnd) : new long[3];
        soon.setLong(1, group);
        soon.setString(2, today.toString());
        soon.setString(3, dueWithinEnd(today, 30).toString());
        soon.setString(4, dueWithinEnd(today, 90).toString());
        long in30, in90;
        try (ResultSet rs = soon.executeQuery()) {
            rs.next();
            in30 = rs.getLong(1);
            in90 = rs.getLong(2);
        }
        return new TaskCounts(all[0], all[1], due[1], in30, in90, due[0], due[2]);
    }

    /**
     * Counts for many small groups at once (a page of communes), from the day table alone: one
     * pass over each group's few dozen deadline days, instead of three queries per group.
     */
    static java.util.Map<Long, TaskCounts> countsOfGroups(Connection c, java.util.List<Long> groups, PeriodRange range,
                                                         LocalDate today) throws SQLException {
        if (groups.isEmpty()) return java.util.Map.of();
        String groupsSql = String.join(",", groups.stream().map(String::valueOf).toList());
        String from = range.firstDay().toString();
        String end = range.endExclusive().toString();
        String dueEnd = (today.isBefore(range.endExclusive()) ? today : range.endExclusive()).toString();
        String t = today.toString(), t30 = dueWithinEnd(today, 30).toString(), t90 = dueWithinEnd(today, 90).toString();
        String sql = "SELECT grp,"
                + " sum(CASE WHEN day >= ?1 AND day < ?2 THEN n_total ELSE 0 END),"
                + " sum(CASE WHEN day >= ?1 AND day < ?2 THEN n_open ELSE 0 END),"
                + " sum(CASE WHEN day >= ?1 AND day < ?3 THEN n_open ELSE 0 END),"
                + " sum(CASE WHEN day >= ?4 AND day < ?5 THEN n_open ELSE 0 END),"
                + " sum(CASE WHEN day >= ?4 AND day < ?6 THEN n_open ELSE 0 END),"
                + " sum(CASE WHEN day >= ?1 AND day < ?3 THEN n_total ELSE 0 END),"
                + " sum(CASE WHEN day >= ?1 AND day < ?3 THEN n_on_time ELSE 0 END)"
                + " FROM task_rollup_day WHERE grp IN (" + groupsSql + ") GROUP BY grp";
        java.util.Map<Long, TaskCounts> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, from);
            ps.setString(2, end);
            ps.setString(3, dueEnd);
            ps.setString(4, t);
            ps.setString(5, t30);
            ps.setString(6, t90);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new TaskCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getLong(8)));
                }
            }
        }
        return out;
    }

    /** {total, open, onTime} for deadlines in [from, to). */
    long[] sum(long group, LocalDate from, LocalDate to) throws SQLException {
        // Whole months inside the window come from the month table.
        YearMonth firstFull = from.getDayOfMonth() == 1 ? YearMonth.from(from) : YearMonth.from(from).plusMonths(1);
        YearMonth endFull = YearMonth.from(to); // months before this one end inside the window
        window.setLong(1, group);
        if (firstFull.isBefore(endFull)) {
            window.setInt(2, Period.of(firstFull));
            window.setInt(3, Period.of(endFull));
            window.setString(4, from.toString());
            window.setString(5, firstFull.atDay(1).toString());
            window.setString(6, endFull.atDay(1).toString());
            window.setString(7, to.toString());
        } else {
            window.setInt(2, 0);
            window.setInt(3, 0);
            window.setString(4, from.toString());
            window.setString(5, to.toString());
            window.setString(6, "");
            window.setString(7, "");
        }
        try (ResultSet rs = window.executeQuery()) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    @Override
    public void close() throws SQLException {
        window.close();
        soon.close();
    }
}
