package vn.r57desk.store.db;

/** Step timings of bulk loads on stderr, only with -Dr57.timings=true (for profiling, off by default). */
final class Timings {
    private static final boolean ON = Boolean.getBoolean("r57.timings");
    private static long last = System.nanoTime();

    private Timings() {}

    static void lap(String step) {
        if (!ON) return;
        long now = System.nanoTime();
        System.err.printf("  %-42s %6d ms%n", step, (now - last) / 1_000_000);
        last = now;
    }
}
