package vn.r57desk.store.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import okhttp3.HttpUrl;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;

/**
 * Brings a cache up to date with a monitoring server: pushes the outbox, bootstraps from a
 * snapshot when the cache has nothing from this server yet, then applies delta pages until there
 * are none. Every page goes in whole or not at all, with its cursor, so a sync stopped at any
 * moment (cancel, lost network, a killed process) resumes where it stood.
 *
 * <p>This class is the orchestration: the requests, deadlines and retries are {@link Transport}'s,
 * the outbox push {@link OutboxPush}'s, and where the cache stands with the server (its cursor,
 * phase and runs) {@link Ledger}'s, for the snapshot path ({@link Bootstrap}) and the delta path
 * alike.
 *
 * <p>Not for the FX thread: {@link #sync} blocks on the network. {@link #cancel} may be called
 * from any thread.
 */
public final class SyncClient {
    public enum Phase { CONNECTING, OUTBOX, SNAPSHOT, FINALIZING, CHANGES, DONE }

    /**
     * Where a sync stands: for a progress bar ({@code expectedRows} 0 when unknown). {@code bytes}:
     * what this sync has received from the server so far, as it crossed the network (compressed);
     * {@code entity}: the kind of rows being read (its wire name, e.g. "observation"), or null.
     */
    public record Progress(Phase phase, long rows, long expectedRows, long bytes, String entity) {}

    public interface Listener {
        void progress(Progress p);

        /** Something worth a line in a log: a skipped entity kind, a retry. */
        default void note(String line) {}

        /** A transient fault: the request will be tried again after {@link Retry#pause()}. */
        default void retrying(Retry r) {}

        /**
         * A request is still waiting for its answer (told now and then, from another thread): a UI
         * can say "waiting for the server (12 s)" rather than look stuck. Also noted.
         */
        default void waiting(Wait w) {}

        Listener NONE = p -> {};
    }

    /**
     * What a user waiting on a retry wants to know: what went wrong, which attempt comes next of
     * how many, and when.
     */
    public record Retry(SyncException.Problem problem, int nextAttempt, int maxAttempts, Duration pause) {}

    /**
     * A request still waiting: for {@code server} (host:port), {@code soFar} since it was sent,
     * and the attempt gives up at {@code limit}.
     */
    public record Wait(String server, Duration soFar, Duration limit) {}

    /**
     * How a sync talks to its server and how long it may take (docs/sync-protocol.md, "The
     * client's limits").
     *
     * @param maxAttempts     attempts per request before giving up on a transient fault
     * @param baseDelay       first pause between attempts; doubles each time, with jitter, up to maxDelay
     * @param readTimeout     the longest silence while waiting for an answer's next bytes
     * @param requestDeadline the longest one request may take, from sending it to its answer's last byte
     * @param maxWait         the longest a sync goes on trying one request (its attempts and the pauses
     *                        between them together) before giving up: what a person waits
     * @param maxSyncTime     the longest a whole sync may take
     */
    public record Options(String token, int pageRows, int maxAttempts, Duration baseDelay, Duration maxDelay,
                          Path trustedCertificate, Duration readTimeout, Duration requestDeadline, Duration maxWait,
                          Duration maxSyncTime) {
        public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
        public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofMinutes(2);
        public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);
        public static final Duration DEFAULT_MAX_SYNC_TIME = Duration.ofMinutes(30);

        public Options {
            if (requestDeadline == null) requestDeadline = DEFAULT_REQUEST_DEADLINE;
            if (maxWait == null) maxWait = DEFAULT_MAX_WAIT;
            if (maxSyncTime == null) maxSyncTime = DEFAULT_MAX_SYNC_TIME;
        }

        /** The options of earlier versions: the default deadline, wait and sync bound. */
        public Options(String token, int pageRows, int maxAttempts, Duration baseDelay, Duration maxDelay, Path trustedCertificate,
                       Duration readTimeout) {
            this(token, pageRows, maxAttempts, baseDelay, maxDelay, trustedCertificate, readTimeout, null, null, null);
        }

