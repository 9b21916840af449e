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

    /**
     * Writes the current row of {@code rs}, whose columns are the entity's wire fields in order.
     * Reading a row is most of a server's cost, so: no null test for NOT NULL columns (a driver
     * call each), texts copied as the UTF-8 bytes SQLite holds (no String made and re-encoded).
     */
    public void row(Entity e, ResultSet rs) throws IOException, SQLException {
        g.writeStartArray();
        int i = 1;
        for (Entity.Field f : e.fields()) {
            switch (f.type()) {
                case INTEGER -> {
                    long v = rs.getLong(i);
                    if (!f.notNull() && rs.wasNull()) g.writeNull(); else g.writeNumber(v);
                }
                case REAL -> {
                    double v = rs.getDouble(i);
                    if (!f.notNull() && rs.wasNull()) g.writeNull(); else writeReal(v);
                }
                case TEXT -> {
                    byte[] v = rs.getBytes(i);
                    if (v == null) g.writeNull(); else g.writeUTF8String(v, 0, v.length);
                }
            }
            i++;
        }
        g.writeEndArray();
        rows++;
    }

    /**
     * A number with at most two decimals (most values) is written from its scaled integer: the
     * text reads back as exactly this double (m / 100.0 is the double nearest to m/100, which is
     * what a reader makes of the text), without Double.toString's search for the shortest digits.
     */
    private void writeReal(double v) throws IOException {
        double scaled = v * 100;
        long m = (long) scaled;
        if (m != scaled || Math.abs(m) >= 1L << 52 || m / 100.0 != v || v == 0 && Double.doubleToRawLongBits(v) != 0) {
            g.writeNumber(v); // anything else, and -0.0, as Java writes it
            return;
        }
        int n = 0;
        long a = Math.abs(m);
        long whole = a / 100;
        int frac = (int) (a % 100);
        if (m < 0) digits[n++] = '-';
        int start = n;
        do {
            digits[n++] = (char) ('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        for (int lo = start, hi = n - 1; lo < hi; lo++, hi--) {
            char t = digits[lo];
            digits[lo] = digits[hi];
            digits[hi] = t;
        }
        if (frac != 0) {
            digits[n++] = '.';
            digits[n++] = (char) ('0' + frac / 10);
            if (frac % 10 != 0) digits[n++] = (char) ('0' + frac % 10);
        }
        g.writeNumber(digits, 0, n);
    }

    private final char[] digits = new char[24];

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
