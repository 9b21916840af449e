package vn.r57desk.store.pack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A scope as people read it ("Tỉnh: Hà Nội / Hanoi"), from the source's own names. */
final class ScopeLabels {
    private ScopeLabels() {}

    static String label(Connection c, PackScope s) throws SQLException {
        return switch (s.kind()) {
            case ALL -> "Toàn bộ dữ liệu / All data";
            case SYSTEM -> "Hệ thống / System: " + names(c, "SELECT name_vi, name_en FROM systems WHERE code = ?", s.code());
            case MINISTRY -> "Bộ, ngành / Ministry: " + names(c, "SELECT name_vi, name_en FROM agencies WHERE code = ?", s.code());
            case PROVINCE -> "Tỉnh / Province: " + names(c, "SELECT name_vi, name_en FROM localities WHERE code = ? AND level = 'province'", s.code());
            case MEETING -> "Phiên họp / Meeting: " + names(c, "SELECT title_vi || ', ' || starts_at, title_en || ', ' || starts_at FROM meetings WHERE CAST(id AS TEXT) = ?", s.code());
        };
    }

    private static String names(Connection c, String sql, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("unknown scope code '" + code + "' in this data");
                String vi = rs.getString(1), en = rs.getString(2);
                return vi.equals(en) ? vi : vi + " / " + en;
            }
        }
    }
}