        public static Options defaults(String token) {
            return new Options(token, Protocol.DEFAULT_PAGE_ROWS, 6, Duration.ofMillis(300), Duration.ofSeconds(8), null,
                    DEFAULT_READ_TIMEOUT);
        }

        public Options withRetries(int attempts, Duration base, Duration max) {
            return new Options(token, pageRows, attempts, base, max, trustedCertificate, readTimeout, requestDeadline, maxWait, maxSyncTime);
        }

        public Options withPageRows(int rows) {
            return new Options(token, rows, maxAttempts, baseDelay, maxDelay, trustedCertificate, readTimeout, requestDeadline, maxWait,
                    maxSyncTime);
        }

        public Options withTrustedCertificate(Path pem) {
            return new Options(token, pageRows, maxAttempts, baseDelay, maxDelay, pem, readTimeout, requestDeadline, maxWait, maxSyncTime);
        }

        public Options withReadTimeout(Duration d) {
            return new Options(token, pageRows, maxAttempts, baseDelay, maxDelay, trustedCertificate, d, requestDeadline, maxWait, maxSyncTime);
        }

        /** {@code request}: one request's deadline; {@code wait}: one request's attempts together; {@code sync}: the whole sync. */
        public Options withLimits(Duration request, Duration wait, Duration sync) {
            return new Options(token, pageRows, maxAttempts, baseDelay, maxDelay, trustedCertificate, readTimeout, request, wait, sync);
        }

