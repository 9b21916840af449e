package vn.r57desk.store.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import vn.r57desk.store.sync.SyncClient.Phase;
import vn.r57desk.store.sync.SyncClient.Progress;

/** The clock is the test's: what is printed cannot depend on the machine's speed. */
class ProgressLinesTest {
    private final StringWriter out = new StringWriter();
    private long now;
    private final ProgressLines lines = new ProgressLines(new PrintWriter(out, true), () -> now, 500);

    @Test
    void aSyncThatPassesInAnInstantStillShowsEveryPhaseAndKind() {
        // Everything at the same instant: the case a fast laptop (or a quick demo snapshot) meets.
        lines.accept(new Progress(Phase.CONNECTING, 0, 0, 0, null));
        lines.accept(new Progress(Phase.SNAPSHOT, 10, 100, 1000, "province"));
        lines.accept(new Progress(Phase.SNAPSHOT, 20, 100, 2000, "province"));
        lines.accept(new Progress(Phase.SNAPSHOT, 90, 100, 3000, "observation"));
        lines.accept(new Progress(Phase.SNAPSHOT, 100, 100, 4000, null));
        lines.accept(new Progress(Phase.FINALIZING, 100, 100, 4000, null));
        lines.accept(new Progress(Phase.CHANGES, 0, 0, 4000, null));
        lines.accept(new Progress(Phase.DONE, 100, 100, 4000, null));
        assertThat(out.toString().lines()).containsExactly(
                "connecting: 0 rows, 0.0 MB received",
                "snapshot: 10 of 100 rows (province), 0.0 MB received",
                "snapshot: 90 of 100 rows (observation), 0.0 MB received",
                "finalizing: 100 of 100 rows, 0.0 MB received",
                "changes: 0 rows, 0.0 MB received",
                "done: 100 of 100 rows, 0.0 MB received");
    }

    @Test
    void betweenThoseAtMostOneLinePerInterval() {
        lines.accept(new Progress(Phase.SNAPSHOT, 1, 0, 0, "observation"));
        for (int i = 2; i <= 1000; i++) {
            now += 100; // 999 pages of progress, 100 ticks apart: a line every 5th
            lines.accept(new Progress(Phase.SNAPSHOT, i, 0, 0, "observation"));
        }
        assertThat(out.toString().lines()).hasSize(1 + 999 / 5);
    }
}
