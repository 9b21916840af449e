package vn.r57desk.store.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes one page of protocol 1 as it is produced, so a server never holds a page in memory:
 * <pre>{"protocol":"1.0","kind":"snapshot","generation":"…","batches":[
 *   {"entity":"task","op":"upsert","fields":[…],"rows":[[…],…]}, …],
 *  "row_count":N,"next_cursor":"…","has_more":true,"complete":false}</pre>
 * The totals come last: a body cut short lacks them and is refused whole by the reader.
 */
public final class PageWriter implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator g;
    private long rows;
    private boolean inBatch;

    public PageWriter(OutputStream out, String kind, String generation) throws IOException {
        g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeStringField("protocol", Protocol.VERSION);
        g.writeStringField("kind", kind);
        g.writeStringField("generation", generation);
        g.writeArrayFieldStart("batches");
    }

    /** Starts a batch of rows of one entity; {@code op} is "upsert" or "delete". */
    public void beginBatch(Entity e, String op) throws IOException {
        if (inBatch) endBatch();
        g.writeStartObject();
        g.writeStringField("entity", e.name());
        g.writeStringField("op", op);
        g.writeArrayFieldStart("fields");
        if (op.equals(Protocol.OP_DELETE)) {
            for (String k : e.key()) g.writeString(k);
            if (e.versioned()) g.writeString("version");
        } else {
            for (Entity.Field f : e.fields()) g.writeString(f.name());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        inBatch = true;
    }

    /** Writes the current row of {@code rs}, whose columns are the entity's wire fields in order. */
    public void row(Entity e, ResultSet rs) throws IOException, SQLException {
        g.writeStartArray();
        int i = 1;
        for (Entity.Field f : e.fields()) {
            switch (f.type()) {
                case INTEGER -> {
                    long v = rs.getLong(i);
                    if (rs.wasNull()) g.writeNull(); else g.writeNumber(v);
                }
                case REAL -> {
                    double v = rs.getDouble(i);
                    if (rs.wasNull()) g.writeNull(); else g.writeNumber(v);
                }
                case TEXT -> {
                    String v = rs.getString(i);
                    if (v == null) g.writeNull(); else g.writeString(v);
                }
            }
            i++;
        }
        g.writeEndArray();
        rows++;
    }

    /** Writes a row already encoded as a JSON array (a server's change log stores them so). */
    public void rawRow(String jsonArray) throws IOException {
        g.writeRawValue(jsonArray);
        rows++;
    }

    public void endBatch() throws IOException {
        if (!inBatch) return;
        g.writeEndArray();
        g.writeEndObject();
        inBatch = false;
    }

    public long rows() {
        return rows;
    }

    /** Ends the page with its totals and the cursor to ask for next. */
    public void finish(String nextCursor, boolean hasMore, boolean complete) throws IOException {
        endBatch();
        g.writeEndArray();
        g.writeNumberField("row_count", rows);
        g.writeStringField("next_cursor", nextCursor);
        g.writeBooleanField("has_more", hasMore);
        g.writeBooleanField("complete", complete);
        g.writeEndObject();
        g.flush();
    }

    /** Encodes the current row of {@code rs} as a JSON array string (for a change log). */
    public static String encodeRow(Entity e, ResultSet rs) throws IOException, SQLException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(256);
        try (PageWriter w = new PageWriter(buf)) {
            w.row(e, rs);
        }
        return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private PageWriter(OutputStream out) throws IOException {
        g = JSON.createGenerator(out, JsonEncoding.UTF8);
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
