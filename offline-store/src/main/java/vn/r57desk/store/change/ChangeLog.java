package vn.r57desk.store.change;

import java.util.Map;

/**
 * What {@code change_log} keeps of a row before and after a change (its {@code old_value} and
 * {@code new_value}), defined once for every writer: a sync page's set-based apply
 * ({@code DeltaStage}) and row-level writes ({@link StoreWriter}). The readers
 * ({@code ChangeSummary}) depend on it: a task is completed when its value goes from NULL to a date,
 * an initiative's value is its status and progress. Before, the two writers kept a task as
 * {@code completed_at} and as "due …, open", and a task completed by a row-level write was not
 * counted as completed.
 */
public final class ChangeLog {
    private ChangeLog() {}

    /** SQL over a row aliased {@code X}, by entity; an entity not here keeps no value. */
    private static final Map<String, String> SUMMARY = Map.of(
            "observation", "X.value",
            "task", "X.completed_at",
            "initiative", "X.status || ' ' || X.progress");

    /** The SQL expression that gives an {@code entity} row's value, the row aliased {@code alias}; {@code NULL} if it keeps none. */
    public static String summary(String entity, String alias) {
        String expr = SUMMARY.get(entity);
        return expr == null ? "NULL" : expr.replace("X.", alias + ".");
    }
}
