package vn.r57desk.store.model;

/** Who a value or a task count is about. */
public enum ScopeKind {
    NATIONAL, AGENCY, PROVINCE, COMMUNE;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ScopeKind fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
