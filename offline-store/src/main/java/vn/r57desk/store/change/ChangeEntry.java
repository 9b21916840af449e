package vn.r57desk.store.change;

/** One change a run made: which row, how, and its value before and after (for KPIs and statuses). */
public record ChangeEntry(long runId, long seq, String entity, String entityKey, Op op, String oldValue, String newValue) {
    public enum Op { INSERT, UPDATE, DELETE }
}
