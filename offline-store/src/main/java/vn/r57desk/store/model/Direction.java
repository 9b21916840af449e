package vn.r57desk.store.model;

/** Whether a KPI improves by going up or down. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Direction fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }

    /** +1 when higher is better, -1 otherwise. */
    public int sign() {
        return this == HIGHER_IS_BETTER ? 1 : -1;
    }
}
