package vn.r57desk.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import vn.r57desk.store.model.Period;

/** The due-date rule used inside SQL (rollups) is the same as the Java ones (metrics, UI, streamed rollups). */
class DueDateTest {
    @Test
    void sqlAndJavaAgreeForEveryMonthIncludingDecember() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            for (int p = 202401; p <= 203112; p = Period.next(p)) {
                try (ResultSet rs = st.executeQuery("SELECT " + Rollups.dueDateSql(Integer.toString(p)))) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("period " + p).isEqualTo(Period.dateInt(Period.dueDate(p)));
                    assertThat(Rollups.dueDate(p)).as("period " + p + ", streamed rollups").isEqualTo(rs.getLong(1));
                }
            }
        }
        assertThat(Period.dueDate(202512)).hasToString("2026-01-10");
        assertThat(Period.fromDateInt(20260110)).isEqualTo(Period.dueDate(202512));
    }
}
