package vn.r57desk.store.sync;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A checksum of every synced table over its wire fields, in key order: two files with equal
 * checksums hold the same synced data. Used to prove a client converged on its server.
 */
public final class Checksums {
    private Checksums() {}

    /** entity → "rows:crc" */
    public static Map<String, String> of(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Entity e : Entities.all()) {
            String cols = String.join(", ", e.fields().stream().map(Entity.Field::name).toList());
            CRC32C crc = new CRC32C();
            long rows = 0;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + e.table() + " ORDER BY " + String.join(", ", e.key()))) {
                int n = e.fields().size();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        sb.append(v instanceof Double d ? Double.toString(d) : String.valueOf(v)).append('\u001f');
                    }
                    crc.update(sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                    rows++;
                }
            }
            out.put(e.name(), rows + ":" + Long.toHexString(crc.getValue()));
        }
        return out;
    }
}
