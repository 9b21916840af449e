package vn.r57desk.store.meeting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.metrics.InitiativeStatusRule;
import vn.r57desk.store.metrics.KpiTrajectory;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Meeting;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.model.ScopeKind;
import vn.r57desk.store.query.Catalog;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.KpiSeries;
import vn.r57desk.store.meeting.Stocktake.*;

/**
 * Computes a {@link Stocktake} (docs/meetings.md says what each figure is). The status "then" is
 * the same rule applied to the data as it stood on the previous meeting's day: an initiative's
 * progress from the change history (the value before the first change recorded after that day), a
 * KPI's latest value reported by that day, a province's tasks due and done by that day.
 */
final class StocktakeReader {
    /** A group of initiatives (a system, a ministry's) is green from this mean score (green 1, amber 0.5, red 0). */
    static final double GROUP_GREEN_MIN = 0.75;
    static final double GROUP_AMBER_MIN = 0.5;
    /** A province is green when this share of its tasks due by the day are done, amber from the next. */
    static final double LOCALITY_GREEN_MIN = 0.9;
    static final double LOCALITY_AMBER_MIN = 0.7;
    static final int LIST_LIMIT = 5;
    static final int VALUES_LIMIT = 8;
    static final int TRAJECTORIES = 2;

    private final Cache cache;
    private final DrillDown dd;
    private final Meetings meetings;

    StocktakeReader(Cache cache, DrillDown dd, Meetings meetings) {
        this.cache = cache;
        this.dd = dd;
        this.meetings = meetings;
    }

    Stocktake read(MeetingAgenda agenda, AgendaItem item, LocalDate today) throws CacheException {
        Catalog cat = dd.catalog();
        Meeting meeting = agenda.meeting();
        LocalDate dataDay = meetings.dataDay(today);
        LocalDate asOf = min(meeting.startsAt().toLocalDate(), dataDay);
        Meeting previous = meetings.comparedWith(meeting, dataDay).orElse(null);
        LocalDate prevDay = previous == null ? null : previous.startsAt().toLocalDate();
        // the data's state at the meeting: changes recorded after its start are not yet known then
        Instant nowAt = meeting.startsAt().toLocalDate().isAfter(dataDay) ? Instant.MAX : instant(meeting.startsAt());
        Instant prevAt = previous == null ? null : instant(previous.startsAt());
        Subject s = item.subject();
        if (s == null) {
            Assessment none = new Assessment(Rag.NO_DATA, new Bilingual("Mục này không gắn với một hệ thống, sáng kiến, chỉ tiêu, bộ hay tỉnh cụ thể.",
                    "This item is not about one system, initiative, KPI, ministry or province."));
            return new Stocktake(agenda, item, previous, asOf, prevDay, none, null, Stocktake.Trend.NO_COMPARISON, List.of(), null,
                    new Changes(prevDay, asOf, 0, List.of(), 0, 0, 0, List.of(), List.of()), new Overdue(0, List.of(), List.of()), List.of());
        }
        long id = item.subjectId();
        List<Initiative> initiatives = initiativesOf(cat, s.kind(), id);
        List<KpiSeries> trajectories = trajectories(cat, s.kind(), id, asOf);
        return cache.read(c -> {
            Map<Long, Double[]> progressNow = progressAt(c, nowAt);
            Map<Long, Double[]> progressThen = prevAt == null ? null : progressAt(c, prevAt);
            Assessment now = assess(c, cat, s.kind(), id, initiatives, progressNow, asOf);
            Assessment then = previous == null ? null : assess(c, cat, s.kind(), id, initiatives, progressThen, prevDay);
            Stocktake.Trend trend = then == null ? Stocktake.Trend.NO_COMPARISON : trend(then.rag(), now.rag());
            TaskFilter f = taskFilter(cat, s.kind(), id);
            Changes changes = changes(c, cat, s.kind(), id, f, initiatives, progressThen, progressNow, prevDay, prevAt, asOf, nowAt);
            Overdue overdue = overdue(c, f, asOf);
            ProgressTrack track = s.kind() == Subject.Kind.INITIATIVE ? track(c, cat.initiatives().get(id), asOf, nowAt) : null;
            List<MeetingAction> actions = Decisions.onSubjectBefore(c, s, meeting.startsAt());
            return new Stocktake(agenda, item, previous, asOf, prevDay, now, then, trend, trajectories, track, changes, overdue, actions);
        });
    }

