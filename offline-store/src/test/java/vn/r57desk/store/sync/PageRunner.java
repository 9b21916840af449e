package vn.r57desk.store.sync;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;

import vn.r57desk.store.db.Cache;

/** Applies a delta page to a cache the way a sync does, for tests: in one write transaction. */
final class PageRunner {
    private PageRunner() {}

    /** The page's result, and the sync run it was recorded under (0: none, no change history). */
    record Applied(long run, PageApplier.Result result) {}

    static Applied apply(Cache cache, String body, boolean underRun) throws Exception {
        return apply(cache, body, underRun, PageApplier.Listener.NONE);
    }

    static Applied apply(Cache cache, String body, boolean underRun, PageApplier.Listener listener) throws Exception {
        try {
            return cache.writeAndWait(c -> {
                long run = 0;
                if (underRun) {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("INSERT INTO sync_runs (kind, source, started_at, status)"
                            + " VALUES ('delta', 'test', '2026-11-25T00:00:00Z', 'running') RETURNING id")) {
                        rs.next();
                        run = rs.getLong(1);
                    }
                }
                PageApplier a = PageApplier.open(c, PageApplier.Mode.DELTA);
                try {
                    a.setRun(run);
                    return new Applied(run, a.apply(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), () -> false, listener));
                } catch (SyncException e) {
                    throw new WrappedSync(e);
                } finally {
                    a.close();
                }
            });
        } catch (WrappedSync w) {
            throw w.e;
        }
    }

    /** Carries a SyncException out of the cache's write lambda. */
    private static final class WrappedSync extends RuntimeException {
        final SyncException e;

        WrappedSync(SyncException e) {
            super(e.getMessage(), e, false, false);
            this.e = e;
        }
    }
}
