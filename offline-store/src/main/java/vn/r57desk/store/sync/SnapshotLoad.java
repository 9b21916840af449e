package vn.r57desk.store.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * Builds a new cache file from one complete snapshot page read from a stream (a briefing pack's
 * content), with the same checks and the same loader as a bootstrap from a server: every row is
 * validated, references are checked and the rollups are built as the rows stream in.
 *
 * <p>The result is a separate file, fsynced, next to {@code target} ({@code target + ".bootstrap"});
 * the caller moves it into place. Nothing else is touched.
 */
public final class SnapshotLoad {
    private SnapshotLoad() {}

    /** What a load built: the finished file (not yet in place) and its rows. */
    public record Loaded(Path file, long rows) {}

    /**
     * Loads {@code page} (a protocol-1 snapshot page with {@code complete: true}) into a new file
     * beside {@code target}. {@code source} names where it came from in the file's sync_state
     * (e.g. "pack:ID"). On failure the partial file is deleted.
     */
    public static Loaded load(Path target, String source, InputStream page, BooleanSupplier cancelled) throws SyncException, IOException {
        Path f = Bootstrap.fileFor(target);
        Bootstrap.deleteFiles(f); // a load killed earlier: never resumed, a pack is read whole
        Bootstrap b = null;
        boolean ok = false;
        try {
            b = Bootstrap.openOrStart(target, new Ledger(source), source);
            // One page, read whole: no cursor to follow, so no bound beyond the page's own checks.
            PageApplier.Result r = b.applyPage(page, "", cancelled, PageApplier.Listener.NONE, new PageBounds(null, 0, 0));
            if (!r.complete()) {
                throw new SyncException(SyncException.Problem.INVALID_PAGE, SyncText.Key.SNAPSHOT_INCOMPLETE);
            }
            b.closeApplier();
            long rows = b.finish();
            ok = true;
            return new Loaded(f, rows);
        } catch (SQLException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.BOOTSTRAP_WRITE, f, e.getMessage()), e);
        } finally {
            if (b != null) b.close();
            if (!ok) Bootstrap.deleteFiles(f);
        }
    }

    /** Deletes what a killed {@link #load} left beside {@code target}. */
    public static void discardLeftovers(Path target) throws IOException {
        Bootstrap.deleteFiles(Bootstrap.fileFor(target));
    }
}
