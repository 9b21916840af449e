package vn.r57desk.store.meeting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.sync.Outbox;
import vn.r57desk.store.text.VietnameseText;

/**
 * Private notes ({@code notes}): kept on this laptop, anchored to a subject's stable id so they
 * survive syncs and new snapshots, never sent unless the user chooses {@link #send}.
 */
public final class Notes {
    public static final List<String> ANCHOR_KINDS = List.of("system", "initiative", "agency", "locality", "kpi", "meeting", "agenda_item");
    public static final int MAX_BODY = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = "SELECT n.id, n.subject_kind, n.subject_code, n.body, n.meeting_id, n.created_at, n.updated_at,"
            + " n.outbox_id, o.sent_at, o.server_status, o.id FROM notes n LEFT JOIN outbox o ON o.id = n.outbox_id";
    private static final String NEWEST_FIRST = " ORDER BY julianday(n.updated_at) DESC, n.id";

    private final Cache cache;
    private final Clock clock;

    public Notes(Cache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** A note on a subject ({@code meetingId}: the meeting it was written in, or null). */
    public Note add(Subject subject, String body, Long meetingId) throws CacheException {
        return add(subject.kind().db(), subject.code(), body, meetingId);
    }

    /** A note on an agenda item, anchored to its meeting and position (what survives a new snapshot). */
    public Note addOnAgendaItem(AgendaItem item, String body) throws CacheException {
        return add("agenda_item", agendaAnchor(item), body, item.meetingId());
    }

    public static String agendaAnchor(AgendaItem item) {
        return item.meetingId() + "#" + item.position();
    }

    /**
     * A note on any anchor.
     *
     * @throws IllegalArgumentException naming the problem: an unknown kind, no code, an empty or too long text
     */
    public Note add(String anchorKind, String anchorCode, String body, Long meetingId) throws CacheException {
        if (!ANCHOR_KINDS.contains(anchorKind)) {
            throw new IllegalArgumentException("Không ghi chú được vào \"" + anchorKind + "\". / A note cannot be about \"" + anchorKind
                    + "\"; use one of " + ANCHOR_KINDS + ".");
        }
        if (anchorCode == null || anchorCode.isBlank()) throw new IllegalArgumentException("Thiếu mã đối tượng. / The note has no place (code).");
        String text = checkedBody(body);
        String id = UUID.randomUUID().toString();
        String now = clock.instant().toString();
        return cache.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notes (id, subject_kind, subject_code, body, meeting_id, created_at, updated_at)"
                    + " VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, anchorKind);
                ps.setString(3, anchorCode.strip());
                ps.setString(4, text);
                ps.setObject(5, meetingId);
                ps.setString(6, now);
                ps.setString(7, now);
                ps.executeUpdate();
            }
            return find(c, id).orElseThrow();
        });
    }

    /** Changes a note's text. A note already sent keeps what was sent; the change stays on this laptop. */
    public boolean update(String id, String body) throws CacheException {
        String text = checkedBody(body);
        String now = clock.instant().toString();
        return cache.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE notes SET body = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, text);
                ps.setString(2, now);
                ps.setString(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public boolean delete(String id) throws CacheException {
        return cache.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM notes WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Every note, newest first: the "Ghi chú của tôi / My notes" page. */
    public List<Note> all() throws CacheException {
        return cache.read(c -> query(c, SELECT + NEWEST_FIRST));
    }

    /** The notes on one subject, newest first. */
    public List<Note> about(Subject subject) throws CacheException {
        return about(subject.kind().db(), subject.code());
    }

    public List<Note> about(String anchorKind, String anchorCode) throws CacheException {
        return cache.read(c -> query(c, SELECT + " WHERE n.subject_kind = ? AND n.subject_code = ?" + NEWEST_FIRST, anchorKind, anchorCode));
    }

    /**
     * The notes whose text or place contains every word of {@code query}, ignoring case and
     * diacritics as the app's search does ("ha noi" finds "Hà Nội"), newest first.
     */
    public List<Note> search(String query) throws CacheException {
        if (query == null || VietnameseText.searchKey(query).isEmpty()) return all();
        // Folded in Java with the app's own function: a laptop holds hundreds of notes, not millions.
        return all().stream().filter(n -> VietnameseText.matches(n.body() + " " + n.anchor(), query)).toList();
    }

    public Optional<Note> find(String id) throws CacheException {
        return cache.read(c -> find(c, id));
    }

    /**
     * Sends a note to the monitoring system through the outbox (on the next sync), as a {@code note}
     * item {@code {"text", "subject": "initiative:SYS4-S2", "target_kind", "target_id"}}; the note
     * stays here, marked as sent. Returns the outbox item's id.
     *
     * @throws IllegalArgumentException when there is no such note or it was sent already
     */
    public String send(String id) throws CacheException {
        return cache.writeAndWait(c -> {
            Note n = find(c, id).orElseThrow(() -> new IllegalArgumentException("Không có ghi chú này. / There is no such note (" + id + ")."));
            if (n.outboxId() != null && n.state() != Note.State.PRIVATE) {
                throw new IllegalArgumentException("Ghi chú đã được gửi. / The note was sent already (outbox item " + n.outboxId() + ").");
            }
            ObjectNode p = JSON.createObjectNode().put("text", n.body()).put("subject", n.anchor()).put("target_kind", n.anchorKind());
            Long rowId = switch (n.anchorKind()) {
                case "meeting" -> parseLong(n.anchorCode());
                case "agenda_item" -> null;
                default -> Meetings.rowId(c, new Subject(Subject.Kind.fromDb(n.anchorKind()), n.anchorCode()));
            };
            if (rowId != null) p.put("target_id", rowId);
            if (n.meetingId() != null) p.put("meeting_id", n.meetingId());
            String outboxId = Outbox.add(c, "note", p.toString());
            try (PreparedStatement ps = c.prepareStatement("UPDATE notes SET outbox_id = ? WHERE id = ?")) {
                ps.setString(1, outboxId);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return outboxId;
        });
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String checkedBody(String body) {
        String text = body == null ? "" : Normalizer.normalize(body.strip(), Normalizer.Form.NFC);
        if (text.isEmpty()) throw new IllegalArgumentException("Ghi chú trống. / The note is empty.");
        if (text.length() > MAX_BODY) {
            throw new IllegalArgumentException("Ghi chú dài " + text.length() + " ký tự; tối đa " + MAX_BODY + ". / The note is "
                    + text.length() + " characters long; at most " + MAX_BODY + ".");
        }
        return text;
    }

    private static Optional<Note> find(Connection c, String id) throws SQLException {
        return query(c, SELECT + " WHERE n.id = ?", id).stream().findFirst();
    }

    private static List<Note> query(Connection c, String sql, Object... args) throws SQLException {
        List<Note> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long m = rs.getLong(5);
                    Long meeting = rs.wasNull() ? null : m;
                    String outboxId = rs.getString(8);
                    Note.State state;
                    if (outboxId == null || rs.getString(11) == null) state = Note.State.PRIVATE; // never sent, or taken back from the outbox
                    else if ("rejected".equals(rs.getString(10))) state = Note.State.REFUSED;
                    else if (rs.getString(9) != null) state = Note.State.SENT;
                    else state = Note.State.WAITING;
                    out.add(new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), meeting, Instant.parse(rs.getString(6)),
                            Instant.parse(rs.getString(7)), state == Note.State.PRIVATE ? null : outboxId, state));
                }
            }
        }
        return out;
    }
}