    // ---- status ----------------------------------------------------------------------------------

    private static int rank(Rag r) {
        return switch (r) {
            case COMPLETED -> 3;
            case GREEN -> 2;
            case AMBER -> 1;
            case RED -> 0;
            case NO_DATA -> -1;
        };
    }

    static Stocktake.Trend trend(Rag then, Rag now) {
        if (then == Rag.NO_DATA || now == Rag.NO_DATA) return Stocktake.Trend.NO_COMPARISON;
        int d = Integer.compare(rank(now), rank(then));
        return d > 0 ? Stocktake.Trend.BETTER : d < 0 ? Stocktake.Trend.WORSE : Stocktake.Trend.SAME;
    }

    private Assessment assess(Connection c, Catalog cat, Subject.Kind kind, long id, List<Initiative> initiatives, Map<Long, Double[]> progress,
                              LocalDate day) throws SQLException {
        return switch (kind) {
            case INITIATIVE -> initiative(cat.initiatives().get(id), progress, day);
            case KPI -> kpi(c, cat.kpis().get(id), cat.nationalScope(), ScopeKind.NATIONAL, day);
            case SYSTEM, AGENCY -> group(initiatives, progress, day, kind == Subject.Kind.SYSTEM
                    ? new Bilingual("sáng kiến của hệ thống", "initiatives in the system") : new Bilingual("sáng kiến do bộ chủ trì", "initiatives it leads"));
            case LOCALITY -> locality(c, id, day);
        };
    }

    /** {status, progress} of an initiative on a day; null when it did not exist then. */
    private static Object[] stateOf(Initiative i, Map<Long, Double[]> progress) {
        Double[] p = progress.get(i.id());
        if (p == null) return new Object[] {i.status(), i.progress()};
        if (p[0] == null) return null;
        return new Object[] {Initiative.Status.values()[p[0].intValue()], p[1]};
    }

    static Assessment initiative(Initiative i, Map<Long, Double[]> progress, LocalDate day) {
        Object[] st = stateOf(i, progress);
        if (st == null) return new Assessment(Rag.NO_DATA, new Bilingual("Sáng kiến chưa có trong dữ liệu ngày " + Words.day(day) + ".",
                "The initiative was not in the data on " + Words.day(day) + "."));
        Initiative.Status status = (Initiative.Status) st[0];
        double p = (Double) st[1];
        Rag rag = InitiativeStatusRule.rag(status, p, i.startDate(), i.deadline(), day);
        double expected = InitiativeStatusRule.expectedProgress(i.startDate(), i.deadline(), day);
        if (status == Initiative.Status.COMPLETED) return new Assessment(rag, new Bilingual("Đã hoàn thành.", "Completed."));
        if (status == Initiative.Status.SUSPENDED) {
            return new Assessment(rag, new Bilingual("Tạm dừng ở tiến độ " + Words.percent(p) + ": một sáng kiến tạm dừng được đánh giá Nguy cơ không đạt.",
                    "Suspended at " + Words.percent(p) + " progress: a suspended initiative is off track."));
        }
        if (day.isAfter(i.deadline())) {
            return new Assessment(rag, new Bilingual("Đã quá hạn " + Words.day(i.deadline()) + " khi tiến độ mới đạt " + Words.percent(p) + ".",
                    "Past its deadline of " + Words.day(i.deadline()) + " at " + Words.percent(p) + " progress."));
        }
        long gap = Math.round((expected - p) * 100);
        String viGap = gap > 0 ? "chậm " + gap + " điểm %" : gap < 0 ? "vượt " + -gap + " điểm %" : "đúng bằng";
        String enGap = gap > 0 ? gap + " points behind" : gap < 0 ? -gap + " points ahead" : "level";
        return new Assessment(rag, new Bilingual(
                "Tiến độ thực tế " + Words.percent(p) + " so với " + Words.percent(expected) + " kỳ vọng theo thời gian (" + viGap
                        + "); đúng tiến độ nếu chậm không quá " + Math.round(InitiativeStatusRule.GREEN_MAX_GAP * 100) + " điểm, chậm nếu không quá "
                        + Math.round(InitiativeStatusRule.AMBER_MAX_GAP * 100) + ".",
                "Actual progress " + Words.percent(p) + " against " + Words.percent(expected) + " expected by the calendar (" + enGap
                        + "); on track within " + Math.round(InitiativeStatusRule.GREEN_MAX_GAP * 100) + " points, at risk within "
                        + Math.round(InitiativeStatusRule.AMBER_MAX_GAP * 100) + "."));
    }

