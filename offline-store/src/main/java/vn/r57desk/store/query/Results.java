package vn.r57desk.store.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.r57desk.store.metrics.RankingIndex;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Agency;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Locality;
import vn.r57desk.store.model.SystemInfo;
import vn.r57desk.store.model.Task;

/** What the drill-down queries answer: immutable, ready to draw. */
public final class Results {
    private Results() {}

    /**
     * A KPI at one scope: its latest value up to the range's last month, the previous one, the
     * trajectory and status. No value ({@code value} null, {@code rag} NO_DATA) when nothing was
     * reported yet: "no data yet". {@code monthsOld}: months from the value's month to the range's
     * last month; a status {@link #old()} says so (docs/metrics.md).
     */
    public record KpiStatus(Kpi kpi, long scopeId, Integer period, Double value, Integer previousPeriod, Double previousValue,
                            Double expected, Rag rag, long reports, long lateReports, Integer monthsOld) {
        /** A status from a value this many months before the range's last month, or more, is old. */
        public static final int OLD_AFTER_MONTHS = 4;

        /** Nothing reported at this scope (up to the range's end): shown as "no data yet", never left out. */
        public static KpiStatus noData(Kpi kpi, long scopeId) {
            return new KpiStatus(kpi, scopeId, null, null, null, null, null, Rag.NO_DATA, 0, 0, null);
        }

        public boolean hasData() {
            return value != null;
        }

        /** The latest value is {@link #OLD_AFTER_MONTHS} or more months older than the range's last month. */
        public boolean old() {
            return monthsOld != null && monthsOld >= OLD_AFTER_MONTHS;
        }

        public Double change() {
            return value == null || previousValue == null ? null : value - previousValue;
        }
    }

    /** A group's initiatives counted by status. */
    public record StatusCount(long id, String code, Bilingual name, Map<Rag, Integer> counts) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public record InitiativeRow(Initiative initiative, Rag rag, double expectedProgress, TaskCounts tasks) {}

    /** A KPI that moved since its previous period; {@code normalized} is the change as a share of the distance to target. */
    public record Mover(KpiStatus status, double change, double normalized) {}

    public record Overview(LocalDate today, List<KpiStatus> headline, List<StatusCount> bySystem, TaskCounts tasks,
                           List<Mover> movers, boolean demo, LocalDate dataAsOf) {}

    public record InitiativeDetail(InitiativeRow row, SystemInfo system, Agency lead, List<Agency> coordinators,
                                   List<KpiStatus> kpis) {}

    public record TaskRow(Task task, String initiativeCode, Bilingual assignee, boolean overdue) {}

    public record Point(int period, double value) {}

    public record KpiSeries(Kpi kpi, long scopeId, List<Point> points, Point trajectoryStart, Point trajectoryEnd, KpiStatus status) {}

    public record MinistrySummary(Agency agency, List<InitiativeRow> leads, List<InitiativeRow> coordinates, TaskCounts tasks,
                                  List<KpiStatus> kpis) {}

    /** One cell of the ministries × systems grid: initiatives the ministry leads or coordinates there. */
    public record GridCell(long agencyId, long systemId, Map<Rag, Integer> counts, Rag worst) {}

    public record LocalityRow(Locality locality, KpiStatus kpi, TaskCounts tasks, Double reportingTimeliness) {}

    /** One page of a province's communes; {@code total} counts them all. */
    public record CommunePage(List<LocalityRow> rows, int offset, int total) {}

    public record LocalityDetail(Locality locality, Locality parent, List<KpiStatus> kpis, TaskCounts tasks, Double reportingTimeliness,
                                 List<InitiativeRow> activeInitiatives) {}

    public record DeadlineRow(long id, String code, Bilingual name, TaskCounts counts) {}

    public record RankRow(int rank, long id, String code, Bilingual name, Double index, List<RankingIndex.Part> parts) {}
}
