package vn.r57desk.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.db.Rollups.TaskGroup;
import vn.r57desk.store.metrics.InitiativeStatusRule;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Agency;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Locality;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.model.ScopeKind;
import vn.r57desk.store.model.Task;
import vn.r57desk.store.query.Results.*;

/**
 * The one query API behind every chart: system → initiative → tasks and KPIs, ministry, locality
 * (national → province → commune), deadlines and rankings, each over a period range and as of a day.
 * Every method reads summaries maintained at write time (see {@code Rollups}), so its cost follows
 * what it returns, not how much is stored. Methods block: call them off the FX thread.
 */
public final class DrillDown {
    private final Cache cache;
    private volatile Catalog catalog;

    public DrillDown(Cache cache) throws CacheException {
        this.cache = cache;
        this.catalog = cache.read(Catalog::load);
    }

    /** Re-reads the reference tables, after a sync changed them. */
    public void reload() throws CacheException {
        catalog = cache.read(Catalog::load);
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * The cache it reads, for what lives beside the figures (the outbox's notes about a row:
     * {@code Outbox.about}); the query layer itself never reads the sync layer's tables.
     */
    public Cache cache() {
        return cache;
    }

    // ---- what changed --------------------------------------------------------------------------------

    /** What the runs after {@code afterRun} up to {@code upToRun} changed (a sync's report names its runs). */
    public ChangeSummary changes(long afterRun, long upToRun, LocalDate today) throws CacheException {
        Catalog cat = catalog;
        return cache.read(c -> ChangeSummary.between(c, cat, afterRun, upToRun, today));
    }

    /**
     * The last meeting that started before {@code day} (Vietnam's time): the one "since the last
     * meeting" counts from, in a meeting held on {@code day}. Empty when there is none.
     */
    public java.util.Optional<vn.r57desk.store.model.Meeting> meetingBefore(LocalDate day) throws CacheException {
        // Compared as times in Java, not as text in SQL: a server may send seconds or an offset
        // ("…T20:00Z" is the next morning in Vietnam). Meetings are a few dozen rows.
        return cache.read(c -> {
            vn.r57desk.store.model.Meeting last = null;
            try (var ps = c.prepareStatement("SELECT id, title_vi, title_en, starts_at, location FROM meetings ORDER BY id");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.time.LocalDateTime start;
                    try {
                        start = vn.r57desk.store.model.Meeting.parseStart(rs.getString(4));
                    } catch (java.time.format.DateTimeParseException e) {
                        System.getLogger(DrillDown.class.getName()).log(System.Logger.Level.WARNING,
                                "meeting " + rs.getLong(1) + " has a start that is not a time (" + rs.getString(4) + "); left out");
                        continue;
                    }
                    if (!start.isBefore(day.atStartOfDay())) continue;
                    if (last == null || !start.isBefore(last.startsAt())) {
                        last = new vn.r57desk.store.model.Meeting(rs.getLong(1), new vn.r57desk.store.model.Bilingual(rs.getString(2), rs.getString(3)),
                                start, rs.getString(5));
                    }
                }
            }
            return java.util.Optional.ofNullable(last);
        });
    }

    /** The tasks the runs finished since {@code since} changed, one per change, completed first and withdrawn last, newest first within each: a page of {@code limit} from {@code offset}. */
    public ChangeSummary.Page<ChangeSummary.TaskChange> taskChangesSince(java.time.Instant since, ChangeSummary.Filter f, int offset, int limit)
            throws CacheException {
        Catalog cat = catalog;
        return cache.read(c -> ChangeSummary.taskChanges(c, cat, ChangeSummary.runBefore(c, since), ChangeSummary.lastRun(c), f, offset, limit));
    }

    /** The KPI values the runs finished since {@code since} reported, revised or withdrew, newest first; a page as above. */
    public ChangeSummary.Page<ChangeSummary.ValueChange> valueChangesSince(java.time.Instant since, ChangeSummary.Filter f, int offset, int limit)
            throws CacheException {
        Catalog cat = catalog;
        return cache.read(c -> ChangeSummary.valueChanges(c, cat, ChangeSummary.runBefore(c, since), ChangeSummary.lastRun(c), f, offset, limit));
    }

