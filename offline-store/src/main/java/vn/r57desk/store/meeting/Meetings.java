package vn.r57desk.store.meeting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.model.Agency;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Locality;
import vn.r57desk.store.model.Meeting;
import vn.r57desk.store.model.SystemInfo;
import vn.r57desk.store.query.Catalog;
import vn.r57desk.store.query.DrillDown;

/**
 * The meetings in the data with their agendas, and the stocktake of each agenda item
 * ({@link StocktakeReader}). Reads only; methods block, so call them off the FX thread.
 */
public final class Meetings {
    private static final System.Logger LOG = System.getLogger(Meetings.class.getName());

    private final Cache cache;
    private final DrillDown dd;

    public Meetings(Cache cache, DrillDown dd) {
        this.cache = cache;
        this.dd = dd;
    }

    /** Meetings from {@code now} on (soonest first) and before it (latest first). */
    public record Schedule(List<MeetingAgenda> upcoming, List<MeetingAgenda> past) {}

    /** Every meeting with its agenda, by start. A start that is not a time leaves its meeting out (logged). */
    public List<MeetingAgenda> all() throws CacheException {
        Catalog cat = dd.catalog();
        return cache.read(c -> read(c, cat));
    }

    /** Upcoming and past meetings as of {@code now} (Vietnam's time, as meeting starts are). */
    public Schedule schedule(LocalDateTime now) throws CacheException {
        List<MeetingAgenda> all = all();
        List<MeetingAgenda> upcoming = all.stream().filter(m -> !m.meeting().startsAt().isBefore(now)).toList();
        List<MeetingAgenda> past = all.stream().filter(m -> m.meeting().startsAt().isBefore(now))
                .sorted(Comparator.comparing((MeetingAgenda m) -> m.meeting().startsAt()).reversed()).toList();
        return new Schedule(upcoming, past);
    }

    public Optional<MeetingAgenda> meeting(long id) throws CacheException {
        return all().stream().filter(m -> m.meeting().id() == id).findFirst();
    }