        public Options withMaxWait(Duration wait) {
            return withLimits(requestDeadline, wait, maxSyncTime);
        }
    }

    /**
     * What a sync did. {@code changes}: entity → {inserted, updated, deleted, skipped as stale}
     * over the delta pages; the runs between {@code firstRunId} and {@code lastRunId} hold each change.
     * {@code outboxError}: why the outbox could not be pushed (the sync went on), or null.
     */
    public record Report(boolean bootstrapped, long snapshotRows, int deltaPages, long deltaRows, Map<String, long[]> changes,
                         int outboxAccepted, int outboxDuplicates, int outboxRejected, String outboxError, Set<String> skippedKinds,
                         long firstRunId, long lastRunId, Duration took) {}

    private final String serverKey;
    private final Transport transport;
    private final Ledger ledger;
    /** {@link Transport#received} when the current sync began. */
    private long receivedAtStart;

    private SyncClient(HttpUrl base, Transport transport) {
        this.serverKey = base.toString();
        this.transport = transport;
        this.ledger = new Ledger(serverKey);
    }

    /** What keeps a server address from being used, found before anything is sent. */
    public enum AddressProblem {
        /** Not an http:// or https:// address (e.g. "127.0.0.1:8557", with no scheme). */
        NOT_HTTP,
        /** Plain http:// to another computer: sync data travels only over HTTPS. */
        PLAIN_HTTP_ELSEWHERE
    }

    /**
     * Checks a server address as {@link #create} will, so that a form can say what is wrong while
     * it is typed; null when it can be used. Resolves no name (a literal address is only parsed).
     */
    public static AddressProblem checkAddress(String url) {
        HttpUrl u = HttpUrl.parse(url == null ? "" : url.strip());
        if (u == null) return AddressProblem.NOT_HTTP;
        if (!u.isHttps() && !isLoopback(u.host())) return AddressProblem.PLAIN_HTTP_ELSEWHERE;
        return null;
    }

    /** Checks the address (plain HTTP only to this machine) and prepares the HTTP client. */
    public static SyncClient create(String url, Options options) throws SyncException {
        if (checkAddress(url) == AddressProblem.NOT_HTTP) {
            throw new SyncException(SyncException.Problem.BAD_ADDRESS, SyncText.Key.NOT_HTTP, url);
        }
        HttpUrl u = HttpUrl.parse(url.strip());
        if (!u.isHttps() && !isLoopback(u.host())) {
            throw new SyncException(SyncException.Problem.INSECURE, SyncText.Key.PLAIN_HTTP, u.host());
        }
        if (!u.encodedPath().endsWith("/")) u = u.newBuilder().addPathSegment("").build();
        return new SyncClient(u, Transport.create(u, options));
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) return true;
        // Only literal addresses: a name is not resolved, so DNS cannot make a remote host "local".
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !host.contains(":")) return false;
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    public String server() {
        return serverKey;
    }

    /** Stops the sync in progress: the page being applied is rolled back; what was applied stays. */
    public void cancel() {
        transport.cancel();
    }

    /**
     * Runs one sync. A {@link #cancel} that comes before it starts stops it at once; the flag is
     * cleared when a sync ends, so the client can run again.
     */
    public Report sync(CacheHost host, Listener listener) throws SyncException {
        transport.begin(listener);
        try {
            return syncOnce(host, listener);
        } catch (SyncException e) {
            // A revoked device loses its cache and outbox, whichever request heard of it.
            if (e.problem() == SyncException.Problem.REVOKED && e.revocation() == null) throw revoked(host, e);
            throw e;
        } finally {
            transport.end();
        }
    }

    private Report syncOnce(CacheHost host, Listener listener) throws SyncException {
        long t0 = System.nanoTime();
        receivedAtStart = transport.received();
        listener.progress(progress(Phase.CONNECTING, 0, 0, null));
        long tInfo = vn.r57desk.store.db.Timings.start();
        ServerInfo info = info();
        vn.r57desk.store.db.Timings.add("sync: info", tInfo);
        OutboxPush.Counts outbox;
        String outboxError = null;
        try {
            long tOut = vn.r57desk.store.db.Timings.start();
            outbox = new OutboxPush(transport, listener, sent -> listener.progress(progress(Phase.OUTBOX, sent, 0, null))).push(host.cache());
            vn.r57desk.store.db.Timings.add("sync: outbox", tOut);
        } catch (SyncException e) {
            // The server refused the push itself (not the device, not the network): the notes stay
            // in the outbox, and the data still comes down.
            if (e.problem() != SyncException.Problem.REFUSED) throw e;
            outbox = new OutboxPush.Counts(0, 0, 0);
            outboxError = e.getMessage();
            listener.note("Notes and feedback were not sent (" + e.getMessage() + "); they stay in the outbox");
        }

        Set<String> skipped = new TreeSet<>();
        long firstRun = Ledger.lastRunId(host.cache());
        boolean bootstrapped = false;
        long snapshotRows = 0;
        Deltas d = null;
        for (int round = 1; d == null; round++) {
            try {
                Ledger.State state = ledger.state(host.cache());
                if (state == null || state.cursor() == null || state.generation() != Bootstrap.generationNumber(info.generation())) {
                    snapshotRows = bootstrap(host, info, listener, skipped);
                    bootstrapped = true;
                    firstRun = Ledger.lastRunId(host.cache()) - 1;
                }
                d = pullChanges(host, info, listener, skipped);
            } catch (CursorExpired e) {
                // The server started a new generation (or dropped old history): start again from a snapshot, once.
                if (round == 2) {
                    throw new SyncException(SyncException.Problem.SERVER, SyncText.Key.CURSORS_REFUSED, e.getMessage());
                }
                listener.note("The server no longer serves changes from this cache's position (" + e.getMessage() + "); starting from a snapshot");
                info = info();
                ledger.forget(host.cache());
            }
        }
        long tMark = vn.r57desk.store.db.Timings.start();
        ledger.markSuccess(host.cache());
        vn.r57desk.store.db.Timings.add("sync: mark success", tMark);
        vn.r57desk.store.db.Timings.printTotals("sync " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        listener.progress(progress(Phase.DONE, d.rows, d.rows, null));
        return new Report(bootstrapped, snapshotRows, d.pages, d.rows, d.changes, outbox.accepted(), outbox.duplicates(), outbox.rejected(),
                outboxError, skipped, firstRun, Ledger.lastRunId(host.cache()), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** {@code GET /v1/info}: who the server is, which protocol it speaks, which generation it serves. */
    private ServerInfo info() throws SyncException {
        return transport.withRetries(SyncText.Key.STEP_INFO, transport::info);
    }

    private Progress progress(Phase phase, long rows, long expected, String entity) {
        return new Progress(phase, rows, expected, transport.received() - receivedAtStart, entity);
    }

    /**
     * A page's rows as progress of the sync ({@code before}: rows of earlier pages), and each kind
     * of data this version does not know noted once per sync ({@code skipped}: those noted so far).
     */
    private PageApplier.Listener pageListener(Listener listener, Phase phase, long before, long expected, Set<String> skipped) {
        return new PageApplier.Listener() {
            @Override
            public void rows(long rows, String entity) {
                listener.progress(progress(phase, before + rows, expected, entity));
            }

            @Override
            public void skippedKind(String entity) {
                if (skipped.add(entity)) {
                    listener.note("Skipped rows of \"" + entity + "\": a kind of data this version of R57 Desk does not know (the server is newer)");
                }
            }
        };
    }

    // ---- bootstrap ------------------------------------------------------------------------------

    private long bootstrap(CacheHost host, ServerInfo info, Listener listener, Set<String> skipped)
            throws SyncException, CursorExpired {
        String generation = info.generation();
        long expected = info.snapshotRows();
        Path cacheFile = host.cache().file();
        Bootstrap b;
        try {
            b = Bootstrap.openOrStart(cacheFile, ledger, generation, expected);
        } catch (SQLException | IOException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.BOOTSTRAP_PREPARE, cacheFile, e.getMessage()), e);
        }
        long rows;
        try {
            long done = b.snapshotRows();
            if (b.cursor() != null) listener.note("Resuming a bootstrap after " + done + " rows");
            PageBounds bounds = new PageBounds(b.cursor(), expected, done);
            while (b.phase().equals("snapshot")) {
                long before = done;
                HttpUrl u = transport.url("snapshot", b.cursor());
                PageApplier.Result r = transport.withRetries(SyncText.Key.STEP_SNAPSHOT, () -> transport.page(u, body -> b.applyPage(body,
                        generation, transport::cancelled, pageListener(listener, Phase.SNAPSHOT, before, expected, skipped), bounds)));
                bounds.accepted(r);
                skipped.addAll(r.skippedKinds());
                done += r.rows();
                listener.progress(progress(Phase.SNAPSHOT, done, expected, null));
            }
            transport.checkCancelled();
            listener.progress(progress(Phase.FINALIZING, done, expected, null));
            b.closeApplier();
            rows = b.finish();
        } catch (SQLException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.BOOTSTRAP_WRITE, b.file(), e.getMessage()), e);
        } catch (SyncException e) {
            if (e.getCause() instanceof CursorExpired ce) {
                b.close();
                b.discard();
                throw ce;
            }
            throw e;
        } finally {
            b.close();
        }
        try {
            host.replace(b.file());
        } catch (CacheException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
        }
        return rows;
    }

    // ---- deltas ---------------------------------------------------------------------------------

    private record Deltas(int pages, long rows, Map<String, long[]> changes) {}

    private Deltas pullChanges(CacheHost host, ServerInfo info, Listener listener, Set<String> skipped) throws SyncException, CursorExpired {
        String generation = info.generation();
        Map<String, long[]> changes = new LinkedHashMap<>();
        int pages = 0;
        long rows = 0;
        PageApplier[] applier = new PageApplier[1];
        Cache cache = host.cache();
        // The server's change log holds at most latest_seq changes: far more is a server gone wrong.
        PageBounds bounds = new PageBounds(ledger.state(cache).cursor(), info.latestSeq(), 0);
        try {
            while (true) {
                Ledger.State st = ledger.state(cache);
                long before = rows;
                HttpUrl u = transport.url("changes", st.cursor());
                PageApplier.Result r;
                try {
                    r = transport.withRetries(SyncText.Key.STEP_CHANGES, () -> transport.page(u, body -> applyDelta(cache, applier, body,
                            pageListener(listener, Phase.CHANGES, before, 0, skipped), generation, bounds)));
                } catch (SyncException e) {
                    if (e.getCause() instanceof CursorExpired ce) throw ce;
                    throw e;
                }
                bounds.accepted(r);
                pages++;
                rows += r.rows();
                skipped.addAll(r.skippedKinds());
                for (Map.Entry<String, long[]> e : r.counts().entrySet()) {
                    long[] sum = changes.computeIfAbsent(e.getKey(), k -> new long[4]);
                    for (int i = 0; i < 4; i++) sum[i] += e.getValue()[i];
                }
                listener.progress(progress(Phase.CHANGES, rows, 0, null));
                if (!r.hasMore()) break;
            }
        } finally {
            if (applier[0] != null) {
                try {
                    cache.writeAndWait(c -> {
                        applier[0].close();
                        return null;
                    });
                } catch (CacheException ignored) {
                    // statements die with the connection
                }
            }
        }
        return new Deltas(pages, rows, changes);
    }

    private PageApplier.Result applyDelta(Cache cache, PageApplier[] applier, InputStream body, PageApplier.Listener progress,
                                          String expectedGeneration, PageBounds bounds) throws SyncException {
        try {
            return cache.writeAndWait(c -> {
                if (applier[0] == null) applier[0] = PageApplier.open(c, PageApplier.Mode.DELTA);
                long run = ledger.beginDeltaPage(c);
                applier[0].setRun(run);
                PageApplier.Result r;
                try {
                    r = applier[0].apply(body, transport::cancelled, progress);
                    if (!Protocol.KIND_DELTA.equals(r.kind())) {
                        throw new SyncException(SyncException.Problem.INVALID_PAGE, SyncText.Key.WRONG_KIND, "changes", r.kind());
                    }
                    if (!expectedGeneration.isEmpty() && !expectedGeneration.equals(r.generation())) {
                        SyncText said = SyncText.of(SyncText.Key.GENERATION_MOVED, r.generation(), expectedGeneration);
                        throw new SyncException(SyncException.Problem.REFUSED, said, new CursorExpired(said.toString()));
                    }
                    bounds.check(r);
                } catch (SyncException e) {
                    applier[0].rolledBack();
                    throw new Unchecked(e);
                } catch (SQLException | RuntimeException e) {
                    applier[0].rolledBack();
                    throw e;
                }
                ledger.deltaPageApplied(c, run, r.nextCursor(), r.rows());
                applier[0].committed(); // the commit follows; a failed commit is rare and only re-checks ids
                return r;
            });
        } catch (Unchecked u) {
            throw u.cause;
        } catch (CacheException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.PAGE_WRITE, e.getMessage()), e);
        }
    }

    /** Carries a checked SyncException out of a cache write lambda. */
    private static final class Unchecked extends RuntimeException {
        final SyncException cause;

        Unchecked(SyncException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    // ---- revocation ----------------------------------------------------------------------------

    private SyncException revoked(CacheHost host, SyncException e) {
        int unsent = 0;
        try {
            unsent = (int) Outbox.list(host.cache()).stream().filter(Outbox.Item::pending)
                    .filter(i -> !"rejected".equals(i.serverStatus())).count();
        } catch (RuntimeException | CacheException ignored) {
            // counting is only for the message
        }
        try {
            host.wipe();
        } catch (CacheException w) {
            return new SyncException(SyncException.Problem.REVOKED, SyncText.of(SyncText.Key.REVOKED_NOT_WIPED, e, w.getMessage()), e)
                    .revocation(new SyncException.Revocation(false, 0));
        }
        return new SyncException(SyncException.Problem.REVOKED,
                unsent > 0 ? SyncText.of(SyncText.Key.REVOKED_WIPED_UNSENT, e, unsent) : SyncText.of(SyncText.Key.REVOKED_WIPED, e), e)
                .revocation(new SyncException.Revocation(true, unsent));
    }
}
