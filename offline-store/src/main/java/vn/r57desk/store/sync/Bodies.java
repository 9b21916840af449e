package vn.r57desk.store.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One set of limits for every body a server sends: pages, {@code /v1/info}, outbox replies and
 * error bodies are all read by {@link #JSON} (or {@link #MAPPER}, over it). The parser's own
 * defaults (20 million characters in a string, 1,000 levels deep) let a hostile {@code /v1/info}
 * push the client to hundreds of MB; nothing the protocol sends comes near these.
 */
final class Bodies {
    /** The longest string: a field's longest text with every character escaped (\\uXXXX, plus slack). */
    static final int MAX_STRING = Entities.MAX_TEXT * 8;
    /** The deepest nesting: a page is 5 levels deep (page, batches, batch, rows, row); an outbox payload a few more. */
    static final int MAX_DEPTH = 16;
    /** The largest answer that is not a page (/v1/info, an outbox reply, an error), in bytes. Pages are streamed. */
    static final int MAX_SMALL_BODY = 1 << 20;
    /** How much of an error body is read for its code and message. */
    static final int MAX_ERROR_BODY = 64 * 1024;

    static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            // A single string can never be longer than a field may be (plus escapes): refuse early.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING).maxNestingDepth(MAX_DEPTH).build())
            .build();

    static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private Bodies() {}

    /** A body longer than its limit. */
    static final class TooLarge extends IOException {
        TooLarge(int limit) {
            super("the answer is longer than " + limit + " bytes");
        }
    }

    /** The whole of {@code in}, refused as {@link TooLarge} past {@code limit} bytes (without reading further). */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > limit) throw new TooLarge(limit);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
