package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.r57desk.store.db.Cache;

/** What a server writes reads back as exactly what its tables hold: every double to the bit, every text to the character. */
class PageWriterTest {
    // (no -0.0: SQLite itself stores it as 0.0)
    private static final double[] VALUES = {0.1, 87.25, -3.5, 100.0, 0.07, -0.07, 1.0 / 3, 2.5e-5, 1e20, 123456.78, 0.0,
        4503599627370495.0, 0.015, 99.99, 1e-300, -1234.5, 0.29, 1.005, 65.4321};

    private static JsonNode write(Connection c, Entity e, String where) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String cols = String.join(", ", e.fields().stream().map(Entity.Field::name).toList());
        try (PageWriter w = new PageWriter(out, Protocol.KIND_SNAPSHOT, "g");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + e.table() + " " + where)) {
            w.beginBatch(e, Protocol.OP_UPSERT);
            while (rs.next()) w.row(e, rs);
            w.finish(null, false, true);
        }
        return new ObjectMapper().readTree(out.toByteArray()).path("batches").get(0).path("rows");
    }

    @Test
    void everyDoubleReadsBackToTheBit() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Cache.migrate(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO observations (kpi_id, scope_id, period, value, reported_at, source_id, verified)"
                    + " VALUES (1, 1, ?, ?, 20260101, 1, 0)")) {
                for (int i = 0; i < VALUES.length; i++) {
                    ps.setLong(1, 202001 + i % 12 + i / 12 * 100);
                    ps.setDouble(2, VALUES[i]);
                    ps.executeUpdate();
                }
            }
            JsonNode rows = write(c, Entities.byName("observation"), "ORDER BY period");
            List<Double> back = new ArrayList<>();
            for (JsonNode r : rows) back.add(r.get(3).asDouble());
            List<Double> expected = new ArrayList<>();
            for (double v : VALUES) expected.add(v);
            // Double.equals compares bits: -0.0 is not 0.0, and 0.1 must be the same 0.1
            assertThat(back).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void textsAndNullsReadBackExactly() throws Exception {
        String title = "Nhiệm vụ \"số 1\": chuyển đổi số\\ngành\ncấp xã \u0001 ✓";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Cache.migrate(c);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA foreign_keys = OFF");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (id, initiative_id, title_vi, title_en, agency_id, locality_id,"
                    + " deadline, completed_at, version) VALUES (7, 1, ?, 'Task', 1, NULL, '2027-03-31', NULL, 3)")) {
                ps.setString(1, title);
                ps.executeUpdate();
            }
            JsonNode row = write(c, Entities.byName("task"), "").get(0);
            Entity task = Entities.byName("task");
            assertThat(row.get(task.fields().indexOf(task.field("title_vi"))).asText()).isEqualTo(title);
            assertThat(row.get(task.fields().indexOf(task.field("locality_id"))).isNull()).isTrue();
            assertThat(row.get(task.fields().indexOf(task.field("completed_at"))).isNull()).isTrue();
            assertThat(row.get(task.fields().indexOf(task.field("version"))).asLong()).isEqualTo(3);
        }
    }
}
