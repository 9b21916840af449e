package vn.r57desk.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cursors are opaque to clients: base64url JSON naming the generation and either a snapshot
 * position (entity index, last key sent) or a change-log position (last sequence number sent).
 */
final class Cursors {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Position(String generation, boolean snapshot, int entity, List<Object> afterKey, long seq) {}

    private Cursors() {}

    static String snapshot(String generation, int entity, List<Object> afterKey) {
        ObjectNode n = JSON.createObjectNode().put("g", generation).put("p", "s").put("e", entity);
        if (afterKey != null) {
            ArrayNode k = n.putArray("k");
            for (Object o : afterKey) {
                if (o instanceof Long l) k.add(l); else if (o instanceof Integer i) k.add(i); else k.add(String.valueOf(o));
            }
        }
        return encode(n);
    }

    static String changes(String generation, long seq) {
        return encode(JSON.createObjectNode().put("g", generation).put("p", "d").put("s", seq));
    }

    private static String encode(JsonNode n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor; throws IllegalArgumentException naming what is wrong. */
    static Position decode(String cursor) {
        JsonNode n;
        try {
            n = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (Exception e) {
            throw new IllegalArgumentException("the cursor is not one this server issued");
        }
        if (n == null || !n.isObject() || !n.path("g").isTextual()) throw new IllegalArgumentException("the cursor is not one this server issued");
        String g = n.path("g").asText();
        if ("s".equals(n.path("p").asText())) {
            List<Object> key = null;
            if (n.has("k")) {
                key = new ArrayList<>();
                for (JsonNode k : n.path("k")) key.add(k.isIntegralNumber() ? (Object) k.asLong() : k.asText());
            }
            return new Position(g, true, n.path("e").asInt(), key, 0);
        }
        if ("d".equals(n.path("p").asText())) return new Position(g, false, 0, null, n.path("s").asLong());
        throw new IllegalArgumentException("the cursor is not one this server issued");
    }
}
