package vn.r57desk.store.meeting;

import java.time.LocalDate;
import java.util.List;

import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Meeting;
import vn.r57desk.store.query.Results.KpiSeries;

/**
 * A delivery-unit stocktake of one agenda item's subject (docs/meetings.md): its status as of
 * {@code asOf} with the trend against the status it had at the previous meeting and the reason in
 * words; the trajectories to the 2030 targets; what changed since the previous meeting; the most
 * overdue tasks and whose they are; the decisions and actions of earlier meetings on it.
 *
 * @param previous the meeting compared with (null: none earlier)
 * @param asOf the day the figures describe: the meeting's day, or the data's as-of date if earlier
 * @param previousAsOf the previous meeting's day (null with no previous meeting)
 */
public record Stocktake(MeetingAgenda meeting, AgendaItem item, Meeting previous, LocalDate asOf, LocalDate previousAsOf,
                        Assessment now, Assessment then, Trend trend, List<KpiSeries> trajectories, ProgressTrack progress,
                        Changes changes, Overdue overdue, List<MeetingAction> earlierActions) {

    public enum Trend { BETTER, SAME, WORSE, NO_COMPARISON }

    /** A status with the rule's inputs in words. */
    public record Assessment(Rag rag, Bilingual reason) {}

    /** An initiative's actual progress against the straight line from 0 at its start to 1 at its deadline. */
    public record ProgressTrack(Initiative initiative, LocalDate start, LocalDate deadline, List<DatedValue> actual) {}

    public record DatedValue(LocalDate date, double value) {}

    /** What changed between the previous meeting's day (exclusive) and {@code asOf} (inclusive). */
    public record Changes(LocalDate from, LocalDate to, long tasksCompleted, List<TaskLine> recentlyCompleted, long tasksAdded,
                          long tasksWithdrawnProgrammeWide, long valuesReported, List<ValueReport> values, List<ProgressMove> initiatives) {}

    public record TaskLine(long id, String initiativeCode, Bilingual title, Bilingual assignee, LocalDate deadline, LocalDate completedAt) {}

    public record ValueReport(Kpi kpi, Bilingual scope, int period, double value, LocalDate reportedAt) {}

    public record ProgressMove(Initiative initiative, double progressThen, Rag ragThen, double progressNow, Rag ragNow) {}

    /** Tasks past their deadline and not done on {@code asOf}: how many, the oldest, and whose. */
    public record Overdue(long count, List<OverdueTask> oldest, List<AssigneeLoad> byAssignee) {}

    public record OverdueTask(TaskLine task, long daysLate) {}

    public record AssigneeLoad(Bilingual assignee, long overdue, long mostDaysLate) {}

    /** Earlier decisions and actions not done by now. */
    public long openActions() {
        return earlierActions.stream().filter(a -> !a.done()).count();
    }
}
