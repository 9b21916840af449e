package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

import vn.r57desk.store.sync.SyncClient;

/**
 * The lines {@code sync --progress} prints. What it promises does not depend on the machine's
 * speed: every phase the sync goes through is printed at least once, and so is the first progress
 * of each kind of data within a phase, however quickly it passes (a fast laptop finishes the demo
 * snapshot between two ticks of a timer and would otherwise never show it). Between those, at most
 * one line every {@code intervalNanos}, so a long snapshot does not flood the terminal; the last
 * line, {@code done}, is always printed.
 */
final class ProgressLines {
    private final PrintWriter err;
    private final LongSupplier clock;
    private final long intervalNanos;
    private final Set<String> seen = new HashSet<>();
    private SyncClient.Phase lastPhase;
    private long lastPrint;
    private boolean printedAny;

    ProgressLines(PrintWriter err, LongSupplier clock, long intervalNanos) {
        this.err = err;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
    }

    void accept(SyncClient.Progress p) {
        long now = clock.getAsLong();
        boolean newPhase = p.phase() != lastPhase;
        // A phase and a kind of data seen for the first time: bounded by phases × kinds, a few dozen lines at most.
        boolean newKind = p.entity() != null && seen.add(p.phase() + "/" + p.entity());
        boolean due = !printedAny || now - lastPrint >= intervalNanos;
        if (!(newPhase || newKind || due || p.phase() == SyncClient.Phase.DONE)) return;
        lastPhase = p.phase();
        lastPrint = now;
        printedAny = true;
        err.println(line(p));
    }

    static String line(SyncClient.Progress p) {
        return p.phase().name().toLowerCase(Locale.ROOT) + ": " + String.format(Locale.ROOT, "%,d", p.rows())
                + (p.expectedRows() > 0 ? String.format(Locale.ROOT, " of %,d rows", p.expectedRows()) : " rows")
                + (p.entity() != null ? " (" + p.entity() + ")" : "")
                + String.format(Locale.ROOT, ", %.1f MB received", p.bytes() / 1048576.0);
    }
}
