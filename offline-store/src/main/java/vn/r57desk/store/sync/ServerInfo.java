package vn.r57desk.store.sync;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code GET /v1/info} says: the protocol, the data generation, and how much the server has
 * (for the progress bar, and for the bounds of {@link PageBounds}). Whatever answered is checked
 * to be an R57 sync server before anything else is sent: a captive portal's web page, an empty or
 * {@code null} body, JSON without a protocol or text that is not UTF-8 is said to be "not an R57
 * sync server" rather than read as a protocol version.
 *
 * @param snapshotRows rows in a full snapshot, 0 when not said
 * @param latestSeq    the server's last change-log sequence number, 0 when not said
 */
record ServerInfo(String protocol, String generation, long snapshotRows, long latestSeq) {

    /** The largest /v1/info this client reads: the reference server's is about 200 bytes. */
    static final int MAX_BYTES = 64 * 1024;

    /**
     * Reads an answer of {@code who} (host:port) with content type {@code contentType} (may be null).
     *
     * @throws SyncException REFUSED when it is not a sync server, INCOMPATIBLE for another major
     *                       version, BROKEN_BODY (retried) when JSON is cut short
     */
    static ServerInfo parse(String who, String contentType, byte[] body) throws SyncException {
        int start = 0;
        while (start < body.length && isSpace(body[start])) start++;
        if (start == body.length) throw notSyncServer(who, SyncText.Key.WHY_EMPTY, null);
        // A captive portal (a hotel's Wi-Fi, a guest network) answers every address with its sign-in page.
        if (body[start] == '<' || (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html"))) {
            throw new SyncException(SyncException.Problem.REFUSED, SyncText.Key.NOT_SYNC_SERVER_PAGE, who);
        }
        if (!utf8(body)) throw notSyncServer(who, SyncText.Key.WHY_NOT_UTF8, null);
        JsonNode n;
        try {
            n = Bodies.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw notSyncServer(who, SyncText.Key.WHY_TOO_BIG, e);
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            // Cut short on the way: a network fault, tried again.
            throw new SyncException(SyncException.Problem.BROKEN_BODY, SyncText.of(SyncText.Key.ANSWER_NOT_JSON), e);
        } catch (JsonProcessingException e) {
            throw notSyncServer(who, SyncText.Key.WHY_NOT_JSON, e);
        } catch (java.io.IOException e) {
            throw notSyncServer(who, SyncText.Key.WHY_NOT_JSON, e);
        }
        if (n == null || !n.isObject()) throw notSyncServer(who, SyncText.Key.WHY_NOT_OBJECT, null);
        JsonNode p = n.get("protocol");
        String protocol = p != null && p.isTextual() ? p.asText() : null;
        if (protocol == null || !protocol.matches("\\d{1,4}(\\.\\d{1,4})?")) throw notSyncServer(who, SyncText.Key.WHY_NO_PROTOCOL, null);
        if (Protocol.major(protocol) != Protocol.MAJOR) {
            throw new SyncException(SyncException.Problem.INCOMPATIBLE, SyncText.Key.PROTOCOL_TOO_NEW, protocol, Protocol.MAJOR);
        }
        return new ServerInfo(protocol, n.path("generation").asText(""), Math.max(0, n.path("snapshot_rows").asLong(0)),
                Math.max(0, n.path("latest_seq").asLong(0)));
    }

    /** An answer longer than {@link #MAX_BYTES}. */
    static SyncException tooLarge(String who, Throwable detail) {
        return notSyncServer(who, SyncText.Key.WHY_TOO_BIG, detail);
    }

    private static SyncException notSyncServer(String who, SyncText.Key why, Throwable detail) {
        return new SyncException(SyncException.Problem.REFUSED, SyncText.of(SyncText.Key.NOT_SYNC_SERVER, who, SyncText.of(why)), detail);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Strict UTF-8 without NUL characters (UTF-16 text has them between ASCII letters). */
    private static boolean utf8(byte[] body) {
        for (byte b : body) if (b == 0) return false;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
