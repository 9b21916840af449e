package vn.r57desk.store.pack;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A pack's signed header (UTF-8 JSON; docs/security.md has every field). Parsed only after the
 * signature over it has been verified.
 */
public record PackHeader(int format, String packId, String issuerId, String issuerName, Instant created, Instant asOf,
                         Instant expires, long sequence, PackScope scope, String scopeLabel, List<Recipient> recipients,
                         List<String> revoked, String cipher, int chunkSize, String compression) {

    /** How the content key is wrapped for one reader: a device's X25519 key, or a passphrase. */
    public sealed interface Recipient permits DeviceRecipient, PassphraseRecipient {}

    /** For a device: an ephemeral X25519 key; the content key under HKDF-SHA256(X25519(ephemeral, device)). */
    public record DeviceRecipient(String keyId, String name, byte[] ephemeral, byte[] wrapped) implements Recipient {}

    /** For whoever knows the passphrase: the content key under PBKDF2-HMAC-SHA256(passphrase, salt, iterations). */
    public record PassphraseRecipient(int iterations, byte[] salt, byte[] wrapped) implements Recipient {}

    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", format);
        o.put("pack_id", packId);
        o.putObject("issuer").put("id", issuerId).put("name", issuerName);
        o.put("created", created.toString());
        o.put("as_of", asOf.toString());
        o.put("expires", expires.toString());
        o.put("sequence", sequence);
        o.putObject("scope").put("kind", scope.kind().name().toLowerCase(java.util.Locale.ROOT)).put("code", scope.code()).put("label", scopeLabel);
        ArrayNode rs = o.putArray("recipients");
        for (Recipient r : recipients) {
            ObjectNode n = rs.addObject();
            switch (r) {
                case DeviceRecipient d -> n.put("kind", "device").put("key_id", d.keyId()).put("name", d.name())
                        .put("ephemeral_x25519", d.ephemeral()).put("wrapped_key", d.wrapped());
                case PassphraseRecipient p -> n.put("kind", "passphrase").put("kdf", PackFormat.PBKDF2).put("iterations", p.iterations())
                        .put("salt", p.salt()).put("wrapped_key", p.wrapped());
            }
        }
        ArrayNode rv = o.putArray("revoked_devices");
        revoked.forEach(rv::add);
        o.put("cipher", cipher);
        o.put("chunk_size", chunkSize);
        o.put("compression", compression);
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a header whose signature has been verified; a malformed one is the issuer's bug, refused all the same. */
    static PackHeader parse(byte[] json) throws PackException {
        try {
            JsonNode o = JSON.readTree(json);
            List<Recipient> recipients = new ArrayList<>();
            for (JsonNode n : need(o, "recipients")) {
                switch (text(n, "kind")) {
                    case "device" -> recipients.add(new DeviceRecipient(text(n, "key_id"), n.path("name").asText(""),
                            need(n, "ephemeral_x25519").binaryValue(), need(n, "wrapped_key").binaryValue()));
                    case "passphrase" -> {
                        if (!PackFormat.PBKDF2.equals(text(n, "kdf"))) throw new IOException("unknown kdf " + text(n, "kdf"));
                        recipients.add(new PassphraseRecipient(need(n, "iterations").asInt(), need(n, "salt").binaryValue(),
                                need(n, "wrapped_key").binaryValue()));
                    }
                    default -> { /* a kind a newer version adds: not for this reader */ }
                }
            }
            List<String> revoked = new ArrayList<>();
            for (JsonNode n : o.path("revoked_devices")) revoked.add(n.asText());
            JsonNode scope = need(o, "scope");
            PackScope s = text(scope, "kind").equals("all") ? PackScope.ALL
                    : PackScope.parse(text(scope, "kind") + ":" + text(scope, "code"));
            return new PackHeader(need(o, "format").asInt(), text(o, "pack_id"), text(need(o, "issuer"), "id"), need(o, "issuer").path("name").asText(""),
                    Instant.parse(text(o, "created")), Instant.parse(text(o, "as_of")), Instant.parse(text(o, "expires")),
                    need(o, "sequence").asLong(), s, scope.path("label").asText(""), List.copyOf(recipients), List.copyOf(revoked),
                    text(o, "cipher"), need(o, "chunk_size").asInt(), text(o, "compression"));
        } catch (IOException | RuntimeException e) {
            throw new PackException(PackException.Problem.BAD_CONTENT, "Phần đầu của gói dữ liệu hỏng.",
                    "The pack's header is signed but malformed: " + e.getMessage(), e);
        }
    }

    private static JsonNode need(JsonNode o, String field) throws IOException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) throw new IOException("no '" + field + "'");
        return n;
    }

    private static String text(JsonNode o, String field) throws IOException {
        return need(o, field).asText();
    }

    /** Who may open it, as people read it. */
    public List<String> recipientLabels() {
        List<String> out = new ArrayList<>();
        for (Recipient r : recipients) {
            out.add(switch (r) {
                case DeviceRecipient d -> "device " + d.name() + " (" + d.keyId().substring(0, 16) + "…)";
                case PassphraseRecipient p -> "anyone with the passphrase (PBKDF2, " + p.iterations() + " iterations)";
            });
        }
        return out;
    }

    /** What {@code pack verify} and {@code pack create} print: who signed it, for whom, what, as of when, until when. */
    public List<String> describe(String signer) {
        List<String> out = new ArrayList<>();
        out.add("signed by: " + signer);
        out.add("for:       " + String.join("; ", recipientLabels()));
        out.add("scope:     " + scope.text() + " — " + scopeLabel);
        out.add("data as of " + asOf + ", made " + created + ", expires " + expires);
        out.add("pack id " + packId + ", sequence " + sequence);
        if (!revoked.isEmpty()) out.add("revokes devices: " + String.join(", ", revoked));
        return out;
    }
}
