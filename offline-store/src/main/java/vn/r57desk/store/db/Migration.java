package vn.r57desk.store.db;

import java.util.List;

/** One numbered schema step. Its statements and the new {@code user_version} commit together. */
public record Migration(int version, String description, List<String> statements) {
    public Migration {
        if (version < 1) throw new IllegalArgumentException("migration versions start at 1");
        statements = List.copyOf(statements);
    }
}
