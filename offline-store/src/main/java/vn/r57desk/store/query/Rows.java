package vn.r57desk.store.query;

import java.sql.ResultSet;
import java.sql.SQLException;

import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Locality;

/** Row mappers shared by the queries. */
final class Rows {
    static final String LOCALITY_COLUMNS = "id, code, level, parent_id, name_vi, name_en, kind, region, synthetic";

    private Rows() {}

    static Locality locality(ResultSet rs) throws SQLException {
        return new Locality(rs.getLong(1), rs.getString(2),
                "province".equals(rs.getString(3)) ? Locality.Level.PROVINCE : Locality.Level.COMMUNE,
                nullableLong(rs, 4), new Bilingual(rs.getString(5), rs.getString(6)), rs.getString(7), rs.getString(8),
                rs.getInt(9) == 1);
    }

    static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    static Double nullableDouble(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
