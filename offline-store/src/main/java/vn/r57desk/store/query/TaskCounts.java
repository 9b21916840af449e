package vn.r57desk.store.query;

import vn.r57desk.store.metrics.RankingIndex;

/**
 * Task counts for one group as of a day. {@code overdue}: open with a deadline before today;
 * {@code dueIn30}/{@code dueIn90}: open and due from today to today + 30/90 days, both
 * days included, whatever the period range (a look ahead from today); {@code dueByToday}:
 * every task whose deadline has passed, {@code onTimeByToday}: of those, done by their deadline.
 */
public record TaskCounts(long total, long open, long overdue, long dueIn30, long dueIn90, long dueByToday, long onTimeByToday) {
    public static final TaskCounts ZERO = new TaskCounts(0, 0, 0, 0, 0, 0, 0);

    public Double onTimeRate() {
        return RankingIndex.onTimeRate(onTimeByToday, dueByToday);
    }

    public TaskCounts plus(TaskCounts o) {
        return new TaskCounts(total + o.total, open + o.open, overdue + o.overdue, dueIn30 + o.dueIn30, dueIn90 + o.dueIn90,
                dueByToday + o.dueByToday, onTimeByToday + o.onTimeByToday);
    }
}
