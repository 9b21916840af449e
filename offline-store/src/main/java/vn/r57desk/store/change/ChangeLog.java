package vn.r57desk.store.change;

import java.util.Map;

/**
 * What {@code change_log} keeps of a row before and after a change (its {@code old_value} and
 * {@code new_value}), defined once for every writer: a sync page's set-based apply
 * ({@code DeltaStage}) and row-level writes ({@link StoreWriter}). The readers
 * ({@code ChangeSummary}) depend on it: a task is completed when its value goes from NULL to a date,
 * an initiative's value is its status and progress. Before, the two writers kept a task as
 * {@code completed_at} and as "due …, open", and a task completed by a row-level write was not
 * counted as completed. An initiative's progress is kept to the millionth (docs/metrics.md, "What
 * changed"), the same whatever SQLite version wrote it.
 */
public final class ChangeLog {
    private ChangeLog() {}

    /** SQL over a row aliased {@code X}, by entity; an entity not here keeps no value. */
    private static final Map<String, String> SUMMARY = Map.of(
            "observation", "X.value",
            "task", "X.completed_at",
            // Progress in millionths ("in_progress 924214e-6", which Double.parseDouble reads as 0.924214):
            // a REAL turned into text by SQLite depends on its version (3.40 writes 15 significant
            // digits, 3.43 and later 17), so the same change would read back one ulp apart. An
            // integer's text is exact in every version, and so is round() of a value below 2^53.
            "initiative", "X.status || ' ' || CAST(round(X.progress * 1000000) AS INTEGER) || 'e-6'");

    /** The SQL expression that gives an {@code entity} row's value, the row aliased {@code alias}; {@code NULL} if it keeps none. */
    public static String summary(String entity, String alias) {
        String expr = SUMMARY.get(entity);
        return expr == null ? "NULL" : expr.replace("X.", alias + ".");
    }
}
