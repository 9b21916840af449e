package vn.r57desk.store.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