    /**
     * The meeting with this id, or an error that says which ids there are (and how to list them).
     *
     * @throws IllegalArgumentException naming the id and the meetings there are
     */
    public MeetingAgenda require(long id) throws CacheException {
        List<MeetingAgenda> all = all();
        return all.stream().filter(m -> m.meeting().id() == id).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no meeting has the id " + id + " in this cache; " + (all.isEmpty() ? "it holds no meetings"
                        : "its meetings are " + String.join(", ", all.stream().map(m -> m.meeting().id() + " (" + m.meeting().startsAt().toLocalDate()
                        + " " + m.meeting().title().en() + ")").toList())) + ". list them with: ./r57 cli meetings --cache FILE"));
    }

    /**
     * The meeting a stocktake compares with: the last one that started before both this meeting
     * and the end of the data's day ({@code dataDay}). A meeting held after the data was last
     * updated has no newer figures than the data, so the comparison goes to the one before it.
     */
    public Optional<Meeting> comparedWith(Meeting meeting, LocalDate dataDay) throws CacheException {
        LocalDateTime limit = meeting.startsAt();
        if (dataDay != null && dataDay.plusDays(1).atStartOfDay().isBefore(limit)) limit = dataDay.plusDays(1).atStartOfDay();
        LocalDateTime before = limit;
        return all().stream().map(MeetingAgenda::meeting).filter(m -> m.id() != meeting.id() && m.startsAt().isBefore(before))
                .max(Comparator.comparing(Meeting::startsAt));
    }

    /** The stocktake of one agenda item ({@code today}: the day for live data; demo data has its own as-of date). */
    public Stocktake stocktake(MeetingAgenda meeting, AgendaItem item, LocalDate today) throws CacheException {
        return new StocktakeReader(cache, dd, this).read(meeting, item, today);
    }

    /** The stocktakes of every item of a meeting, in agenda order. */
    public List<Stocktake> stocktakes(MeetingAgenda meeting, LocalDate today) throws CacheException {
        StocktakeReader r = new StocktakeReader(cache, dd, this);
        List<Stocktake> out = new ArrayList<>();
        for (AgendaItem i : meeting.items()) out.add(r.read(meeting, i, today));
        return out;
    }

    /** The day the data describes: the demo data's as-of date, else {@code today}. */
    public LocalDate dataDay(LocalDate today) {
        LocalDate d = dd.catalog().dataAsOf();
        return d != null ? d : today;
    }

    /** The row id a subject has in this cache now, or null when it is not there. */
    static Long rowId(Connection c, Subject s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + s.kind().table + " WHERE code = ?")) {
            ps.setString(1, s.code());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static List<MeetingAgenda> read(Connection c, Catalog cat) throws SQLException {
        Map<Long, Meeting> meetings = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, title_vi, title_en, starts_at, location FROM meetings ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    meetings.put(rs.getLong(1), new Meeting(rs.getLong(1), new Bilingual(rs.getString(2), rs.getString(3)),
                            Meeting.parseStart(rs.getString(4)), rs.getString(5)));
                } catch (DateTimeParseException e) {
                    LOG.log(System.Logger.Level.WARNING, "meeting " + rs.getLong(1) + " has a start that is not a time (" + rs.getString(4) + "); left out");
                }
            }
        }
        Map<Long, List<AgendaItem>> items = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, meeting_id, position, title_vi, title_en, target_kind, target_id,"
                + " presenter_vi, presenter_en, presenter_agency_id, minutes FROM agenda_items ORDER BY meeting_id, position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long targetId = rs.getLong(7);
                boolean hasTarget = !rs.wasNull() && rs.getString(6) != null;
                Subject subject = null;
                Bilingual subjectName = null;
                if (hasTarget) {
                    Object[] named = subject(c, cat, Subject.Kind.fromDb(rs.getString(6)), targetId);
                    if (named != null) {
                        subject = (Subject) named[0];
                        subjectName = (Bilingual) named[1];
                    }
                }
                long pa = rs.getLong(10);
                Agency presenterAgency = rs.wasNull() ? null : cat.agencies().get(pa);
                int minutes = rs.getInt(11);
                boolean noMinutes = rs.wasNull();
                String pvi = rs.getString(8), pen = rs.getString(9);
                Bilingual presenter = pvi == null && pen == null ? null : new Bilingual(pvi == null ? pen : pvi, pen == null ? pvi : pen);
                items.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new AgendaItem(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        new Bilingual(rs.getString(4), rs.getString(5)), subject, subject == null ? null : targetId, subjectName, presenter,
                        presenterAgency == null ? null : presenterAgency.code(), presenterAgency == null ? null : presenterAgency.name(),
                        noMinutes ? null : minutes));
            }
        }
        List<MeetingAgenda> out = new ArrayList<>();
        for (Meeting m : meetings.values()) out.add(new MeetingAgenda(m, items.getOrDefault(m.id(), List.of())));
        out.sort(Comparator.comparing((MeetingAgenda m) -> m.meeting().startsAt()).thenComparingLong(m -> m.meeting().id()));
        return out;
    }

    /** {subject, name} of a row, or null when the data has no such row (the item then names no subject). */
    private static Object[] subject(Connection c, Catalog cat, Subject.Kind kind, long id) throws SQLException {
        switch (kind) {
            case SYSTEM -> {
                SystemInfo s = cat.systems().get(id);
                return s == null ? null : new Object[] {new Subject(kind, s.code()), s.name()};
            }
            case INITIATIVE -> {
                Initiative i = cat.initiatives().get(id);
                return i == null ? null : new Object[] {new Subject(kind, i.code()), i.title()};
            }
            case AGENCY -> {
                Agency a = cat.agencies().get(id);
                return a == null ? null : new Object[] {new Subject(kind, a.code()), a.name()};
            }
            case KPI -> {
                Kpi k = cat.kpis().get(id);
                return k == null ? null : new Object[] {new Subject(kind, k.code()), k.name()};
            }
            case LOCALITY -> {
                Locality p = cat.provinces().get(id);
                if (p != null) return new Object[] {new Subject(kind, p.code()), p.name()};
                try (PreparedStatement ps = c.prepareStatement("SELECT code, name_vi, name_en FROM localities WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new Object[] {new Subject(kind, rs.getString(1)), new Bilingual(rs.getString(2), rs.getString(3))} : null;
                    }
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }
}
