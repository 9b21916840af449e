package vn.r57desk.store.meeting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.model.Meeting;
import vn.r57desk.store.sync.Outbox;

/**
 * Decisions and actions recorded in meetings ({@code meeting_actions}): this laptop's own rows. A
 * sync never writes over them and a new snapshot carries them across; they reach the monitoring
 * system only through {@link #send}, when the user chooses, as an outbox item.
 */
public final class Decisions {
    /** Longest text a decision may have (the schema's CHECK says the same). */
    public static final int MAX_TEXT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String COLUMNS = "id, meeting_id, agenda_item_id, meeting_starts_at, subject_kind, subject_code, kind, text, agency_code,"
            + " due_date, done_at, created_at, updated_at, outbox_id";

    private final Cache cache;
    private final Clock clock;

    public Decisions(Cache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Records a decision or an action on an agenda item of {@code meeting}. {@code agencyCode}
     * (may be null) must name an agency of the data; {@code due} may be null.
     *
     * @throws IllegalArgumentException naming the problem (Vietnamese, then English): an empty or
     *         too long text, an unknown agency, an item of another meeting
     */
    public MeetingAction record(Meeting meeting, AgendaItem item, MeetingAction.Kind kind, String text, String agencyCode, LocalDate due)
            throws CacheException {
        String body = text == null ? "" : java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
        if (body.isEmpty()) throw new IllegalArgumentException("Nội dung trống. / The text is empty.");
        if (body.length() > MAX_TEXT) {
            throw new IllegalArgumentException("Nội dung dài " + body.length() + " ký tự; tối đa " + MAX_TEXT + ". / The text is "
                    + body.length() + " characters long; at most " + MAX_TEXT + ".");
        }
        if (item != null && item.meetingId() != meeting.id()) {
            throw new IllegalArgumentException("Mục " + item.id() + " không thuộc phiên họp " + meeting.id() + ". / Agenda item "
                    + item.id() + " is not on meeting " + meeting.id() + ".");
        }
        String agency = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        return cache.writeAndWait(c -> {
            if (agency != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM agencies WHERE code = ?")) {
                    ps.setString(1, agency);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) throw new IllegalArgumentException("Không có cơ quan mã \"" + agency + "\". / No agency has the code \""
                                + agency + "\".");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meeting_actions (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,NULL,?,?,NULL)")) {
                ps.setString(1, id);
                ps.setLong(2, meeting.id());
                ps.setObject(3, item == null ? null : item.id());
                ps.setString(4, meeting.startsAt().toString());
                Subject s = item == null ? null : item.subject();
                ps.setString(5, s == null ? null : s.kind().db());
                ps.setString(6, s == null ? null : s.code());
                ps.setString(7, kind.name().toLowerCase(Locale.ROOT));
                ps.setString(8, body);
                ps.setString(9, agency);
                ps.setString(10, due == null ? null : due.toString());
                ps.setString(11, now.toString());
                ps.setString(12, now.toString());
                ps.executeUpdate();
            }
            return find(c, id).orElseThrow();
        });
    }

