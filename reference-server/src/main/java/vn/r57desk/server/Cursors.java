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
 * position (entity index, last key sent) or a change-log position (last sequence number sent),
 * then "." and an HMAC-SHA256 of it (first 16 bytes) under the server's own key. A cursor the
 * server did not issue, or one edited by hand to jump elsewhere in the log, is refused.
 */
final class Cursors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAC_BYTES = 16;

    record Position(String generation, boolean snapshot, int entity, List<Object> afterKey, long seq) {}

    private final javax.crypto.spec.SecretKeySpec key;

    Cursors(byte[] key) {
        this.key = new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256");
    }

    String snapshot(String generation, int entity, List<Object> afterKey) {
        ObjectNode n = JSON.createObjectNode().put("g", generation).put("p", "s").put("e", entity);
        if (afterKey != null) {
            ArrayNode k = n.putArray("k");
            for (Object o : afterKey) {
                if (o instanceof Long l) k.add(l); else if (o instanceof Integer i) k.add(i); else k.add(String.valueOf(o));
            }
        }
        return encode(n);
    }

    String changes(String generation, long seq) {
        return encode(JSON.createObjectNode().put("g", generation).put("p", "d").put("s", seq));
    }

    private String encode(JsonNode n) {
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
    }

    private byte[] mac(String body) {
        try {
            javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
            m.init(key);
            return java.util.Arrays.copyOf(m.doFinal(body.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Decodes a cursor; throws IllegalArgumentException naming what is wrong. */
    Position decode(String cursor) {
        int dot = cursor.indexOf('.');
        byte[] given;
        try {
            given = dot < 0 ? new byte[0] : Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (dot < 0 || !java.security.MessageDigest.isEqual(given, mac(cursor.substring(0, dot)))) {
            throw new IllegalArgumentException("the cursor is not one this server issued");
        }
        JsonNode n;
        try {
            n = JSON.readTree(Base64.getUrlDecoder().decode(cursor.substring(0, dot)));
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