    /** What the runs finished since {@code since} changed. */
    public ChangeSummary changesSince(java.time.Instant since, LocalDate today) throws CacheException {
        Catalog cat = catalog;
        return cache.read(c -> ChangeSummary.between(c, cat, ChangeSummary.runBefore(c, since), ChangeSummary.lastRun(c), today));
    }

    // ---- overview and status counts ---------------------------------------------------------------

    public Overview overview(LocalDate today, PeriodRange range) throws CacheException {
        Catalog cat = catalog;
        return cache.read(c -> {
            List<KpiStatus> national = nationalKpis(c, cat, range);
            // Every headline KPI, in id order: one with no national report yet is there as "no data
            // yet" (value null, NO_DATA) rather than missing from the screen.
            Map<Long, KpiStatus> reported = new java.util.HashMap<>();
            for (KpiStatus s : national) reported.put(s.kpi().id(), s);
            List<KpiStatus> headline = cat.kpis().values().stream().filter(Kpi::headline).sorted(Comparator.comparingLong(Kpi::id))
                    .map(k -> reported.getOrDefault(k.id(), KpiStatus.noData(k, cat.nationalScope()))).toList();
            List<Mover> movers = new ArrayList<>();
            for (KpiStatus s : national) {
                if (s.change() == null || s.expected() == null || s.kpi().target2030() == null) continue;
                double distance = Math.abs(s.kpi().target2030() - s.previousValue());
                if (distance < 1e-9 || s.change() == 0) continue;
                movers.add(new Mover(s, s.change(), s.change() * s.kpi().direction().sign() / distance));
            }
            movers.sort(Comparator.comparingDouble((Mover m) -> -Math.abs(m.normalized())).thenComparing(m -> m.status().kpi().code()));
            TaskCounts tasks;
            try (TaskRollupReader r = new TaskRollupReader(c)) {
                tasks = r.counts(TaskGroup.NATIONAL.key(0), range, today);
            }
            return new Overview(today, headline, statusBySystem(cat, today), tasks, List.copyOf(movers.subList(0, Math.min(5, movers.size()))),
                    cat.isDemo(), cat.dataAsOf());
        });
    }