    /** Marks a decision or action done (now) or not done. Returns false when there is no such record. */
    public boolean setDone(String id, boolean done) throws CacheException {
        String now = clock.instant().toString();
        return cache.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE meeting_actions SET done_at = CASE WHEN ? THEN coalesce(done_at, ?) END,"
                    + " updated_at = ? WHERE id = ?")) {
                ps.setBoolean(1, done);
                ps.setString(2, now);
                ps.setString(3, now);
                ps.setString(4, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Deletes a record not sent yet; a sent one stays (the server has it). Returns whether it went. */
    public boolean delete(String id) throws CacheException {
        return cache.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM meeting_actions WHERE id = ? AND outbox_id IS NULL")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The decisions and actions of one meeting, in the order they were recorded. */
    public List<MeetingAction> ofMeeting(long meetingId) throws CacheException {
        return cache.read(c -> query(c, "SELECT " + COLUMNS + " FROM meeting_actions WHERE meeting_id = ? ORDER BY julianday(created_at), id",
                meetingId));
    }

    /** Those on {@code subject} recorded at meetings that started before {@code before}, oldest meeting first. */
    public List<MeetingAction> onSubjectBefore(Subject subject, LocalDateTime before) throws CacheException {
        return cache.read(c -> onSubjectBefore(c, subject, before));
    }

    static List<MeetingAction> onSubjectBefore(Connection c, Subject subject, LocalDateTime before) throws SQLException {
        List<MeetingAction> all = query(c, "SELECT " + COLUMNS + " FROM meeting_actions WHERE subject_kind = ? AND subject_code = ?"
                + " ORDER BY julianday(created_at), id", subject.kind().db(), subject.code());
        // compared as times (the start may carry seconds or an offset), in Java: a handful of rows
        return all.stream().filter(a -> a.meetingStartsAt() != null && a.meetingStartsAt().isBefore(before))
                .sorted(java.util.Comparator.comparing(MeetingAction::meetingStartsAt)).toList();
    }

    public Optional<MeetingAction> find(String id) throws CacheException {
        return cache.read(c -> find(c, id));
    }

    private static Optional<MeetingAction> find(Connection c, String id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM meeting_actions WHERE id = ?", id).stream().findFirst();
    }

    /**
     * Sends a decision or action to the monitoring system: queues it in the outbox (sent on the
     * next sync) as a {@code note} whose payload says what it is: {@code {"text", "type":
     * "decision"|"action", "subject": "initiative:SYS4-S2", "target_kind", "target_id", "meeting_id",
     * "agency", "due", "done"}}. The record and its outbox item are written in one transaction.
     * Returns the outbox item's id.
     *
     * @throws IllegalArgumentException when there is no such record or it was sent already
     */
    public String send(String id) throws CacheException {
        return cache.writeAndWait(c -> {
            MeetingAction a = find(c, id).orElseThrow(() -> new IllegalArgumentException(
                    "Không có quyết định hoặc nhiệm vụ này. / There is no such decision or action (" + id + ")."));
            if (a.sent()) throw new IllegalArgumentException("Đã gửi rồi. / It was sent already (outbox item " + a.outboxId() + ").");
            ObjectNode p = JSON.createObjectNode().put("text", a.text()).put("type", a.kind().name().toLowerCase(Locale.ROOT))
                    .put("meeting_id", a.meetingId()).put("done", a.done());
            if (a.subject() != null) {
                p.put("subject", a.subject().key());
                p.put("target_kind", a.subject().kind().db());
                Long rowId = Meetings.rowId(c, a.subject());
                if (rowId != null) p.put("target_id", rowId);
            }
            if (a.agendaItemId() != null) p.put("agenda_item_id", a.agendaItemId());
            if (a.agencyCode() != null) p.put("agency", a.agencyCode());
            if (a.due() != null) p.put("due", a.due().toString());
            String outboxId = Outbox.add(c, "note", p.toString());
            try (PreparedStatement ps = c.prepareStatement("UPDATE meeting_actions SET outbox_id = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, outboxId);
                ps.setString(2, clock.instant().toString());
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return outboxId;
        });
    }

    private static List<MeetingAction> query(Connection c, String sql, Object... args) throws SQLException {
        List<MeetingAction> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime starts;
                    try {
                        starts = Meeting.parseStart(rs.getString(4));
                    } catch (java.time.format.DateTimeParseException e) {
                        starts = null;
                    }
                    long item = rs.getLong(3);
                    Long itemId = rs.wasNull() ? null : item;
                    out.add(new MeetingAction(rs.getString(1), rs.getLong(2), itemId, starts,
                            rs.getString(5) == null ? null : new Subject(Subject.Kind.fromDb(rs.getString(5)), rs.getString(6)),
                            MeetingAction.Kind.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)), rs.getString(8), rs.getString(9),
                            rs.getString(10) == null ? null : LocalDate.parse(rs.getString(10)), instant(rs.getString(11)),
                            instant(rs.getString(12)), instant(rs.getString(13)), rs.getString(14)));
                }
            }
        }
        return out;
    }

    static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