    private static Assessment group(List<Initiative> initiatives, Map<Long, Double[]> progress, LocalDate day, Bilingual what) {
        Map<Rag, Integer> counts = new EnumMap<>(Rag.class);
        double sum = 0;
        int n = 0;
        for (Initiative i : initiatives) {
            Rag r = initiative(i, progress, day).rag();
            if (r == Rag.NO_DATA) continue;
            counts.merge(r, 1, Integer::sum);
            sum += r.score();
            n++;
        }
        if (n == 0) return new Assessment(Rag.NO_DATA, new Bilingual("Không có " + what.vi() + ".", "No " + what.en() + "."));
        double score = sum / n;
        Rag rag = score >= GROUP_GREEN_MIN - 1e-9 ? Rag.GREEN : score >= GROUP_AMBER_MIN - 1e-9 ? Rag.AMBER : Rag.RED;
        StringBuilder vi = new StringBuilder(n + " " + what.vi() + ": ");
        StringBuilder en = new StringBuilder(n + " " + what.en() + ": ");
        boolean first = true;
        for (Rag r : List.of(Rag.COMPLETED, Rag.GREEN, Rag.AMBER, Rag.RED)) {
            int k = counts.getOrDefault(r, 0);
            if (k == 0) continue;
            vi.append(first ? "" : ", ").append(k).append(" ").append(Words.rag(r).vi().toLowerCase(Words.VI));
            en.append(first ? "" : ", ").append(k).append(" ").append(Words.rag(r).en().toLowerCase(Locale.ROOT));
            first = false;
        }
        vi.append("; điểm bình quân ").append(Words.number(score, Words.VI)).append(" (đúng tiến độ từ ").append(Words.number(GROUP_GREEN_MIN, Words.VI))
                .append(", chậm từ ").append(Words.number(GROUP_AMBER_MIN, Words.VI)).append("; mỗi sáng kiến đúng tiến độ hoặc hoàn thành tính 1, chậm 0,5).");
        en.append("; mean score ").append(Words.number(score, Words.EN)).append(" (on track from ").append(Words.number(GROUP_GREEN_MIN, Words.EN))
                .append(", at risk from ").append(Words.number(GROUP_AMBER_MIN, Words.EN)).append("; an initiative on track or completed counts 1, at risk 0.5).");
        return new Assessment(rag, new Bilingual(vi.toString(), en.toString()));
    }

