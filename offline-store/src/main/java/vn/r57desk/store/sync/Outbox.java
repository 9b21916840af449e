package vn.r57desk.store.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;

/**
 * Notes and feedback written offline, waiting to reach the server. Each item has an id made here
 * (a UUID), so pushing it twice is harmless: the server keeps the first and answers "duplicate".
 * Once sent an item is never deleted: it keeps when, and what the server said. Before that the
 * user may take it back ({@link #withdraw}).
 */
public final class Outbox {
    public static final List<String> KINDS = List.of("note", "feedback");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One item; {@code sentAt} null while it waits. */
    public record Item(String id, String kind, String payload, String createdAt, int attempts, String lastError,
                       String sentAt, String serverStatus) {
        public boolean pending() {
            return sentAt == null;
        }
    }

    private Outbox() {}

    /** Queues an item; {@code payloadJson} must be a JSON object. Returns its id. */
    public static String add(Cache cache, String kind, String payloadJson) throws CacheException {
        String canonical = checked(kind, payloadJson);
        return cache.writeAndWait(c -> insert(c, kind, canonical));
    }

    /**
     * As {@link #add(Cache, String, String)}, inside a write the caller already holds (on the cache's
     * writer thread), so a record and its "sent" mark commit together with the queued item.
     */
    public static String add(Connection c, String kind, String payloadJson) throws SQLException {
        return insert(c, kind, checked(kind, payloadJson));
    }

    private static String checked(String kind, String payloadJson) {
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("Unknown outbox kind \"" + kind + "\"; use one of " + KINDS);
        JsonNode node;
        try {
            node = JSON.readTree(payloadJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The payload is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) throw new IllegalArgumentException("The payload must be a JSON object");
        String canonical = node.toString();
        if (canonical.length() > Protocol.MAX_OUTBOX_PAYLOAD) {
            throw new IllegalArgumentException("The payload is " + canonical.length() + " characters; at most " + Protocol.MAX_OUTBOX_PAYLOAD + " are allowed");
        }
        return canonical;
    }

    private static String insert(Connection c, String kind, String canonical) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (id, kind, payload, created_at) VALUES (?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, kind);
            ps.setString(3, canonical);
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
        }
        return id;
    }

    /** What an item may be about (as a local note may: schema, {@code notes.target_kind}). */
    public static final List<String> TARGET_KINDS = List.of("system", "initiative", "agency", "locality", "kpi", "meeting", "agenda_item");

    /**
     * Queues {@code text} about one row of the data (an initiative, a province…) as the app and the
     * CLI write it: {@code {"text": …, "target_kind": …, "target_id": …}}. Returns its id.
     *
     * @throws IllegalArgumentException naming the problem: an unknown kind or target kind, an empty
     *         text, or one too long to send
     */
    public static String addAbout(Cache cache, String kind, String text, String targetKind, long targetId) throws CacheException {
        return addAbout(cache, kind, text, targetKind, targetId, null);
    }

    /**
     * As {@link #addAbout(Cache, String, String, String, long)}, about a KPI's values at one
     * reporting scope (the nation, a ministry, a province, a commune) when {@code scopeId} is given:
     * the payload then also carries {@code "scope_id"}.
     */
    public static String addAbout(Cache cache, String kind, String text, String targetKind, long targetId, Long scopeId) throws CacheException {
        if (!TARGET_KINDS.contains(targetKind)) {
            throw new IllegalArgumentException("Unknown target kind \"" + targetKind + "\"; use one of " + TARGET_KINDS);
        }
        if (text == null || text.isBlank()) throw new IllegalArgumentException("The text is empty");
        var payload = JSON.createObjectNode().put("text", text.strip()).put("target_kind", targetKind).put("target_id", targetId);
        if (scopeId != null) payload.put("scope_id", scopeId);
        return add(cache, kind, payload.toString());
    }

    /** The items about one row ({@link #addAbout}) and no particular scope, newest first. */
    public static List<Item> about(Cache cache, String targetKind, long targetId) throws CacheException {
        return about(cache, targetKind, targetId, null);
    }

    /** The items about one row at one scope ({@code null}: those with no scope), newest first. */
    public static List<Item> about(Cache cache, String targetKind, long targetId, Long scopeId) throws CacheException {
        return cache.read(c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE json_valid(payload)"
                    + " AND json_extract(payload, '$.target_kind') = ? AND json_extract(payload, '$.target_id') = ?"
                    + " AND json_extract(payload, '$.scope_id') IS ? ORDER BY " + NEWEST_FIRST)) {
                ps.setString(1, targetKind);
                ps.setLong(2, targetId);
                ps.setObject(3, scopeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(item(rs));
                }
            }
            return out;
        });
    }

    /**
     * Takes back an item not sent yet (waiting, or refused by the server): the one deletion a user
     * makes on purpose. Returns false when it is not there or was sent meanwhile (it stays then).
     * An item a push has already tried ({@code attempts > 0}) may have reached a server whose answer
     * was lost: the caller says so before asking.
     */
    public static boolean withdraw(Cache cache, String id) throws CacheException {
        return cache.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ? AND sent_at IS NULL")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** How many items wait to be sent (not sent, not refused). */
    public static int waiting(Cache cache) throws CacheException {
        return cache.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND coalesce(server_status, '') <> 'rejected'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The text of an item's payload, or the payload itself when it has none. */
    public static String text(Item item) {
        try {
            JsonNode n = JSON.readTree(item.payload());
            if (n != null && n.path("text").isTextual()) return n.get("text").asText();
        } catch (java.io.IOException e) {
            // not JSON: shown as it is stored
        }
        return item.payload();
    }

    private static final String COLUMNS = "id, kind, payload, created_at, attempts, last_error, sent_at, server_status";
    /**
     * By time, not by text: Instant.toString() writes 0, 3, 6 or 9 decimals, and as text
     * "…:00Z" sorts after "…:00.5Z".
     */
    private static final String NEWEST_FIRST = "julianday(created_at) DESC, created_at DESC, id";

    public static List<Item> list(Cache cache) throws CacheException {
        return cache.read(c -> query(c, "SELECT " + COLUMNS + " FROM outbox ORDER BY julianday(created_at), created_at, id"));
    }

    static List<Item> pending(Connection c, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM outbox"
                + " WHERE sent_at IS NULL AND coalesce(server_status, '') <> 'rejected' ORDER BY created_at, id LIMIT " + limit);
    }

    private static List<Item> query(Connection c, String sql) throws SQLException {
        List<Item> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(item(rs));
        }
        return out;
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
