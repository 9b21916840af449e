package vn.r57desk.app.screens;

import java.time.LocalDate;
import java.util.List;

import vn.r57desk.app.nav.Place;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.*;
import vn.r57desk.store.sync.Outbox;

/** What each place shows, read from the store. Runs off the FX thread; touches no node. */
public final class ScreenData {
    /** Rows shown in a task table; the counts above it cover all tasks. */
    public static final int TASK_ROWS = 200;
    /** Communes per page. */
    public static final int COMMUNE_PAGE = 100;

    public record SystemsData(List<StatusCount> bySystem) {}
    public record InitiativeData(InitiativeDetail detail, List<TaskRow> tasks, List<Outbox.Item> feedback) {}
    public record MinistriesData(List<StatusCount> byMinistry, List<GridCell> grid) {}
    public record MinistryData(MinistrySummary summary, List<TaskRow> tasks, List<Outbox.Item> feedback) {}
    public record ProvinceData(LocalityDetail province, CommunePage communes, List<Outbox.Item> feedback) {}
    public record CommuneData(LocalityDetail commune, List<TaskRow> tasks, List<Outbox.Item> feedback) {}
    public record KpiData(KpiSeries series, List<Outbox.Item> feedback) {}
    /** {@code since}: the meeting a "since the last meeting" span counts from (null for a span of days, or none found). */
    public record ChangesData(vn.r57desk.store.query.ChangeSummary summary, vn.r57desk.store.model.Meeting since) {}
    public record DeadlinesData(List<DeadlineRow> byAgency, List<DeadlineRow> byProvince) {}
    public record RankingsData(List<RankRow> ministries, List<RankRow> provinces) {}
    public record LocalitiesData(List<LocalityRow> provinces, vn.r57desk.store.geo.ProvinceShapes shapes) {}

    /** Parsed once, on first use, off the FX thread. */
    private static final class Shapes {
        static final vn.r57desk.store.geo.ProvinceShapes INSTANCE = vn.r57desk.store.geo.ProvinceShapes.load();
    }

    private ScreenData() {}

    /** Worst first: lowest values first when higher is better, highest first otherwise. */
    static DrillDown.CommuneOrder worstFirst(DrillDown dd, long kpiId) {
        return dd.catalog().kpis().get(kpiId).direction() == vn.r57desk.store.model.Direction.HIGHER_IS_BETTER
                ? DrillDown.CommuneOrder.VALUE_ASC : DrillDown.CommuneOrder.VALUE_DESC;
    }

    /**
     * A span of days back from now, or from the last meeting before today's date on Vietnam's
     * clock (the real one: a meeting is held today, whatever the data's as-of date).
     */
    private static ChangesData changes(DrillDown dd, Place.Changes ch, LocalDate today) throws CacheException {
        java.time.Instant now = java.time.Instant.now();
        if (ch.days() == Place.Changes.SINCE_MEETING) {
            var meeting = dd.meetingBefore(LocalDate.now(vn.r57desk.store.model.Meeting.ZONE));
            // With no meeting to count from, nothing is counted (a span from now).
            java.time.Instant since = meeting.map(m -> m.startsAt().atZone(vn.r57desk.store.model.Meeting.ZONE).toInstant()).orElse(now);
            return new ChangesData(dd.changesSince(since, today), meeting.orElse(null));
        }
        return new ChangesData(dd.changesSince(ch.days() == 0 ? java.time.Instant.EPOCH : now.minus(java.time.Duration.ofDays(ch.days())), today), null);
    }

    public static Object load(DrillDown dd, Place place, LocalDate today) throws CacheException {
        PeriodRange range = PeriodRange.programmeTo(today);
        return switch (place) {
            case Place.Overview o -> dd.overview(today, range);
            case Place.Systems s -> new SystemsData(dd.statusBySystem(today));
            case Place.SystemInitiatives s -> dd.initiatives(s.systemId(), null, today, range);
            case Place.InitiativeDetail i -> new InitiativeData(dd.initiative(i.initiativeId(), today, range),
                    dd.tasks(DrillDown.TaskOwner.INITIATIVE, i.initiativeId(), today, TASK_ROWS),
                    dd.outboxAbout(FeedbackPanel.INITIATIVE, i.initiativeId()));
            case Place.KpiSeries k -> new KpiData(dd.kpiSeries(k.kpiId(), k.scopeId(), range), dd.outboxAboutKpi(k.kpiId(), k.scopeId()));
            case Place.Ministries m -> new MinistriesData(dd.statusByMinistry(today), dd.ministryGrid(today));
            case Place.Ministry m -> new MinistryData(dd.ministry(m.agencyId(), today, range),
                    dd.tasks(DrillDown.TaskOwner.AGENCY, m.agencyId(), today, TASK_ROWS), dd.outboxAbout(FeedbackPanel.AGENCY, m.agencyId()));
            case Place.Localities l -> new LocalitiesData(dd.provinces(l.kpiId(), today, range), Shapes.INSTANCE);
            case Place.Province p -> new ProvinceData(dd.locality(p.localityId(), today, range),
                    dd.communes(p.localityId(), p.kpiId(), today, range, p.worstFirst() ? worstFirst(dd, p.kpiId()) : DrillDown.CommuneOrder.CODE,
                            p.offset(), COMMUNE_PAGE), dd.outboxAbout(FeedbackPanel.LOCALITY, p.localityId()));
            case Place.Commune c -> new CommuneData(dd.locality(c.localityId(), today, range),
                    dd.tasks(DrillDown.TaskOwner.LOCALITY, c.localityId(), today, TASK_ROWS), dd.outboxAbout(FeedbackPanel.LOCALITY, c.localityId()));
            case Place.Deadlines d -> new DeadlinesData(dd.rankings().deadlinesByAgency(today), dd.rankings().deadlinesByProvince(today));
            case Place.Rankings r -> new RankingsData(dd.rankings().rankMinistries(today), dd.rankings().rankProvinces(today));
            case Place.Changes ch -> changes(dd, ch, today);
        };
    }
}
