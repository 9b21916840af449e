package vn.r57desk.store.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.db.Rollups.TaskGroup;
import vn.r57desk.store.metrics.InitiativeStatusRule;
import vn.r57desk.store.metrics.RankingIndex;
import vn.r57desk.store.metrics.RankingIndex.Component;
import vn.r57desk.store.metrics.RankingIndex.Part;
import vn.r57desk.store.model.Agency;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Locality;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.model.ScopeKind;
import vn.r57desk.store.query.Results.DeadlineRow;
import vn.r57desk.store.query.Results.RankRow;

/** Deadlines by agency and province, and the rankings (docs/metrics.md, "Ranking index"). */
public final class Rankings {
    private final Cache cache;
    private final Catalog cat;

    Rankings(Cache cache, Catalog cat) {
        this.cache = cache;
        this.cat = cat;
    }

    /**
     * Per agency the committee ranks ({@link Catalog#ministries()}), most overdue first: tasks with a
     * deadline in {@code range}, overdue and on time as of {@code today}; "due within 30/90 days"
     * looks forward from today whatever the range (docs/metrics.md, "On-time rate").
     */
    public List<DeadlineRow> deadlinesByAgency(LocalDate today, PeriodRange range) throws CacheException {
        return cache.read(c -> {
            List<DeadlineRow> out = new ArrayList<>();
            try (TaskRollupReader r = new TaskRollupReader(c)) {
                for (Agency a : cat.ministries()) {
                    out.add(new DeadlineRow(a.id(), a.code(), a.name(), r.counts(TaskGroup.AGENCY.key(a.id()), range, today)));
                }
            }
            out.sort(Comparator.comparingLong((DeadlineRow d) -> -d.counts().overdue()).thenComparing(DeadlineRow::code));
            return out;
        });
    }

    /** {@link #deadlinesByAgency(LocalDate, PeriodRange)} over the programme to date (2025-01 to today's month). */
    public List<DeadlineRow> deadlinesByAgency(LocalDate today) throws CacheException {
        return deadlinesByAgency(today, PeriodRange.programmeTo(today));
    }

    /** Per province (its communes included), most overdue first; the range applies as in {@link #deadlinesByAgency(LocalDate, PeriodRange)}. */
    public List<DeadlineRow> deadlinesByProvince(LocalDate today, PeriodRange range) throws CacheException {
        return cache.read(c -> {
            List<DeadlineRow> out = new ArrayList<>();
            try (TaskRollupReader r = new TaskRollupReader(c)) {
                for (Locality p : cat.provinces().values()) {
                    out.add(new DeadlineRow(p.id(), p.code(), p.name(), r.counts(TaskGroup.PROVINCE.key(p.id()), range, today)));
                }
            }
            out.sort(Comparator.comparingLong((DeadlineRow d) -> -d.counts().overdue()).thenComparing(DeadlineRow::code));
            return out;
        });
    }

    /** {@link #deadlinesByProvince(LocalDate, PeriodRange)} over the programme to date. */
    public List<DeadlineRow> deadlinesByProvince(LocalDate today) throws CacheException {
        return deadlinesByProvince(today, PeriodRange.programmeTo(today));
    }

    /**
     * The agencies the committee assigns work to, by the ranking index over {@code range}: tasks with
     * a deadline in the range, reports of its months that are due by today, and the delivery of the
     * initiatives each leads as of today (delivery has no range: it is progress against the plan).
     */
    public List<RankRow> rankMinistries(LocalDate today, PeriodRange range) throws CacheException {
        return cache.read(c -> {
            List<Candidate> list = new ArrayList<>();
            try (TaskRollupReader r = new TaskRollupReader(c); Reporting rep = new Reporting(c, cat, today, range)) {
                for (Agency a : cat.ministries()) {
                    TaskCounts t = r.counts(TaskGroup.AGENCY.key(a.id()), range, today);
                    List<Double> delivery = new ArrayList<>();
                    for (Initiative i : cat.initiatives().values()) {
                        if (i.leadAgencyId() == a.id()) {
                            delivery.add(InitiativeStatusRule.delivery(i.status(), i.progress(), i.startDate(), i.deadline(), today));
                        }
                    }
                    Long scope = cat.agencyScopes().get(a.id());
                    Double reporting = scope == null ? null : rep.scopeTimeliness(scope, ScopeKind.AGENCY);
                    list.add(new Candidate(a.id(), a.code(), a.name(), List.of(
                            new Part(Component.ON_TIME_TASKS, t.onTimeRate()),
                            new Part(Component.INITIATIVE_DELIVERY, RankingIndex.mean(delivery)),
                            new Part(Component.REPORTING_TIMELINESS, reporting))));
                }
            }
            return rank(list);
        });
    }