    private List<KpiStatus> nationalKpis(Connection c, Catalog cat, PeriodRange range) throws SQLException {
        List<KpiStatus> out = new ArrayList<>();
        try (KpiReader kr = new KpiReader(c);
             PreparedStatement ps = c.prepareStatement("SELECT kpi_id, " + KpiReader.STATS_COLUMNS
                     + " FROM kpi_scope_stats WHERE scope_id = ? ORDER BY kpi_id")) {
            ps.setLong(1, cat.nationalScope());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Kpi k = cat.kpis().get(rs.getLong(1));
                    if (k != null) out.add(kr.status(k, cat.nationalScope(), ScopeKind.NATIONAL, range, rs, 2));
                }
            }
        }
        return out;
    }

    private static Map<Rag, Integer> emptyCounts() {
        Map<Rag, Integer> m = new EnumMap<>(Rag.class);
        for (Rag r : Rag.values()) if (r != Rag.NO_DATA) m.put(r, 0);
        return m;
    }

    static Rag rag(Initiative i, LocalDate today) {
        return InitiativeStatusRule.rag(i.status(), i.progress(), i.startDate(), i.deadline(), today);
    }

    public List<StatusCount> statusBySystem(LocalDate today) {
        return statusBySystem(catalog, today);
    }

    private static List<StatusCount> statusBySystem(Catalog cat, LocalDate today) {
        List<StatusCount> out = new ArrayList<>();
        for (var s : cat.systemList()) {
            Map<Rag, Integer> m = emptyCounts();
            for (Initiative i : cat.initiativesOfSystem(s.id())) m.merge(rag(i, today), 1, Integer::sum);
            out.add(new StatusCount(s.id(), s.code(), s.name(), m));
        }
        return out;
    }

    /** Initiatives each ministry leads, by status. */
    public List<StatusCount> statusByMinistry(LocalDate today) {
        Catalog cat = catalog;
        List<StatusCount> out = new ArrayList<>();
        for (Agency a : cat.ministries()) {
            Map<Rag, Integer> m = emptyCounts();
            for (Initiative i : cat.initiatives().values()) if (i.leadAgencyId() == a.id()) m.merge(rag(i, today), 1, Integer::sum);
            out.add(new StatusCount(a.id(), a.code(), a.name(), m));
        }
        return out;
    }

    /** Initiatives with tasks in each province, by status. */
    public List<StatusCount> statusByProvince(LocalDate today) throws CacheException {
        Catalog cat = catalog;
        return cache.read(c -> {
            List<StatusCount> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT grp FROM task_rollup_month WHERE grp >= ? AND grp < ? AND month = 0 AND n_total > 0")) {
                for (Locality p : cat.provinces().values()) {
                    Map<Rag, Integer> m = emptyCounts();
                    ps.setLong(1, TaskGroup.provinceInitiativeKey(p.id(), 0));
                    ps.setLong(2, TaskGroup.provinceInitiativeKey(p.id() + 1, 0));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Initiative i = cat.initiatives().get(rs.getLong(1) - TaskGroup.provinceInitiativeKey(p.id(), 0));
                            if (i != null) m.merge(rag(i, today), 1, Integer::sum);
                        }
                    }
                    out.add(new StatusCount(p.id(), p.code(), p.name(), m));
                }
            }
            return out;
        });
    }

    // ---- systems and initiatives ---------------------------------------------------------------

    /** Initiatives of a system (or led by an agency when {@code systemId} is null), with status and task counts. */
    public List<InitiativeRow> initiatives(Long systemId, Long leadAgencyId, LocalDate today, PeriodRange range) throws CacheException {
        Catalog cat = catalog;
        List<Initiative> list = cat.initiatives().values().stream()
                .filter(i -> systemId == null || i.systemId() == systemId)
                .filter(i -> leadAgencyId == null || i.leadAgencyId() == leadAgencyId)
                .sorted(Comparator.comparing(Initiative::code)).toList();
        return cache.read(c -> rows(c, list, today, range));
    }

    private static List<InitiativeRow> rows(Connection c, List<Initiative> list, LocalDate today, PeriodRange range) throws SQLException {
        List<InitiativeRow> out = new ArrayList<>();
        try (TaskRollupReader r = new TaskRollupReader(c)) {
            for (Initiative i : list) {
                out.add(new InitiativeRow(i, rag(i, today), InitiativeStatusRule.expectedProgress(i.startDate(), i.deadline(), today),
                        r.counts(TaskGroup.INITIATIVE.key(i.id()), range, today)));
            }
        }
        return out;
    }

    public InitiativeDetail initiative(long id, LocalDate today, PeriodRange range) throws CacheException {
        Catalog cat = catalog;
        Initiative i = cat.initiatives().get(id);
        if (i == null) throw new IllegalArgumentException("no initiative with id " + id);
        return cache.read(c -> {
            InitiativeRow row = rows(c, List.of(i), today, range).getFirst();
            List<KpiStatus> kpis = new ArrayList<>();
            try (KpiReader kr = new KpiReader(c)) {
                for (Kpi k : cat.kpis().values()) {
                    if (k.initiativeId() != null ? k.initiativeId() == id : false) {
                        kpis.add(kr.status(k, cat.nationalScope(), ScopeKind.NATIONAL, range));
                    }
                }
            }
            return new InitiativeDetail(row, cat.systems().get(i.systemId()), cat.agencies().get(i.leadAgencyId()),
                    i.coordinatingAgencyIds().stream().map(cat.agencies()::get).toList(), kpis);
        });
    }

    /** Whose tasks to list. */
    public enum TaskOwner { INITIATIVE, AGENCY, LOCALITY }

    /**
     * Tasks of an initiative, an agency or a locality with a deadline in {@code range}: the same
     * tasks, and so the same total, as the task counts of that owner over that range. Overdue
     * first, then open by deadline, then done; at most {@code limit}.
     */
    public List<TaskRow> tasks(TaskOwner owner, long id, LocalDate today, PeriodRange range, int limit) throws CacheException {
        return tasks(owner, id, today, range.firstDay(), range.endExclusive(), limit);
    }

    /**
     * Tasks of an owner whatever their deadline (every deadline of the programme): more than the
     * task counts over a period range show; prefer {@link #tasks(TaskOwner, long, LocalDate, PeriodRange, int)}.
     */
    public List<TaskRow> tasks(TaskOwner owner, long id, LocalDate today, int limit) throws CacheException {
        return tasks(owner, id, today, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 1, 1), limit);
    }

    private List<TaskRow> tasks(TaskOwner owner, long id, LocalDate today, LocalDate from, LocalDate endExclusive, int limit)
            throws CacheException {
        Catalog cat = catalog;
        String column = switch (owner) {
            case INITIATIVE -> "initiative_id";
            case AGENCY -> "agency_id";
            case LOCALITY -> "locality_id";
        };
        // The (owner, done, deadline) indexes return rows already in this order.
        String sql = "SELECT t.id, t.initiative_id, t.title_vi, t.title_en, t.agency_id, t.locality_id, t.deadline, t.completed_at,"
                + " l.name_vi, l.name_en FROM tasks t LEFT JOIN localities l ON l.id = t.locality_id"
                + " WHERE t." + column + " = ? AND t.deadline >= ? AND t.deadline < ? ORDER BY t.completed_at IS NOT NULL, t.deadline LIMIT ?";
        return cache.read(c -> {
            List<TaskRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                ps.setString(2, from.toString());
                ps.setString(3, endExclusive.toString());
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Long agency = Rows.nullableLong(rs, 5);
                        Task t = new Task(rs.getLong(1), rs.getLong(2), new Bilingual(rs.getString(3), rs.getString(4)), agency,
                                Rows.nullableLong(rs, 6), LocalDate.parse(rs.getString(7)),
                                rs.getString(8) == null ? null : LocalDate.parse(rs.getString(8)));
                        Bilingual assignee = agency != null ? cat.agencies().get(agency).name() : new Bilingual(rs.getString(9), rs.getString(10));
                        Initiative ini = cat.initiatives().get(t.initiativeId());
                        out.add(new TaskRow(t, ini == null ? "" : ini.code(), assignee, !t.done() && t.deadline().isBefore(today)));
                    }
                }
            }
            return out;
        });
    }

    // ---- KPIs -------------------------------------------------------------------------------------

    public KpiSeries kpiSeries(long kpiId, long scopeId, PeriodRange range) throws CacheException {
        Catalog cat = catalog;
        Kpi k = cat.kpis().get(kpiId);
        if (k == null) throw new IllegalArgumentException("no KPI with id " + kpiId);
        return cache.read(c -> {
            ScopeKind kind = scopeKind(c, scopeId);
            List<Point> points = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT period, value FROM observations WHERE kpi_id = ? AND scope_id = ? AND period BETWEEN ? AND ? ORDER BY period")) {
                ps.setLong(1, kpiId);
                ps.setLong(2, scopeId);
                ps.setInt(3, range.fromPeriod());
                ps.setInt(4, range.toPeriod());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) points.add(new Point(rs.getInt(1), rs.getDouble(2)));
                }
            }
            KpiStatus status;
            Point start = null, end = null;
            try (KpiReader kr = new KpiReader(c)) {
                status = kr.status(k, scopeId, kind, range);
            }
            Double first = null;
            Integer firstPeriod = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT first_period, first_value FROM kpi_scope_stats WHERE kpi_id = ? AND scope_id = ?")) {
                ps.setLong(1, kpiId);
                ps.setLong(2, scopeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) { firstPeriod = rs.getInt(1); first = rs.getDouble(2); }
                }
            }
            var t = KpiReader.trajectory(k, kind, first, firstPeriod);
            if (t != null) {
                start = new Point(Period.of(java.time.YearMonth.from(t.startDate())), t.startValue());
                end = new Point(Period.of(java.time.YearMonth.from(t.targetDate())), t.target());
            }
            return new KpiSeries(k, scopeId, List.copyOf(points), start, end, status);
        });
    }

    private static ScopeKind scopeKind(Connection c, long scopeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM scopes WHERE id = ?")) {
            ps.setLong(1, scopeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no scope with id " + scopeId);
                return ScopeKind.fromDb(rs.getString(1));
            }
        }
    }

    /** The scope id of a locality (province or commune). */
    public long localityScope(long localityId) throws CacheException {
        Long s = catalog.provinceScopes().get(localityId);
        if (s != null) return s;
        return cache.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM scopes WHERE locality_id = ?")) {
                ps.setLong(1, localityId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalArgumentException("no locality with id " + localityId);
                    return rs.getLong(1);
                }
            }
        });
    }

    /** A province or commune by its code (e.g. {@code 01} or {@code 01-00003}). */
    public long localityIdByCode(String code) throws CacheException {
        return cache.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM localities WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalArgumentException("unknown locality code '" + code + "'");
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Communes whose name contains every word of {@code query}, ignoring case and diacritics
     * ("an phu" finds "Xã An Phú"); provinces, agencies, initiatives and KPIs are searched in the
     * catalogue by the caller. At most {@code limit}, in code order.
     */
    public List<Locality> searchCommunes(String query, int limit) throws CacheException {
        String[] words = vn.r57desk.store.text.VietnameseText.searchKey(query).split(" ");
        StringBuilder sql = new StringBuilder("SELECT " + Rows.LOCALITY_COLUMNS + " FROM localities WHERE level = 'commune'");
        List<String> args = new ArrayList<>();
        for (String w : words) {
            if (w.isEmpty()) continue;
            sql.append(" AND instr(name_search, ?) > 0");
            args.add(w);
        }
        if (args.isEmpty()) return List.of();
        sql.append(" ORDER BY code LIMIT ?");
        return cache.read(c -> {
            List<Locality> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                for (String a : args) ps.setString(i++, a);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(Rows.locality(rs));
                }
            }
            return out;
        });
    }

    // ---- ministries -------------------------------------------------------------------------------

    public MinistrySummary ministry(long agencyId, LocalDate today, PeriodRange range) throws CacheException {
        Catalog cat = catalog;
        Agency a = cat.agencies().get(agencyId);
        if (a == null) throw new IllegalArgumentException("no agency with id " + agencyId);
        List<Initiative> leads = cat.initiatives().values().stream().filter(i -> i.leadAgencyId() == agencyId)
                .sorted(Comparator.comparing(Initiative::code)).toList();
        List<Initiative> coordinates = cat.initiatives().values().stream().filter(i -> i.coordinatingAgencyIds().contains(agencyId))
                .sorted(Comparator.comparing(Initiative::code)).toList();
        Long scope = cat.agencyScopes().get(agencyId);
        return cache.read(c -> {
            TaskCounts tasks;
            try (TaskRollupReader r = new TaskRollupReader(c)) {
                tasks = r.counts(TaskGroup.AGENCY.key(agencyId), range, today);
            }
            List<KpiStatus> kpis = new ArrayList<>();
            if (scope != null) {
                try (KpiReader kr = new KpiReader(c)) {
                    for (Kpi k : cat.kpis().values()) {
                        if (k.levels().contains(ScopeKind.AGENCY)) kpis.add(kr.status(k, scope, ScopeKind.AGENCY, range));
                    }
                }
            }
            return new MinistrySummary(a, rows(c, leads, today, range), rows(c, coordinates, today, range), tasks, kpis);
        });
    }

    /** Ministries × systems: initiatives each ministry leads or coordinates in each system, by status. */
    public List<GridCell> ministryGrid(LocalDate today) {
        Catalog cat = catalog;
        List<GridCell> out = new ArrayList<>();
        for (Agency a : cat.ministries()) {
            for (var s : cat.systemList()) {
                Map<Rag, Integer> m = emptyCounts();
                Rag worst = Rag.NO_DATA;
                for (Initiative i : cat.initiativesOfSystem(s.id())) {
                    if (i.leadAgencyId() != a.id() && !i.coordinatingAgencyIds().contains(a.id())) continue;
                    Rag r = rag(i, today);
                    m.merge(r, 1, Integer::sum);
                    worst = worse(worst, r);
                }
                out.add(new GridCell(a.id(), s.id(), m, worst));
            }
        }
        return out;
    }

    private static Rag worse(Rag a, Rag b) {
        List<Rag> order = List.of(Rag.NO_DATA, Rag.COMPLETED, Rag.GREEN, Rag.AMBER, Rag.RED);
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    // ---- localities -------------------------------------------------------------------------------

    /** The 34 provinces with one KPI's latest value and status (the map), task counts and reporting timeliness. */
    public List<LocalityRow> provinces(long kpiId, LocalDate today, PeriodRange range) throws CacheException {
        Catalog cat = catalog;
        Kpi k = cat.kpis().get(kpiId);
        if (k == null) throw new IllegalArgumentException("no KPI with id " + kpiId);
        return cache.read(c -> {
            List<LocalityRow> out = new ArrayList<>();
            try (KpiReader kr = new KpiReader(c); TaskRollupReader tr = new TaskRollupReader(c); Reporting rep = new Reporting(c, cat, today, range)) {
                for (Locality p : cat.provinces().values()) {
                    long scope = cat.provinceScopes().get(p.id());
                    out.add(new LocalityRow(p, kr.status(k, scope, ScopeKind.PROVINCE, range),
                            tr.counts(TaskGroup.PROVINCE.key(p.id()), range, today), rep.provinceTimeliness(p.id(), scope)));
                }
            }
            return out;
        });
    }

    /** Orders of the commune list. */
    public enum CommuneOrder {
        CODE("l.code"),
        /** Lowest value first: worst first for a KPI where higher is better. */
        VALUE_ASC("k.last_value IS NULL, k.last_value, l.code"),
        VALUE_DESC("k.last_value IS NULL, k.last_value DESC, l.code");

        final String sql;

        CommuneOrder(String sql) {
            this.sql = sql;
        }
    }

    /**
     * One page of a province's communes with one KPI, task counts and reporting timeliness. Only
     * the page's communes are read in full, so the cost follows the page, not the province's size.
     */
    public CommunePage communes(long provinceId, long kpiId, LocalDate today, PeriodRange range, CommuneOrder order, int offset,
                                int limit) throws CacheException {
        Catalog cat = catalog;
        Kpi k = cat.kpis().get(kpiId);
        if (k == null) throw new IllegalArgumentException("no KPI with id " + kpiId);
        return cache.read(c -> {
            List<LocalityRow> out = new ArrayList<>();
            String sql = "SELECT l.id, l.code, l.level, l.parent_id, l.name_vi, l.name_en, l.kind, l.region, l.synthetic, s.id, "
                    + KpiReader.STATS_COLUMNS.replaceAll("(\\w+)", "k.$1")
                    + " FROM localities l JOIN scopes s ON s.locality_id = l.id"
                    + " LEFT JOIN kpi_scope_stats k ON k.kpi_id = ? AND k.scope_id = s.id"
                    + " WHERE l.parent_id = ? ORDER BY " + order.sql + " LIMIT ? OFFSET ?";
            List<Object[]> page = new ArrayList<>();
            try (KpiReader kr = new KpiReader(c); Reporting rep = new Reporting(c, cat, today, range); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, kpiId);
                ps.setLong(2, provinceId);
                ps.setInt(3, limit);
                ps.setInt(4, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Locality l = Rows.locality(rs);
                        long scope = rs.getLong(10);
                        KpiStatus st = Rows.nullableInt(rs, 11) == null
                                ? KpiStatus.noData(k, scope)
                                : kr.status(k, scope, ScopeKind.COMMUNE, range, rs, 11);
                        Double timeliness = rep.scopeTimeliness(scope, ScopeKind.COMMUNE);
                        page.add(new Object[]{l, st, timeliness});
                    }
                }
            }
            List<Long> groups = page.stream().map(p -> TaskGroup.COMMUNE.key(((Locality) p[0]).id())).toList();
            Map<Long, TaskCounts> tasks = TaskRollupReader.countsOfGroups(c, groups, range, today);
            for (Object[] p : page) {
                Locality l = (Locality) p[0];
                out.add(new LocalityRow(l, (KpiStatus) p[1], tasks.getOrDefault(TaskGroup.COMMUNE.key(l.id()), TaskCounts.ZERO), (Double) p[2]));
            }
            return new CommunePage(List.copyOf(out), offset, cat.communeCounts().getOrDefault(provinceId, 0));
        });
    }

    /** One province or commune: every KPI reported there, tasks, reporting, and the initiatives active there. */
    public LocalityDetail locality(long localityId, LocalDate today, PeriodRange range) throws CacheException {
        Catalog cat = catalog;
        return cache.read(c -> {
            Locality l;
            long scope;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.LOCALITY_COLUMNS.replaceAll("(\\w+)", "l.$1")
                    + ", s.id FROM localities l JOIN scopes s ON s.locality_id = l.id WHERE l.id = ?")) {
                ps.setLong(1, localityId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalArgumentException("no locality with id " + localityId);
                    l = Rows.locality(rs);
                    scope = rs.getLong(10);
                }
            }
            boolean province = l.level() == Locality.Level.PROVINCE;
            ScopeKind kind = province ? ScopeKind.PROVINCE : ScopeKind.COMMUNE;
            List<KpiStatus> kpis = new ArrayList<>();
            try (KpiReader kr = new KpiReader(c)) {
                for (Kpi k : cat.kpis().values()) if (k.levels().contains(kind)) kpis.add(kr.status(k, scope, kind, range));
            }
            TaskCounts tasks;
            Double timeliness;
            try (TaskRollupReader tr = new TaskRollupReader(c); Reporting rep = new Reporting(c, cat, today, range)) {
                tasks = tr.counts((province ? TaskGroup.PROVINCE : TaskGroup.COMMUNE).key(l.id()), range, today);
                timeliness = province ? rep.provinceTimeliness(l.id(), scope) : rep.scopeTimeliness(scope, ScopeKind.COMMUNE);
            }
            List<InitiativeRow> active = List.of();
            if (province) {
                List<Initiative> list = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT grp FROM task_rollup_month WHERE grp >= ? AND grp < ? AND month = 0 AND n_total > 0")) {
                    ps.setLong(1, TaskGroup.provinceInitiativeKey(l.id(), 0));
                    ps.setLong(2, TaskGroup.provinceInitiativeKey(l.id() + 1, 0));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Initiative i = cat.initiatives().get(rs.getLong(1) - TaskGroup.provinceInitiativeKey(l.id(), 0));
                            if (i != null) list.add(i);
                        }
                    }
                }
                active = rows(c, list, today, range);
            }
            Locality parent = l.parentId() == null ? null : cat.provinces().get(l.parentId());
            return new LocalityDetail(l, parent, kpis, tasks, timeliness, active);
        });
    }

    /** Deadlines and rankings live beside this class; they share its catalogue and cache. */
    public Rankings rankings() {
        return new Rankings(cache, catalog);
    }
}
