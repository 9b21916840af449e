package vn.r57desk.store.sync;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;

/**
 * Sends the outbox's pending items (notes and feedback written offline) in pushes the server
 * accepts, and records what the server said of each: sent, already there, refused (with why), or
 * not answered (sent again next time). Each push is retried like any request.
 */
final class OutboxPush {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the pushes did: {accepted, duplicates, rejected}. */
    record Counts(int accepted, int duplicates, int rejected) {}

    private final Transport transport;
    private final SyncClient.Listener listener;
    /** Told before each push, with the items answered so far (for progress). */
    private final IntConsumer pushing;

    OutboxPush(Transport transport, SyncClient.Listener listener, IntConsumer pushing) {
        this.transport = transport;
        this.listener = listener;
        this.pushing = pushing;
    }

    Counts push(Cache cache) throws SyncException {
        int accepted = 0, duplicates = 0, rejected = 0;
        while (true) {
            transport.checkCancelled();
            List<Outbox.Item> batch;
            try {
                batch = cache.read(c -> Outbox.pending(c, Protocol.OUTBOX_BATCH));
            } catch (CacheException e) {
                throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
            }
            // Also bounded by size: a server takes a few MB per push (the reference server 4 MB).
            long bytes = 0;
            for (int i = 0; i < batch.size(); i++) {
                bytes += batch.get(i).payload().length() * 3L + 200;
                if (i > 0 && bytes > Protocol.MAX_OUTBOX_PUSH_BYTES) {
                    batch = batch.subList(0, i);
                    break;
                }
            }
            if (batch.isEmpty()) break;
            pushing.accept(accepted + duplicates + rejected);
            String body = body(batch);
            JsonNode reply;
            try {
                reply = transport.withRetries(SyncText.Key.STEP_OUTBOX, () -> transport.postJson(transport.url("outbox", null), body));
            } catch (SyncException e) {
                recordAttempt(cache, batch, e.getMessage());
                throw e;
            }
            Map<String, JsonNode> results = new LinkedHashMap<>();
            for (JsonNode r : reply.path("results")) results.put(r.path("id").asText(), r);
            List<Object[]> updates = new ArrayList<>();
            for (Outbox.Item it : batch) {
                JsonNode r = results.get(it.id());
                String status = r == null ? null : r.path("status").asText(null);
                if ("accepted".equals(status)) accepted++;
                else if ("duplicate".equals(status)) duplicates++;
                else if ("rejected".equals(status)) rejected++;
                else status = null; // not answered: stays pending, sent again next time
                updates.add(new Object[] {it.id(), status, r == null ? "the server did not answer for this item" : r.path("message").asText(null)});
            }
            record(cache, updates);
            if (updates.stream().allMatch(u -> u[1] == null)) break; // the server answered for none: do not loop
        }
        if (rejected > 0) listener.note(rejected + " outbox item(s) were refused by the server; see `outbox list` for why");
        return new Counts(accepted, duplicates, rejected);
    }

    private static String body(List<Outbox.Item> batch) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Outbox.Item it : batch) {
            ObjectNode o = items.addObject();
            o.put("id", it.id());
            o.put("kind", it.kind());
            o.put("created_at", it.createdAt());
            try {
                o.set("payload", JSON.readTree(it.payload()));
            } catch (IOException e) {
                o.put("payload_text", it.payload());
            }
        }
        return body.toString();
    }

    /** What the server said of each item: {id, status or null, message}. */
    private static void record(Cache cache, List<Object[]> updates) throws SyncException {
        try {
            cache.writeAndWait(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, server_status = ?,"
                        + " sent_at = CASE WHEN ? IN ('accepted','duplicate') THEN ? END, last_error = ? WHERE id = ?")) {
                    for (Object[] u : updates) {
                        ps.setString(1, (String) u[1]);
                        ps.setString(2, (String) u[1]);
                        ps.setString(3, Instant.now().toString());
                        ps.setString(4, "rejected".equals(u[1]) || u[1] == null ? (String) u[2] : null);
                        ps.setString(5, (String) u[0]);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (CacheException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
        }
    }

    private static void recordAttempt(Cache cache, List<Outbox.Item> batch, String error) {
        try {
            cache.writeAndWait(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                    for (Outbox.Item it : batch) {
                        ps.setString(1, error);
                        ps.setString(2, it.id());
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (CacheException ignored) {
            // the items stay pending either way
        }
    }
}
