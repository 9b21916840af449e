package vn.r57desk.store.db;

import java.util.LinkedHashMap;
import java.util.Map;

/** Step timings of bulk loads and sync pages on stderr, only with -Dr57.timings=true (for profiling, off by default). */
public final class Timings {
    private static final boolean ON = Boolean.getBoolean("r57.timings");
    private static long last = System.nanoTime();
    private static final Map<String, long[]> SUMS = new LinkedHashMap<>();

    private Timings() {}

    static void lap(String step) {
        if (!ON) return;
        long now = System.nanoTime();
        System.err.printf("  %-42s %6d ms%n", step, (now - last) / 1_000_000);
        last = now;
    }

    /** A start instant for {@link #add}, or 0 when timings are off. */
    public static long start() {
        return ON ? System.nanoTime() : 0;
    }

    /** Adds the time since {@code start} to {@code step}'s total (steps that repeat, like a page's statements). */
    public static void add(String step, long start) {
        if (!ON) return;
        long[] s = SUMS.computeIfAbsent(step, k -> new long[2]);
        s[0] += System.nanoTime() - start;
        s[1]++;
    }

    /** Prints and clears the totals. */
    public static void printTotals(String title) {
        if (!ON) return;
        System.err.println("  " + title);
        SUMS.forEach((k, v) -> System.err.printf("    %-40s %7.1f ms %6d×%n", k, v[0] / 1e6, v[1]));
        SUMS.clear();
    }
}