    /** A KPI's latest value reported by {@code day} against its trajectory (KpiTrajectory, as the drill-downs use it). */
    static Assessment kpi(Connection c, Kpi k, long scopeId, ScopeKind kind, LocalDate day) throws SQLException {
        Integer period = null, firstPeriod = null;
        Double value = null, firstValue = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT period, value FROM observations WHERE kpi_id = ? AND scope_id = ? AND reported_at <= ?"
                + " ORDER BY period DESC LIMIT 1")) {
            ps.setLong(1, k.id());
            ps.setLong(2, scopeId);
            ps.setInt(3, Period.dateInt(day));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) { period = rs.getInt(1); value = rs.getDouble(2); }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT period, value FROM observations WHERE kpi_id = ? AND scope_id = ? ORDER BY period LIMIT 1")) {
            ps.setLong(1, k.id());
            ps.setLong(2, scopeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) { firstPeriod = rs.getInt(1); firstValue = rs.getDouble(2); }
            }
        }
        boolean national = kind == ScopeKind.NATIONAL;
        KpiTrajectory t = KpiTrajectory.of(national ? k.baseline() : null, national ? k.baselineYear() : null, k.target2030(), k.target2045(),
                k.direction(), firstValue, firstPeriod == null ? null : Period.midpoint(firstPeriod));
        String unitVi = k.unit().vi(), unitEn = k.unit().en();
        if (value == null) {
            return new Assessment(Rag.NO_DATA, new Bilingual("Chưa có giá trị nào được báo cáo đến ngày " + Words.day(day) + ".",
                    "No value reported by " + Words.day(day) + "."));
        }
        String when = Period.toYearMonth(period).getMonthValue() + "/" + Period.toYearMonth(period).getYear();
        if (t == null) {
            return new Assessment(Rag.NO_DATA, new Bilingual("Giá trị " + Words.number(value, Words.VI) + " " + unitVi + " (kỳ " + when
                    + "); chỉ tiêu chưa có mục tiêu để so sánh.", "Value " + Words.number(value, Words.EN) + " " + unitEn + " (" + when
                    + "); the KPI has no target to compare with."));
        }
        LocalDate at = Period.midpoint(period);
        Rag rag = t.rag(value, at);
        double expected = t.expectedAt(at);
        String year = Integer.toString(t.targetDate().getYear());
        if ((value - t.target()) * k.direction().sign() >= 0) {
            return new Assessment(rag, new Bilingual("Giá trị " + Words.number(value, Words.VI) + " " + unitVi + " (kỳ " + when + ") đã đạt mục tiêu "
                    + Words.number(t.target(), Words.VI) + " của năm " + year + ".", "Value " + Words.number(value, Words.EN) + " " + unitEn + " ("
                    + when + ") already meets the " + year + " target of " + Words.number(t.target(), Words.EN) + "."));
        }
        double expectedStep = expected - t.startValue();
        String share = Math.abs(expectedStep) < 1e-12 ? null : Words.percent((value - t.startValue()) / expectedStep);
        return new Assessment(rag, new Bilingual(
                "Giá trị " + Words.number(value, Words.VI) + " " + unitVi + " (kỳ " + when + ") so với " + Words.number(expected, Words.VI)
                        + " theo lộ trình từ " + Words.number(t.startValue(), Words.VI) + " tới mục tiêu " + Words.number(t.target(), Words.VI)
                        + " năm " + year + (share == null ? "" : ": đạt " + share + " mức tiến kỳ vọng") + "; đúng tiến độ từ "
                        + Words.percent(KpiTrajectory.GREEN_MIN_RATIO) + ", chậm từ " + Words.percent(KpiTrajectory.AMBER_MIN_RATIO) + ".",
                "Value " + Words.number(value, Words.EN) + " " + unitEn + " (" + when + ") against " + Words.number(expected, Words.EN)
                        + " on the trajectory from " + Words.number(t.startValue(), Words.EN) + " to the " + year + " target of "
                        + Words.number(t.target(), Words.EN) + (share == null ? "" : ": " + share + " of the expected progress")
                        + "; on track from " + Words.percent(KpiTrajectory.GREEN_MIN_RATIO) + ", at risk from "
                        + Words.percent(KpiTrajectory.AMBER_MIN_RATIO) + "."));
    }

    /** A province (with its communes) or a commune: the share of its tasks due by the day that were done by then. */
    private static Assessment locality(Connection c, long localityId, LocalDate day) throws SQLException {
        long due, done;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(sum(t.completed_at IS NOT NULL AND t.completed_at <= ?), 0) FROM tasks t"
                + " WHERE (t.locality_id = ? OR t.locality_id IN (SELECT id FROM localities WHERE parent_id = ?)) AND t.deadline <= ?")) {
            ps.setString(1, day.toString());
            ps.setLong(2, localityId);
            ps.setLong(3, localityId);
            ps.setString(4, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                due = rs.getLong(1);
                done = rs.getLong(2);
            }
        }
        if (due == 0) return new Assessment(Rag.NO_DATA, new Bilingual("Chưa có nhiệm vụ nào đến hạn trước ngày " + Words.day(day) + ".",
                "No task was due by " + Words.day(day) + "."));
        double share = (double) done / due;
        Rag rag = share >= LOCALITY_GREEN_MIN - 1e-9 ? Rag.GREEN : share >= LOCALITY_AMBER_MIN - 1e-9 ? Rag.AMBER : Rag.RED;
        return new Assessment(rag, new Bilingual(
                "Hoàn thành " + Words.number(done, Words.VI) + " trên " + Words.number(due, Words.VI) + " nhiệm vụ đến hạn (" + Words.percent(share)
                        + ") tại tỉnh và các xã; đúng tiến độ từ " + Words.percent(LOCALITY_GREEN_MIN) + ", chậm từ " + Words.percent(LOCALITY_AMBER_MIN) + ".",
                Words.number(done, Words.EN) + " of " + Words.number(due, Words.EN) + " tasks due were done (" + Words.percent(share)
                        + ") in the province and its communes; on track from " + Words.percent(LOCALITY_GREEN_MIN) + ", at risk from "
                        + Words.percent(LOCALITY_AMBER_MIN) + "."));
    }

    /**
     * Each initiative's {status ordinal, progress} at {@code at}, for those a succeeded run changed
     * after it: the value before the first such change (status null: inserted later, so not there
     * then). An initiative not in the map is as it is now.
     */
    static Map<Long, Double[]> progressAt(Connection c, Instant at) throws SQLException {
        Map<Long, Double[]> out = new HashMap<>();
        if (at == Instant.MAX) return out;
        try (PreparedStatement ps = c.prepareStatement("SELECT l.entity_key, l.op, l.old_value FROM change_log l JOIN sync_runs r ON r.id = l.run_id"
                + " WHERE r.status = 'succeeded' AND l.entity = 'initiative' AND julianday(r.finished_at) > julianday(?)"
                + " ORDER BY julianday(r.finished_at), l.run_id, l.seq")) {
            ps.setString(1, at.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id;
                    try {
                        id = Long.parseLong(rs.getString(1));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    if (out.containsKey(id)) continue;
                    out.put(id, "insert".equals(rs.getString(2)) ? new Double[] {null, 0.0} : statusProgress(rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** "in_progress 0.31" (how change_log keeps an initiative) → {status ordinal, progress}. */
    private static Double[] statusProgress(String s) {
        if (s == null) return new Double[] {null, 0.0};
        int sp = s.indexOf(' ');
        Initiative.Status st = Initiative.Status.fromDb(sp < 0 ? s : s.substring(0, sp));
        return new Double[] {(double) st.ordinal(), sp < 0 ? 0 : Double.parseDouble(s.substring(sp + 1))};
    }

    // ---- what it covers ----------------------------------------------------------------------------

    private static List<Initiative> initiativesOf(Catalog cat, Subject.Kind kind, long id) {
        return switch (kind) {
            case INITIATIVE -> List.of(cat.initiatives().get(id));
            case SYSTEM -> cat.initiativesOfSystem(id);
            case AGENCY -> cat.initiatives().values().stream().filter(i -> i.leadAgencyId() == id).sorted(Comparator.comparing(Initiative::code)).toList();
            case KPI -> {
                Long ini = cat.kpis().get(id).initiativeId();
                yield ini == null || cat.initiatives().get(ini) == null ? List.of() : List.of(cat.initiatives().get(ini));
            }
            case LOCALITY -> List.of(); // a province's status is its tasks'; initiatives are national
        };
    }

    /** Which tasks are the subject's: a SQL condition on {@code tasks t} and its arguments. */
    record TaskFilter(String sql, List<Object> args) {}

    private static TaskFilter taskFilter(Catalog cat, Subject.Kind kind, long id) {
        return switch (kind) {
            case INITIATIVE -> new TaskFilter("t.initiative_id = ?", List.of(id));
            case SYSTEM -> new TaskFilter("t.initiative_id IN (SELECT id FROM initiatives WHERE system_id = ?)", List.of(id));
            case KPI -> {
                Kpi k = cat.kpis().get(id);
                yield k.initiativeId() != null ? new TaskFilter("t.initiative_id = ?", List.of(k.initiativeId()))
                        : new TaskFilter("t.initiative_id IN (SELECT id FROM initiatives WHERE system_id = ?)", List.of(k.systemId()));
            }
            case AGENCY -> new TaskFilter("t.agency_id = ?", List.of(id));
            case LOCALITY -> new TaskFilter("(t.locality_id = ? OR t.locality_id IN (SELECT id FROM localities WHERE parent_id = ?))", List.of(id, id));
        };
    }

    private static final String TASK_LINE = "SELECT t.id, i.code, t.title_vi, t.title_en, coalesce(a.name_vi, l.name_vi), coalesce(a.name_en, l.name_en),"
            + " t.deadline, t.completed_at FROM tasks t JOIN initiatives i ON i.id = t.initiative_id LEFT JOIN agencies a ON a.id = t.agency_id"
            + " LEFT JOIN localities l ON l.id = t.locality_id WHERE ";

    private static TaskLine taskLine(ResultSet rs) throws SQLException {
        return new TaskLine(rs.getLong(1), rs.getString(2), new Bilingual(rs.getString(3), rs.getString(4)), new Bilingual(rs.getString(5), rs.getString(6)),
                LocalDate.parse(rs.getString(7)), rs.getString(8) == null ? null : LocalDate.parse(rs.getString(8)));
    }

    private static PreparedStatement prepare(Connection c, String sql, TaskFilter f, Object... more) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        int i = 1;
        for (Object a : f.args()) ps.setObject(i++, a);
        for (Object a : more) ps.setObject(i++, a);
        return ps;
    }

    private static Overdue overdue(Connection c, TaskFilter f, LocalDate asOf) throws SQLException {
        String open = " AND t.deadline < ? AND (t.completed_at IS NULL OR t.completed_at > ?)";
        String d = asOf.toString();
        long count;
        try (PreparedStatement ps = prepare(c, "SELECT count(*) FROM tasks t WHERE " + f.sql() + open, f, d, d); ResultSet rs = ps.executeQuery()) {
            rs.next();
            count = rs.getLong(1);
        }
        List<OverdueTask> oldest = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, TASK_LINE + f.sql() + open + " ORDER BY t.deadline, t.id LIMIT " + LIST_LIMIT, f, d, d);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TaskLine t = taskLine(rs);
                oldest.add(new OverdueTask(t, ChronoUnit.DAYS.between(t.deadline(), asOf)));
            }
        }
        List<AssigneeLoad> by = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT coalesce(a.name_vi, l.name_vi), coalesce(a.name_en, l.name_en), count(*), min(t.deadline)"
                + " FROM tasks t LEFT JOIN agencies a ON a.id = t.agency_id LEFT JOIN localities l ON l.id = t.locality_id WHERE " + f.sql() + open
                + " GROUP BY t.agency_id, t.locality_id ORDER BY count(*) DESC, min(t.deadline), 1 LIMIT " + LIST_LIMIT, f, d, d);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                by.add(new AssigneeLoad(new Bilingual(rs.getString(1), rs.getString(2)), rs.getLong(3),
                        ChronoUnit.DAYS.between(LocalDate.parse(rs.getString(4)), asOf)));
            }
        }
        return new Overdue(count, List.copyOf(oldest), List.copyOf(by));
    }

    private Changes changes(Connection c, Catalog cat, Subject.Kind kind, long id, TaskFilter f, List<Initiative> initiatives,
                            Map<Long, Double[]> then, Map<Long, Double[]> now, LocalDate prevDay, Instant prevAt, LocalDate asOf, Instant nowAt)
            throws SQLException {
        if (prevDay == null) return new Changes(null, asOf, 0, List.of(), 0, 0, 0, List.of(), List.of());
        String from = prevDay.toString(), to = asOf.toString();
        long completed;
        try (PreparedStatement ps = prepare(c, "SELECT count(*) FROM tasks t WHERE " + f.sql() + " AND t.completed_at > ? AND t.completed_at <= ?", f, from, to);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            completed = rs.getLong(1);
        }
        List<TaskLine> recent = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, TASK_LINE + f.sql() + " AND t.completed_at > ? AND t.completed_at <= ? ORDER BY t.completed_at DESC, t.id LIMIT "
                + LIST_LIMIT, f, from, to); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) recent.add(taskLine(rs));
        }
        // Added and withdrawn tasks are known only from the change history of the syncs in the span.
        String span = " FROM change_log l JOIN sync_runs r ON r.id = l.run_id WHERE r.status = 'succeeded' AND l.entity = 'task'"
                + " AND julianday(r.finished_at) > julianday(?) AND julianday(r.finished_at) <= julianday(?)";
        String end = nowAt == Instant.MAX ? "9999-12-31T00:00:00Z" : nowAt.toString();
        long added;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + span + " AND l.op = 'insert' AND EXISTS (SELECT 1 FROM tasks t WHERE t.id = "
                + "CAST(l.entity_key AS INTEGER) AND " + f.sql() + ")")) {
            ps.setString(1, prevAt.toString());
            ps.setString(2, end);
            int i = 3;
            for (Object a : f.args()) ps.setObject(i++, a);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                added = rs.getLong(1);
            }
        }
        long withdrawn;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + span + " AND l.op = 'delete'")) {
            ps.setString(1, prevAt.toString());
            ps.setString(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                withdrawn = rs.getLong(1);
            }
        }
        // Values reported in the span, by the day they were reported.
        List<ValueReport> values = new ArrayList<>();
        long valueCount = 0;
        Object[] scope = reportingScope(cat, kind, id);
        long scopeId = (Long) scope[0];
        Bilingual scopeName = (Bilingual) scope[1];
        try (PreparedStatement ps = c.prepareStatement("SELECT period, value, reported_at FROM observations WHERE kpi_id = ? AND scope_id = ?"
                + " AND reported_at > ? AND reported_at <= ? ORDER BY period")) {
            for (Kpi k : kpisOf(cat, kind, id)) {
                ps.setLong(1, k.id());
                ps.setLong(2, scopeId);
                ps.setInt(3, Period.dateInt(prevDay));
                ps.setInt(4, Period.dateInt(asOf));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        valueCount++;
                        values.add(new ValueReport(k, scopeName, rs.getInt(1), rs.getDouble(2), Period.fromDateInt(rs.getInt(3))));
                    }
                }
            }
        }
        values.sort(Comparator.comparing(ValueReport::reportedAt).reversed().thenComparing(v -> v.kpi().code()).thenComparing(v -> -v.period()));
        List<ProgressMove> moves = new ArrayList<>();
        for (Initiative i : initiatives) {
            Object[] a = stateOf(i, then), b = stateOf(i, now);
            if (a == null || b == null) continue;
            double pa = (Double) a[1], pb = (Double) b[1];
            if (a[0] == b[0] && Math.abs(pa - pb) < 1e-9) continue;
            moves.add(new ProgressMove(i, pa, InitiativeStatusRule.rag((Initiative.Status) a[0], pa, i.startDate(), i.deadline(), prevDay), pb,
                    InitiativeStatusRule.rag((Initiative.Status) b[0], pb, i.startDate(), i.deadline(), asOf)));
        }
        moves.sort(Comparator.comparingDouble((ProgressMove m) -> -Math.abs(m.progressNow() - m.progressThen())).thenComparing(m -> m.initiative().code()));
        return new Changes(prevDay, asOf, completed, List.copyOf(recent), added, withdrawn, valueCount,
                List.copyOf(values.subList(0, Math.min(VALUES_LIMIT, values.size()))), List.copyOf(moves));
    }

    /** The scope a subject's KPI values are read at, with its name. */
    private static Object[] reportingScope(Catalog cat, Subject.Kind kind, long id) {
        return switch (kind) {
            case AGENCY -> {
                Long s = cat.agencyScopes().get(id);
                yield new Object[] {s == null ? -1L : s, cat.agencies().get(id).name()};
            }
            case LOCALITY -> {
                Long s = cat.provinceScopes().get(id);
                yield new Object[] {s == null ? -1L : s, cat.provinces().containsKey(id) ? cat.provinces().get(id).name() : new Bilingual("", "")};
            }
            default -> new Object[] {cat.nationalScope(), new Bilingual("Toàn quốc", "National")};
        };
    }

    private static List<Kpi> kpisOf(Catalog cat, Subject.Kind kind, long id) {
        List<Kpi> all = cat.kpis().values().stream().sorted(Comparator.comparingLong(Kpi::id)).toList();
        return switch (kind) {
            case KPI -> List.of(cat.kpis().get(id));
            case INITIATIVE -> all.stream().filter(k -> k.initiativeId() != null && k.initiativeId() == id).toList();
            case SYSTEM -> all.stream().filter(k -> k.systemId() == id).toList();
            case AGENCY -> all.stream().filter(k -> k.levels().contains(ScopeKind.AGENCY)).toList();
            case LOCALITY -> all.stream().filter(k -> k.levels().contains(ScopeKind.PROVINCE)).toList();
        };
    }

    /** Up to two KPI series to draw to their 2030 targets: the subject's own, its headline ones first. */
    private List<KpiSeries> trajectories(Catalog cat, Subject.Kind kind, long id, LocalDate asOf) throws CacheException {
        List<Kpi> kpis = new ArrayList<>(kpisOf(cat, kind, id));
        if (kind == Subject.Kind.INITIATIVE && kpis.isEmpty()) kpis.addAll(kpisOf(cat, Subject.Kind.SYSTEM, cat.initiatives().get(id).systemId()));
        kpis.sort(Comparator.comparing((Kpi k) -> !k.headline()).thenComparing(k -> k.target2030() == null).thenComparingLong(Kpi::id));
        long scopeId = (Long) reportingScope(cat, kind, id)[0];
        if (scopeId < 0) return List.of();
        PeriodRange range = PeriodRange.programmeTo(asOf);
        List<KpiSeries> out = new ArrayList<>();
        for (Kpi k : kpis) {
            if (out.size() == TRAJECTORIES) break;
            KpiSeries s = dd.kpiSeries(k.id(), scopeId, range);
            if (!s.points().isEmpty() && s.trajectoryEnd() != null) out.add(s);
        }
        return List.copyOf(out);
    }

    /** The initiative's progress as each recorded change left it, and where it stands on {@code asOf}. */
    private static ProgressTrack track(Connection c, Initiative i, LocalDate asOf, Instant nowAt) throws SQLException {
        List<DatedValue> points = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.finished_at, l.op, l.old_value, l.new_value FROM change_log l JOIN sync_runs r ON r.id = l.run_id"
                + " WHERE r.status = 'succeeded' AND l.entity = 'initiative' AND l.entity_key = ? AND julianday(r.finished_at) <= julianday(?)"
                + " ORDER BY julianday(r.finished_at), l.run_id, l.seq")) {
            ps.setString(1, Long.toString(i.id()));
            ps.setString(2, nowAt == Instant.MAX ? "9999-12-31T00:00:00Z" : nowAt.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate d = Instant.parse(rs.getString(1)).atZone(Meeting.ZONE).toLocalDate();
                    if (points.isEmpty() && !"insert".equals(rs.getString(2)) && rs.getString(3) != null) {
                        points.add(new DatedValue(d.minusDays(1), statusProgress(rs.getString(3))[1]));
                    }
                    if (!"delete".equals(rs.getString(2)) && rs.getString(4) != null) points.add(new DatedValue(d, statusProgress(rs.getString(4))[1]));
                }
            }
        }
        double current = points.isEmpty() ? i.progress() : points.getLast().value();
        if (points.isEmpty() || points.getLast().date().isBefore(asOf)) points.add(new DatedValue(asOf, nowAt == Instant.MAX ? i.progress() : current));
        return new ProgressTrack(i, i.startDate(), i.deadline(), List.copyOf(points));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant instant(LocalDateTime t) {
        return t.atZone(Meeting.ZONE).toInstant();
    }
}
