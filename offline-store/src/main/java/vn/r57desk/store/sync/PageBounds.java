package vn.r57desk.store.sync;

import java.util.HashSet;
import java.util.Set;

/**
 * What one pass over a server's pages (a snapshot, or the changes) has seen, to stop a server that
 * goes round in a circle or far past what it said it had, instead of following it for ever (one
 * page, and one {@code sync_runs} row, after another). {@link #check} runs inside the page's
 * transaction, before its cursor is written, so a refused page leaves the cache as it was;
 * {@link #accepted} after it committed.
 */
final class PageBounds {
    /** Pages in a row that carry nothing yet say more follows, before the sync stops. */
    static final int MAX_EMPTY_PAGES = 20;
    /** Rows beyond twice what the server announced, before the sync stops: changes may arrive while it runs. */
    static final long SLACK_ROWS = 10_000;

    private final Set<String> cursors = new HashSet<>();
    private final long announced;
    private final long limit;
    private long rows;
    private int emptyInARow;

    /**
     * @param from      the cursor the pass starts from (null: the start of a snapshot)
     * @param announced rows the server said it has for this pass (0: not said, no bound on rows)
     * @param rowsSoFar rows already applied (a resumed bootstrap)
     */
    PageBounds(String from, long announced, long rowsSoFar) {
        if (from != null) cursors.add(from);
        this.announced = announced;
        this.limit = announced > 0 ? 2 * announced + SLACK_ROWS : Long.MAX_VALUE;
        this.rows = rowsSoFar;
    }

    /** Refuses {@code r} if following it would go round in a circle or far past what the server has. */
    void check(PageApplier.Result r) throws SyncException {
        if (r.hasMore() && cursors.contains(r.nextCursor())) {
            throw new SyncException(SyncException.Problem.INVALID_PAGE, SyncText.Key.CURSOR_LOOPS);
        }
        if (rows + r.rows() > limit) {
            throw new SyncException(SyncException.Problem.INVALID_PAGE, SyncText.Key.TOO_MANY_ROWS, rows + r.rows(), announced);
        }
        if (r.hasMore() && r.rows() == 0 && emptyInARow + 1 >= MAX_EMPTY_PAGES) {
            throw new SyncException(SyncException.Problem.INVALID_PAGE, SyncText.Key.EMPTY_PAGES, emptyInARow + 1);
        }
    }

    /** {@code r} was committed. */
    void accepted(PageApplier.Result r) {
        if (r.nextCursor() != null) cursors.add(r.nextCursor());
        rows += r.rows();
        emptyInARow = r.hasMore() && r.rows() == 0 ? emptyInARow + 1 : 0;
    }
}
