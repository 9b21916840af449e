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

    /** Overdue and due-soon tasks per ministry, most overdue first. */
    public List<DeadlineRow> deadlinesByAgency(LocalDate today) throws CacheException {
        PeriodRange all = allTime(today);
        return cache.read(c -> {
            List<DeadlineRow> out = new ArrayList<>();
            try (TaskRollupReader r = new TaskRollupReader(c)) {
                for (Agency a : cat.agencies().values()) {
                    TaskCounts t = r.counts(TaskGroup.AGENCY.key(a.id()), all, today);
                    if (t.total() > 0) out.add(new DeadlineRow(a.id(), a.code(), a.name(), t));
                }
            }
            out.sort(Comparator.comparingLong((DeadlineRow d) -> -d.counts().overdue()).thenComparing(DeadlineRow::code));
            return out;
        });
    }

    /** Overdue and due-soon tasks per province (its communes included), most overdue first. */
    public List<DeadlineRow> deadlinesByProvince(LocalDate today) throws CacheException {
        PeriodRange all = allTime(today);
        return cache.read(c -> {
            List<DeadlineRow> out = new ArrayList<>();
            try (TaskRollupReader r = new TaskRollupReader(c)) {
                for (Locality p : cat.provinces().values()) {
                    out.add(new DeadlineRow(p.id(), p.code(), p.name(), r.counts(TaskGroup.PROVINCE.key(p.id()), all, today)));
                }
            }
            out.sort(Comparator.comparingLong((DeadlineRow d) -> -d.counts().overdue()).thenComparing(DeadlineRow::code));
            return out;
        });
    }

    /** Every deadline of the programme: 2025 to the end of 2045. */
    static PeriodRange allTime(LocalDate today) {
        return new PeriodRange(java.time.YearMonth.of(2025, 1), java.time.YearMonth.of(2045, 12));
    }

    public List<RankRow> rankMinistries(LocalDate today) throws CacheException {
        PeriodRange all = allTime(today);
        return cache.read(c -> {
            List<Candidate> list = new ArrayList<>();
            try (TaskRollupReader r = new TaskRollupReader(c); Reporting rep = new Reporting(c, cat, today)) {
                for (Agency a : cat.ministries()) {
                    TaskCounts t = r.counts(TaskGroup.AGENCY.key(a.id()), all, today);
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

    public List<RankRow> rankProvinces(LocalDate today) throws CacheException {
        PeriodRange all = allTime(today);
        PeriodRange toDate = PeriodRange.programmeTo(today);
        return cache.read(c -> {
            List<Candidate> list = new ArrayList<>();
            try (TaskRollupReader r = new TaskRollupReader(c); Reporting rep = new Reporting(c, cat, today); KpiReader kr = new KpiReader(c);
                 java.sql.PreparedStatement scopeStats = c.prepareStatement(
                         "SELECT kpi_id, " + KpiReader.STATS_COLUMNS + " FROM kpi_scope_stats WHERE scope_id = ?")) {
                for (Locality p : cat.provinces().values()) {
                    long scope = cat.provinceScopes().get(p.id());
                    TaskCounts t = r.counts(TaskGroup.PROVINCE.key(p.id()), all, today);
                    List<Double> scores = new ArrayList<>();
                    // One read of the province's rollup rows (scope index) rather than a seek per KPI.
                    scopeStats.setLong(1, scope);
                    try (java.sql.ResultSet rs = scopeStats.executeQuery()) {
                        while (rs.next()) {
                            Kpi k = cat.kpis().get(rs.getLong(1));
                            if (k != null && k.levels().contains(ScopeKind.PROVINCE)) {
                                scores.add(kr.status(k, scope, ScopeKind.PROVINCE, toDate, rs, 2).rag().score());
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

    private record Candidate(long id, String code, vn.r57desk.store.model.Bilingual name, List<Part> parts) {
        Double index() {
            return RankingIndex.index(parts);
        }
    }

    /** Highest index first, reported to one decimal; equal indexes share a rank (1, 2, 2, 4); no index ranks last. */
    private static List<RankRow> rank(List<Candidate> list) {
        List<Candidate> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((Candidate x) -> x.index() == null ? Double.NEGATIVE_INFINITY : -x.index())
                .thenComparing(Candidate::code));
        List<RankRow> out = new ArrayList<>();
        Double previous = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Candidate x = sorted.get(i);
            Double idx = x.index();
            Double rounded = idx == null ? null : Math.round(idx * 10) / 10.0;
            if (i == 0 || !java.util.Objects.equals(rounded, previous)) rank = i + 1;
            previous = rounded;
            out.add(new RankRow(rank, x.id(), x.code(), x.name(), rounded, x.parts()));
        }
        return out;
    }
}
