package vn.r57desk.store.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;

/**
 * Brings a cache up to date with a monitoring server: pushes the outbox, bootstraps from a
 * snapshot when the cache has nothing from this server yet, then applies delta pages until there
 * are none. Every page goes in whole or not at all, with its cursor, so a sync stopped at any
 * moment (cancel, lost network, a killed process) resumes where it stood.
 *
 * <p>Not for the FX thread: {@link #sync} blocks on the network. {@link #cancel} may be called
 * from any thread.
 */
public final class SyncClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

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

        Listener NONE = p -> {};
    }

    /**
     * What a user waiting on a retry wants to know: what went wrong, which attempt comes next of
     * how many, and when.
     */
    public record Retry(SyncException.Problem problem, int nextAttempt, int maxAttempts, Duration pause) {}

    /**
     * @param maxAttempts attempts per request before giving up on a transient fault
     * @param baseDelay   first pause between attempts; doubles each time, with jitter, up to maxDelay
     */
    public record Options(String token, int pageRows, int maxAttempts, Duration baseDelay, Duration maxDelay,
                          Path trustedCertificate, Duration readTimeout) {
        public static Options defaults(String token) {
            return new Options(token, Protocol.DEFAULT_PAGE_ROWS, 6, Duration.ofMillis(300), Duration.ofSeconds(8), null,
                    Duration.ofSeconds(30));
        }

        public Options withRetries(int attempts, Duration base, Duration max) {
            return new Options(token, pageRows, attempts, base, max, trustedCertificate, readTimeout);
        }

        public Options withPageRows(int rows) {
            return new Options(token, rows, maxAttempts, baseDelay, maxDelay, trustedCertificate, readTimeout);
        }

        public Options withTrustedCertificate(Path pem) {
            return new Options(token, pageRows, maxAttempts, baseDelay, maxDelay, pem, readTimeout);
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

    private final HttpUrl base;
    private final String serverKey;
    private final Options options;
    private final OkHttpClient http;
    private volatile boolean cancelled;
    private volatile Call current;
    /** Bytes received from the server (as sent, compressed) since the client was made. */
    private final java.util.concurrent.atomic.AtomicLong received;
    /** {@link #received} when the current sync began. */
    private long receivedAtStart;
    /** The current sync's listener, for the notes of retries. */
    private volatile Listener listener = Listener.NONE;

    private SyncClient(HttpUrl base, Options options, OkHttpClient http, java.util.concurrent.atomic.AtomicLong received) {
        this.base = base;
        this.serverKey = base.toString();
        this.options = options;
        this.http = http;
        this.received = received;
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
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(options.readTimeout())
                .retryOnConnectionFailure(false) // retries are ours: counted, backed off, reported
                // A redirect could lead from HTTPS to plain HTTP elsewhere: the protocol has none, so follow none.
                .followRedirects(false)
                .followSslRedirects(false);
        java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
        // A network interceptor sees the body as it crossed the wire, before OkHttp unzips it.
        b.addNetworkInterceptor(chain -> ReceivedBytes.count(chain.proceed(chain.request()), received));
        if (options.trustedCertificate() != null) Tls.trust(b, options.trustedCertificate());
        return new SyncClient(u, options, b.build(), received);
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
        cancelled = true;
        Call c = current;
        if (c != null) c.cancel();
    }

    /**
     * Runs one sync. A {@link #cancel} that comes before it starts stops it at once; the flag is
     * cleared when a sync ends, so the client can run again.
     */
    public Report sync(CacheHost host, Listener listener) throws SyncException {
        this.listener = listener;
        try {
            return syncOnce(host, listener);
        } finally {
            cancelled = false;
            this.listener = Listener.NONE;
        }
    }

    private Report syncOnce(CacheHost host, Listener listener) throws SyncException {
        long t0 = System.nanoTime();
        receivedAtStart = received.get();
        listener.progress(progress(Phase.CONNECTING, 0, 0, null));
        long tInfo = vn.r57desk.store.db.Timings.start();
        JsonNode info = withRetries(SyncText.Key.STEP_INFO, () -> getJson(url("info", null)), host);
        vn.r57desk.store.db.Timings.add("sync: info", tInfo);
        String protocol = info.path("protocol").asText(null);
        if (Protocol.major(protocol) != Protocol.MAJOR) {
            throw new SyncException(SyncException.Problem.INCOMPATIBLE, SyncText.Key.PROTOCOL_TOO_NEW, protocol, Protocol.MAJOR);
        }
        String generation = info.path("generation").asText("");
        long expected = info.path("snapshot_rows").asLong(0);
        int[] outbox;
        String outboxError = null;
        try {
            long tOut = vn.r57desk.store.db.Timings.start();
            outbox = pushOutbox(host, listener);
            vn.r57desk.store.db.Timings.add("sync: outbox", tOut);
        } catch (SyncException e) {
            // The server refused the push itself (not the device, not the network): the notes stay
            // in the outbox, and the data still comes down.
            if (e.problem() != SyncException.Problem.REFUSED) throw e;
            outbox = new int[3];
            outboxError = e.getMessage();
            listener.note("Notes and feedback were not sent (" + e.getMessage() + "); they stay in the outbox");
        }

        Set<String> skipped = new TreeSet<>();
        long firstRun = lastRunId(host.cache());
        boolean bootstrapped = false;
        long snapshotRows = 0;
        Deltas d = null;
        for (int round = 1; d == null; round++) {
            try {
                State state = state(host.cache());
                if (state == null || state.cursor == null || state.generation != Bootstrap.generationNumber(generation)) {
                    snapshotRows = bootstrap(host, generation, expected, listener, skipped);
                    bootstrapped = true;
                    firstRun = lastRunId(host.cache()) - 1;
                }
                d = pullChanges(host, generation, listener, skipped);
            } catch (CursorExpired e) {
                // The server started a new generation (or dropped old history): start again from a snapshot, once.
                if (round == 2) {
                    throw new SyncException(SyncException.Problem.SERVER, SyncText.Key.CURSORS_REFUSED, e.getMessage());
                }
                listener.note("The server no longer serves changes from this cache's position (" + e.getMessage() + "); starting from a snapshot");
                JsonNode again = withRetries(SyncText.Key.STEP_INFO, () -> getJson(url("info", null)), host);
                generation = again.path("generation").asText("");
                expected = again.path("snapshot_rows").asLong(0);
                forget(host.cache());
            }
        }
        long tMark = vn.r57desk.store.db.Timings.start();
        markSuccess(host.cache());
        vn.r57desk.store.db.Timings.add("sync: mark success", tMark);
        vn.r57desk.store.db.Timings.printTotals("sync " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        listener.progress(progress(Phase.DONE, d.rows, d.rows, null));
        return new Report(bootstrapped, snapshotRows, d.pages, d.rows, d.changes, outbox[0], outbox[1], outbox[2], outboxError, skipped,
                firstRun, lastRunId(host.cache()), Duration.ofNanos(System.nanoTime() - t0));
    }

    private Progress progress(Phase phase, long rows, long expected, String entity) {
        return new Progress(phase, rows, expected, received.get() - receivedAtStart, entity);
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

    private long bootstrap(CacheHost host, String generation, long expected, Listener listener, Set<String> skipped)
            throws SyncException, CursorExpired {
        Path cacheFile = host.cache().file();
        Bootstrap b;
        try {
            b = Bootstrap.openOrStart(cacheFile, serverKey, generation, expected);
        } catch (SQLException | IOException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.BOOTSTRAP_PREPARE, cacheFile, e.getMessage()), e);
        }
        long rows;
        try {
            long done = b.snapshotRows();
            if (b.cursor() != null) listener.note("Resuming a bootstrap after " + done + " rows");
            while (b.phase().equals("snapshot")) {
                long before = done;
                HttpUrl u = url("snapshot", b.cursor());
                PageApplier.Result r = withRetries(SyncText.Key.STEP_SNAPSHOT, () -> page(u, body -> b.applyPage(body, generation, () -> cancelled,
                        pageListener(listener, Phase.SNAPSHOT, before, expected, skipped))), host);
                skipped.addAll(r.skippedKinds());
                done += r.rows();
                listener.progress(progress(Phase.SNAPSHOT, done, expected, null));
            }
            checkCancelled();
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

    private Deltas pullChanges(CacheHost host, String generation, Listener listener, Set<String> skipped) throws SyncException, CursorExpired {
        Map<String, long[]> changes = new LinkedHashMap<>();
        int pages = 0;
        long rows = 0;
        PageApplier[] applier = new PageApplier[1];
        Cache cache = host.cache();
        try {
            while (true) {
                State st = state(cache);
                long before = rows;
                HttpUrl u = url("changes", st.cursor);
                PageApplier.Result r;
                try {
                    r = withRetries(SyncText.Key.STEP_CHANGES, () -> page(u, body -> applyDelta(cache, applier, body,
                            pageListener(listener, Phase.CHANGES, before, 0, skipped), generation)), host);
                } catch (SyncException e) {
                    if (e.getCause() instanceof CursorExpired ce) throw ce;
                    throw e;
                }
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
                                          String expectedGeneration) throws SyncException {
        try {
            return cache.writeAndWait(c -> {
                if (applier[0] == null) applier[0] = PageApplier.open(c, PageApplier.Mode.DELTA);
                long run;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO sync_runs (kind, source, started_at, status) VALUES ('delta', ?, ?, 'running') RETURNING id")) {
                    ps.setString(1, serverKey);
                    ps.setString(2, Instant.now().toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        run = rs.getLong(1);
                    }
                }
                applier[0].setRun(run);
                PageApplier.Result r;
                try {
                    r = applier[0].apply(body, () -> cancelled, progress);
                    if (!Protocol.KIND_DELTA.equals(r.kind())) {
                        throw new SyncException(SyncException.Problem.INVALID_PAGE, SyncText.Key.WRONG_KIND, "changes", r.kind());
                    }
                    if (!expectedGeneration.isEmpty() && !expectedGeneration.equals(r.generation())) {
                        SyncText said = SyncText.of(SyncText.Key.GENERATION_MOVED, r.generation(), expectedGeneration);
                        throw new SyncException(SyncException.Problem.REFUSED, said, new CursorExpired(said.toString()));
                    }
                } catch (SyncException e) {
                    applier[0].rolledBack();
                    throw new Unchecked(e);
                } catch (SQLException | RuntimeException e) {
                    applier[0].rolledBack();
                    throw e;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE sync_runs SET status = 'succeeded', finished_at = ?, cursor_after = ?, message = ? WHERE id = ?")) {
                    ps.setString(1, Instant.now().toString());
                    ps.setString(2, r.nextCursor());
                    ps.setString(3, r.rows() + " rows");
                    ps.setLong(4, run);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET cursor = ?, phase = 'live', last_attempt_at = ? WHERE server = ?")) {
                    ps.setString(1, r.nextCursor());
                    ps.setString(2, Instant.now().toString());
                    ps.setString(3, serverKey);
                    ps.executeUpdate();
                }
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

    /** The server no longer serves changes from this cursor (410): bootstrap again. */
    private static final class CursorExpired extends Exception {
        CursorExpired(String message) {
            super(message);
        }
    }

    // ---- outbox ---------------------------------------------------------------------------------

    private int[] pushOutbox(CacheHost host, Listener listener) throws SyncException {
        int accepted = 0, duplicates = 0, rejected = 0;
        Cache cache = host.cache();
        while (true) {
            checkCancelled();
            List<Outbox.Item> batch;
            try {
                batch = cache.read(c -> Outbox.pending(c, Protocol.OUTBOX_BATCH));
            } catch (CacheException e) {
                throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
            }
            // Also bounded by size: a server takes a few MB per push (the reference server 4 MB).
            long bytes = 0;
            for (int i = 0; i < batch.size(); i++) {
                bytes += batch.get(i).payload().length() * 3L + 200;
                if (i > 0 && bytes > Protocol.MAX_OUTBOX_PUSH_BYTES) {
                    batch = batch.subList(0, i);
                    break;
                }
            }
            if (batch.isEmpty()) break;
            listener.progress(progress(Phase.OUTBOX, accepted + duplicates + rejected, 0, null));
            ObjectNode body = JSON.createObjectNode();
            ArrayNode items = body.putArray("items");
            for (Outbox.Item it : batch) {
                ObjectNode o = items.addObject();
                o.put("id", it.id());
                o.put("kind", it.kind());
                o.put("created_at", it.createdAt());
                try {
                    o.set("payload", JSON.readTree(it.payload()));
                } catch (IOException e) {
                    o.put("payload_text", it.payload());
                }
            }
            JsonNode reply;
            try {
                reply = withRetries(SyncText.Key.STEP_OUTBOX, () -> postJson(url("outbox", null), body.toString()), host);
            } catch (SyncException e) {
                recordAttempt(cache, batch, e.getMessage());
                throw e;
            }
            Map<String, JsonNode> results = new LinkedHashMap<>();
            for (JsonNode r : reply.path("results")) results.put(r.path("id").asText(), r);
            List<Object[]> updates = new ArrayList<>();
            for (Outbox.Item it : batch) {
                JsonNode r = results.get(it.id());
                String status = r == null ? null : r.path("status").asText(null);
                if ("accepted".equals(status)) accepted++;
                else if ("duplicate".equals(status)) duplicates++;
                else if ("rejected".equals(status)) rejected++;
                else status = null; // not answered: stays pending, sent again next time
                updates.add(new Object[] {it.id(), status, r == null ? "the server did not answer for this item" : r.path("message").asText(null)});
            }
            try {
                cache.writeAndWait(c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, server_status = ?,"
                            + " sent_at = CASE WHEN ? IN ('accepted','duplicate') THEN ? END, last_error = ? WHERE id = ?")) {
                        for (Object[] u : updates) {
                            ps.setString(1, (String) u[1]);
                            ps.setString(2, (String) u[1]);
                            ps.setString(3, Instant.now().toString());
                            ps.setString(4, "rejected".equals(u[1]) || u[1] == null ? (String) u[2] : null);
                            ps.setString(5, (String) u[0]);
                            ps.executeUpdate();
                        }
                    }
                    return null;
                });
            } catch (CacheException e) {
                throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
            }
            if (updates.stream().allMatch(u -> u[1] == null)) break; // the server answered for none: do not loop
        }
        if (rejected > 0) listener.note(rejected + " outbox item(s) were refused by the server; see `outbox list` for why");
        return new int[] {accepted, duplicates, rejected};
    }

    private static void recordAttempt(Cache cache, List<Outbox.Item> batch, String error) {
        try {
            cache.writeAndWait(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                    for (Outbox.Item it : batch) {
                        ps.setString(1, error);
                        ps.setString(2, it.id());
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        } catch (CacheException ignored) {
            // the items stay pending either way
        }
    }

    // ---- HTTP -----------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws SyncException;
    }

    @FunctionalInterface
    private interface BodyWork<T> {
        T apply(InputStream body) throws SyncException, SQLException;
    }

    private HttpUrl url(String endpoint, String cursor) {
        HttpUrl.Builder b = base.newBuilder().addPathSegment("v" + Protocol.MAJOR).addPathSegment(endpoint);
        if (cursor != null) b.addQueryParameter("cursor", cursor);
        if (endpoint.equals("snapshot") || endpoint.equals("changes")) b.addQueryParameter("limit", Integer.toString(options.pageRows()));
        return b.build();
    }

    private Request.Builder request(HttpUrl u) {
        Request.Builder b = new Request.Builder().url(u).header("Accept", "application/json")
                .header("User-Agent", "R57Desk/" + Protocol.VERSION).header("R57-Protocol", Protocol.VERSION);
        if (options.token() != null && !options.token().isBlank()) b.header("Authorization", "Bearer " + options.token());
        return b;
    }

    private JsonNode getJson(HttpUrl u) throws SyncException {
        return call(request(u).get().build(), body -> JSON.readTree(body));
    }

    private JsonNode postJson(HttpUrl u, String json) throws SyncException {
        return call(request(u).post(RequestBody.create(json, JSON_TYPE)).build(), body -> JSON.readTree(body));
    }

    private <T> T page(HttpUrl u, BodyWork<T> work) throws SyncException {
        return call(request(u).get().build(), work::apply);
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(InputStream in) throws IOException, SyncException, SQLException;
    }

    private <T> T call(Request req, Reader<T> reader) throws SyncException {
        checkCancelled();
        Call call = http.newCall(req);
        current = call;
        long tCall = vn.r57desk.store.db.Timings.start();
        try (Response resp = call.execute()) {
            vn.r57desk.store.db.Timings.add("sync: response headers", tCall);
            if (resp.code() != 200) throw statusError(resp);
            try (InputStream in = resp.body().byteStream()) {
                return reader.read(in);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SyncException(SyncException.Problem.BROKEN_BODY, SyncText.of(SyncText.Key.ANSWER_NOT_JSON, e.getOriginalMessage()), e);
            } catch (SQLException e) {
                throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_WRITE, e.getMessage()), e);
            }
        } catch (javax.net.ssl.SSLException e) {
            if (certificateProblem(e)) {
                throw new SyncException(SyncException.Problem.INSECURE, SyncText.of(SyncText.Key.CERTIFICATE_REFUSED, req.url().host(), e.getMessage()), e);
            }
            if (cancelled) throw new SyncException(SyncException.Problem.CANCELLED, SyncText.Key.CANCELLED);
            // A secure connection that broke (reset, closed mid-handshake): a network fault, retried.
            throw new SyncException(SyncException.Problem.NETWORK, SyncText.of(SyncText.Key.TLS_BROKE, req.url().host() + ":" + req.url().port(), e.getMessage()), e);
        } catch (java.net.SocketTimeoutException e) {
            if (cancelled) throw new SyncException(SyncException.Problem.CANCELLED, SyncText.Key.CANCELLED);
            throw new SyncException(SyncException.Problem.NETWORK, SyncText.of(SyncText.Key.TIMED_OUT, req.url().host() + ":" + req.url().port(),
                    options.readTimeout().toMillis() / 1000.0), e);
        } catch (IOException e) {
            if (cancelled) throw new SyncException(SyncException.Problem.CANCELLED, SyncText.Key.CANCELLED);
            throw new SyncException(SyncException.Problem.NETWORK, SyncText.of(SyncText.Key.NO_ANSWER, req.url().host() + ":" + req.url().port(),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())), e);
        } finally {
            current = null;
        }
    }

    /** A certificate that is not trusted or does not match the host, as opposed to a broken connection. */
    private static boolean certificateProblem(javax.net.ssl.SSLException e) {
        if (e instanceof javax.net.ssl.SSLPeerUnverifiedException) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            // (the JDK's validator failures are CertificateExceptions too)
            if (t instanceof java.security.cert.CertificateException || t instanceof java.security.cert.CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    private SyncException statusError(Response resp) {
        String code = "", message = "";
        try {
            JsonNode n = JSON.readTree(resp.peekBody(65536).string());
            code = n.path("error").path("code").asText("");
            message = n.path("error").path("message").asText("");
        } catch (IOException | RuntimeException ignored) {
            // an error without a readable body: the status says enough
        }
        String said = message.isEmpty() ? "HTTP " + resp.code() : message + " (HTTP " + resp.code() + (code.isEmpty() ? "" : ", " + code) + ")";
        int s = resp.code();
        if (s == 401) return new SyncException(SyncException.Problem.UNAUTHORIZED, SyncText.Key.TOKEN_REFUSED, said);
        if (s == 403 && code.equals("device_revoked")) return new SyncException(SyncException.Problem.REVOKED, SyncText.Key.SERVER_SAID, said);
        if (s == 410) return new SyncException(SyncException.Problem.REFUSED, SyncText.of(SyncText.Key.SERVER_SAID, said), new CursorExpired(said));
        if (code.equals("incompatible_protocol")) return new SyncException(SyncException.Problem.INCOMPATIBLE, SyncText.Key.PROTOCOL_REFUSED, said);
        if (s == 429 || s >= 500) {
            SyncException e = new SyncException(SyncException.Problem.SERVER, SyncText.Key.SERVER_PROBLEM, said);
            String wait = resp.header("Retry-After");
            if (wait != null && wait.strip().matches("\\d{1,6}")) e.retryAfter(Duration.ofSeconds(Long.parseLong(wait.strip())));
            return e;
        }
        return new SyncException(SyncException.Problem.REFUSED, SyncText.Key.REQUEST_REFUSED, said);
    }

    private <T> T withRetries(SyncText.Key what, Attempt<T> attempt, CacheHost host) throws SyncException {
        SyncException last = null;
        for (int i = 1; i <= options.maxAttempts(); i++) {
            checkCancelled();
            try {
                return attempt.run();
            } catch (SyncException e) {
                if (e.problem() == SyncException.Problem.REVOKED) throw revoked(host, e);
                if (cancelled) throw new SyncException(SyncException.Problem.CANCELLED, SyncText.Key.CANCELLED);
                if (!e.problem().isTransient()) throw e;
                last = e;
            }
            if (i < options.maxAttempts()) {
                long ms = pauseMillis(i, last.retryAfter());
                listener.note(SyncText.of(what) + " failed (" + last.getMessage() + "); trying again in " + ms + " ms, attempt " + (i + 1)
                        + " of " + options.maxAttempts());
                listener.retrying(new Retry(last.problem(), i + 1, options.maxAttempts(), Duration.ofMillis(ms)));
                pause(ms);
            }
        }
        throw new SyncException(last.problem(), SyncText.of(SyncText.Key.GAVE_UP, SyncText.of(what), options.maxAttempts(), last), last);
    }

    /** The pause before the attempt after {@code attempt}: exponential, with jitter, capped. */
    private long pauseMillis(int attempt, Duration serverAsked) {
        long cap = options.maxDelay().toMillis();
        long exp = Math.min(cap, options.baseDelay().toMillis() << Math.min(20, attempt - 1));
        // "Equal jitter": half fixed, half random, so many laptops do not come back in step.
        long ms = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
        // A server's Retry-After is honoured, up to the longest pause this client allows.
        if (serverAsked != null) ms = Math.max(ms, Math.min(cap, serverAsked.toMillis()));
        return ms;
    }

    private void pause(long ms) throws SyncException {
        long until = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < until) {
            checkCancelled();
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncException(SyncException.Problem.CANCELLED, SyncText.Key.INTERRUPTED);
            }
        }
    }

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

    private void checkCancelled() throws SyncException {
        if (cancelled) throw new SyncException(SyncException.Problem.CANCELLED, SyncText.Key.CANCELLED);
    }

    // ---- sync state -----------------------------------------------------------------------------

    private record State(String cursor, long generation, String phase) {}

    private State state(Cache cache) throws SyncException {
        try {
            return cache.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT cursor, generation, phase FROM sync_state WHERE server = ?")) {
                    ps.setString(1, serverKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new State(rs.getString(1), rs.getLong(2), rs.getString(3)) : null;
                    }
                }
            });
        } catch (CacheException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
        }
    }

    /** Drops this server's position so that the next round bootstraps. */
    private void forget(Cache cache) throws SyncException {
        try {
            cache.writeAndWait(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET cursor = NULL WHERE server = ?")) {
                    ps.setString(1, serverKey);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (CacheException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
        }
    }

    private static long lastRunId(Cache cache) throws SyncException {
        try {
            return cache.read(c -> {
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM sync_runs")) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
        } catch (CacheException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
        }
    }

    private void markSuccess(Cache cache) throws SyncException {
        try {
            cache.writeAndWait(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET last_success_at = ?, last_error = NULL, phase = 'live' WHERE server = ?")) {
                    ps.setString(1, Instant.now().toString());
                    ps.setString(2, serverKey);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (CacheException e) {
            throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_FAILED, e.getMessage()), e);
        }
    }
}
