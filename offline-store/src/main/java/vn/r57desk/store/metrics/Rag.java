package vn.r57desk.store.metrics;

/** Traffic-light status shared by initiatives and KPIs; COMPLETED applies to initiatives only. */
public enum Rag {
    COMPLETED, GREEN, AMBER, RED, NO_DATA;

    /** Score used by the ranking index: green 1, amber 0.5, red 0; null where not assessable. */
    public Double score() {
        return switch (this) {
            case COMPLETED, GREEN -> 1.0;
            case AMBER -> 0.5;
            case RED -> 0.0;
            case NO_DATA -> null;
        };
    }
}