    /** {@link #rankMinistries(LocalDate, PeriodRange)} over the programme to date. */
    public List<RankRow> rankMinistries(LocalDate today) throws CacheException {
        return rankMinistries(today, PeriodRange.programmeTo(today));
    }

    /**
     * Provinces by the ranking index over {@code range}: tasks of the province and its communes with
     * a deadline in the range, the status of each KPI reported there (its latest value up to the
     * range's last month), and reports of the range's months that are due by today.
     */
    public List<RankRow> rankProvinces(LocalDate today, PeriodRange range) throws CacheException {
        return cache.read(c -> {
            List<Candidate> list = new ArrayList<>();
            try (TaskRollupReader r = new TaskRollupReader(c); Reporting rep = new Reporting(c, cat, today, range); KpiReader kr = new KpiReader(c);
                 java.sql.PreparedStatement scopeStats = c.prepareStatement(
                         "SELECT kpi_id, " + KpiReader.STATS_COLUMNS + " FROM kpi_scope_stats WHERE scope_id = ?")) {
                for (Locality p : cat.provinces().values()) {
                    long scope = cat.provinceScopes().get(p.id());
                    TaskCounts t = r.counts(TaskGroup.PROVINCE.key(p.id()), range, today);
                    List<Double> scores = new ArrayList<>();
                    // One read of the province's rollup rows (scope index) rather than a seek per KPI.
                    scopeStats.setLong(1, scope);
                    try (java.sql.ResultSet rs = scopeStats.executeQuery()) {
                        while (rs.next()) {
                            Kpi k = cat.kpis().get(rs.getLong(1));
                            if (k != null && k.levels().contains(ScopeKind.PROVINCE)) {
                                scores.add(kr.status(k, scope, ScopeKind.PROVINCE, range, rs, 2).rag().score());
                            }
                        }
                    }
                    list.add(new Candidate(p.id(), p.code(), p.name(), List.of(
                            new Part(Component.ON_TIME_TASKS, t.onTimeRate()),
                            new Part(Component.KPI_TRAJECTORY, RankingIndex.mean(scores)),
                            new Part(Component.REPORTING_TIMELINESS, rep.provinceTimeliness(p.id(), scope)))));
                }
            }
            return rank(list);
        });
    }

    /** {@link #rankProvinces(LocalDate, PeriodRange)} over the programme to date. */
    public List<RankRow> rankProvinces(LocalDate today) throws CacheException {
        return rankProvinces(today, PeriodRange.programmeTo(today));
    }

    record Candidate(long id, String code, vn.r57desk.store.model.Bilingual name, List<Part> parts) {
        Double index() {
            return RankingIndex.index(parts);
        }
    }

    /**
     * Highest index first, compared as printed (to one decimal); tied rows share a rank (1, 2, 2, 4)
     * and are listed by code; an entity with no index at all ranks last, after every indexed one.
     */
    static List<RankRow> rank(List<Candidate> list) {
        List<RankRow> unsorted = new ArrayList<>();
        for (Candidate x : list) {
            Double idx = x.index();
            unsorted.add(new RankRow(0, x.id(), x.code(), x.name(), idx == null ? null : Math.round(idx * 10) / 10.0, x.parts()));
        }
        unsorted.sort(Comparator.comparing(RankRow::index, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(RankRow::code));
        List<RankRow> out = new ArrayList<>();
        for (int i = 0; i < unsorted.size(); i++) {
            RankRow x = unsorted.get(i);
            int rank = i > 0 && java.util.Objects.equals(x.index(), unsorted.get(i - 1).index()) ? out.get(i - 1).rank() : i + 1;
            out.add(new RankRow(rank, x.id(), x.code(), x.name(), x.index(), x.parts()));
        }
        return out;
    }
}
