package vn.r57desk.store.sync;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The sync's requests to one server: the headers every request carries, the answers turned into
 * {@link SyncException}s a user can act on, the retries (counted, backed off, reported) and the
 * time limits. Knows nothing of the cache: a page's body is handed to the caller's
 * {@link BodyWork} as it streams in.
 *
 * <p>Time is bounded three ways (docs/sync-protocol.md, "The client's limits"): a request has a
 * total deadline, not only a read timeout (which a server sending a byte every few seconds never
 * trips); a request's attempts and pauses together last at most {@code maxWait}; a whole sync at
 * most {@code maxSyncTime}. Each attempt's deadline is the nearest of the three. A request still
 * waiting after a while is told to the listener, so that a user knows what the sync waits for.
 *
 * <p>Bodies are read under {@link Bodies}' limits. Messages name the problem in the user's words;
 * the technical detail (an exception's class and text) stays in the cause, for a log.
 *
 * <p>{@link #cancel} may be called from any thread; it stops the request in flight.
 */
final class Transport {
    private static final ObjectMapper JSON = Bodies.MAPPER;
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl base;
    private final SyncClient.Options options;
    private final OkHttpClient http;
    /** Bytes received from the server (as sent, compressed) since the transport was made. */
    private final AtomicLong received;
    private volatile boolean cancelled;
    private volatile Call current;
    /** The current sync's listener, for the notes of retries. */
    private volatile SyncClient.Listener listener = SyncClient.Listener.NONE;
    /** When the current sync must end, and the current request's attempts ({@link System#nanoTime}). */
    private volatile long syncEnds = Long.MAX_VALUE, stepEnds = Long.MAX_VALUE;

    /** Ends requests that pass their deadline, and tells of those still waiting. One daemon thread for every sync. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "r57-sync-deadlines");
        t.setDaemon(true);
        return t;
    });

    private Transport(HttpUrl base, SyncClient.Options options, OkHttpClient http, AtomicLong received) {
        this.base = base;
        this.options = options;
        this.http = http;
        this.received = received;
    }

    /** {@code base}: the server's address, ending in "/", already checked. */
    static Transport create(HttpUrl base, SyncClient.Options options) throws SyncException {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(options.readTimeout())
                .retryOnConnectionFailure(false) // retries are ours: counted, backed off, reported
                // A redirect could lead from HTTPS to plain HTTP elsewhere: the protocol has none, so follow none.
                .followRedirects(false)
                .followSslRedirects(false);
        AtomicLong received = new AtomicLong();
        // A network interceptor sees the body as it crossed the wire, before OkHttp unzips it.
        b.addNetworkInterceptor(chain -> ReceivedBytes.count(chain.proceed(chain.request()), received));
        if (options.trustedCertificate() != null) Tls.trust(b, options.trustedCertificate());
        return new Transport(base, options, b.build(), received);
    }

    /** A sync begins: {@code l} is told of its retries and waits, and its time starts. */
    void begin(SyncClient.Listener l) {
        this.listener = l;
        long now = System.nanoTime();
        this.syncEnds = saturatedAdd(now, options.maxSyncTime());
        this.stepEnds = Long.MAX_VALUE;
    }

    /** The sync ended: the next one may run. */
    void end() {
        this.listener = SyncClient.Listener.NONE;
        this.syncEnds = this.stepEnds = Long.MAX_VALUE;
        cancelled = false;
    }

    private static long saturatedAdd(long nanos, Duration d) {
        long add = d.toNanos();
        return nanos + add < nanos ? Long.MAX_VALUE : nanos + add;
    }

    long received() {
        return received.get();
    }

    // ---- cancelling -------------------------------------------------------------------------------

    void cancel() {
        cancelled = true;
        Call c = current;
        if (c != null) c.cancel();
    }

    boolean cancelled() {
        return cancelled;
    }

    void checkCancelled() throws SyncException {
        if (cancelled) throw new SyncException(SyncException.Problem.CANCELLED, SyncText.Key.CANCELLED);
    }

    // ---- requests ---------------------------------------------------------------------------------

    @FunctionalInterface
    interface Attempt<T> {
        T run() throws SyncException;
    }

    /** What a page's body is given to, as it streams in. */
    @FunctionalInterface
    interface BodyWork<T> {
        T apply(InputStream body) throws SyncException, SQLException;
    }

    HttpUrl url(String endpoint, String cursor) {
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

    /** {@code GET /v1/info}, checked to come from an R57 sync server. */
    ServerInfo info() throws SyncException {
        HttpUrl u = url("info", null);
        String who = u.host() + ":" + u.port();
        return call(request(u).get().build(), (in, type) -> {
            byte[] body;
            try {
                body = Bodies.readAtMost(in, ServerInfo.MAX_BYTES);
            } catch (Bodies.TooLarge e) {
                throw ServerInfo.tooLarge(who, e);
            }
            return ServerInfo.parse(who, type, body);
        });
    }

    JsonNode postJson(HttpUrl u, String json) throws SyncException {
        return call(request(u).post(RequestBody.create(json, JSON_TYPE)).build(), (in, type) -> {
            try {
                return JSON.readTree(Bodies.readAtMost(in, Bodies.MAX_SMALL_BODY));
            } catch (Bodies.TooLarge | com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                // Far more than any reply: a broken or hostile server, not a flaky network.
                throw new SyncException(SyncException.Problem.REFUSED, SyncText.of(SyncText.Key.NOT_SYNC_SERVER, u.host() + ":" + u.port(),
                        SyncText.of(SyncText.Key.WHY_TOO_BIG)), e);
            }
        });
    }

    <T> T page(HttpUrl u, BodyWork<T> work) throws SyncException {
        return call(request(u).get().build(), (in, type) -> {
            // A captive portal that took over the network in mid-sync answers with its sign-in page.
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("html")) {
                throw new SyncException(SyncException.Problem.REFUSED, SyncText.Key.NOT_SYNC_SERVER_PAGE, u.host() + ":" + u.port());
            }
            return work.apply(in);
        });
    }

    @FunctionalInterface
    private interface Reader<T> {
        /** {@code contentType}: the answer's Content-Type, or null. */
        T read(InputStream in, String contentType) throws IOException, SyncException, SQLException;
    }

    private <T> T call(Request req, Reader<T> reader) throws SyncException {
        checkCancelled();
        String who = req.url().host() + ":" + req.url().port();
        long start = System.nanoTime();
        long ends = Math.min(saturatedAdd(start, options.requestDeadline()), Math.min(stepEnds, syncEnds));
        if (ends - start <= 0) throw outOfTime(who);
        Call call = http.newCall(req);
        current = call;
        // The read timeout bounds the silence between bytes; this bounds the whole answer.
        AtomicBoolean late = new AtomicBoolean();
        boolean answering = false; // the answer's headers came: a deadline then cut it while it trickled
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
            late.set(true);
            call.cancel();
        }, ends - start, TimeUnit.NANOSECONDS);
        ScheduledFuture<?> waiting = tellWhileWaiting(who, start, ends);
        long tCall = vn.r57desk.store.db.Timings.start();
        try (Response resp = call.execute()) {
            vn.r57desk.store.db.Timings.add("sync: response headers", tCall);
            answering = true;
            if (resp.code() != 200) throw statusError(resp);
            try (InputStream in = resp.body().byteStream()) {
                return reader.read(in, resp.header("Content-Type"));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                if (late.get()) throw tooSlow(who, start, ends, answering, e);
                throw new SyncException(SyncException.Problem.BROKEN_BODY, SyncText.of(SyncText.Key.ANSWER_NOT_JSON), e);
            } catch (SQLException e) {
                throw new SyncException(SyncException.Problem.CACHE, SyncText.of(SyncText.Key.CACHE_WRITE, e.getMessage()), e);
            } catch (SyncException e) {
                // A page's reader says "the connection broke" when the deadline ended the call under it.
                if (late.get() && !cancelled && e.problem().isTransient()) throw tooSlow(who, start, ends, answering, e);
                throw e;
            }
        } catch (javax.net.ssl.SSLException e) {
            if (certificateProblem(e)) {
                throw new SyncException(SyncException.Problem.INSECURE, SyncText.of(SyncText.Key.CERTIFICATE_REFUSED, req.url().host(), e.getMessage()), e);
            }
            checkCancelled();
            if (late.get()) throw tooSlow(who, start, ends, answering, e);
            // A secure connection that broke (reset, closed mid-handshake): a network fault, retried.
            throw new SyncException(SyncException.Problem.NETWORK, SyncText.of(SyncText.Key.TLS_BROKE, who), e);
        } catch (java.net.SocketTimeoutException e) {
            checkCancelled();
            if (late.get()) throw tooSlow(who, start, ends, answering, e);
            throw new SyncException(SyncException.Problem.NETWORK, SyncText.of(SyncText.Key.TIMED_OUT, who, seconds(options.readTimeout().toNanos())), e);
        } catch (IOException e) {
            checkCancelled();
            if (late.get()) throw tooSlow(who, start, ends, answering, e);
            throw new SyncException(SyncException.Problem.NETWORK, SyncText.of(SyncText.Key.NO_ANSWER, who, reason(e)), e);
        } finally {
            deadline.cancel(false);
            if (waiting != null) waiting.cancel(false);
            current = null;
        }
    }

    /** How often a request still waiting is told: every 10 s, or 4 times in a shorter deadline. */
    private static final long TELL_EVERY_NANOS = 10_000_000_000L;

    /** Tells the listener, now and then, that a request is still waiting, how long for and until when. */
    private ScheduledFuture<?> tellWhileWaiting(String who, long start, long ends) {
        long every = Math.min(TELL_EVERY_NANOS, Math.max(250_000_000L, (ends - start) / 4));
        if (every >= ends - start) return null;
        SyncClient.Listener l = listener;
        return WATCHDOG.scheduleAtFixedRate(() -> {
            long soFar = System.nanoTime() - start;
            if (soFar >= ends - start) return; // giving up now, not waiting
            // "at the latest": before the answer begins, the read timeout may end the attempt sooner
            l.note("Still waiting for " + who + " to answer: " + seconds(soFar) + " s so far; this attempt gives up after "
                    + seconds(ends - start) + " s at the latest");
            l.waiting(new SyncClient.Wait(who, Duration.ofNanos(soFar), Duration.ofNanos(ends - start)));
        }, every, every, TimeUnit.NANOSECONDS);
    }

    /** Seconds with one decimal (none when whole), as said in messages. */
    private static Object seconds(long nanos) {
        long tenths = Math.round(nanos / 100_000_000.0);
        return tenths % 10 == 0 ? (Object) (tenths / 10) : (Object) (tenths / 10.0);
    }

    /** The sync's bound is reached. */
    private SyncException syncTooLong(SyncException last) {
        long ms = options.maxSyncTime().toMillis();
        SyncText took = ms >= 60_000 && ms % 60_000 == 0 ? SyncText.of(SyncText.Key.MINUTES, ms / 60_000)
                : SyncText.of(SyncText.Key.SECONDS, seconds(ms * 1_000_000));
        return new SyncException(last == null ? SyncException.Problem.NETWORK : last.problem(), SyncText.of(SyncText.Key.SYNC_TOO_LONG, took), last);
    }

    /** The deadline ended the attempt: before the answer began ({@code answering} false), or while it trickled in. */
    private static SyncException tooSlow(String who, long start, long ends, boolean answering, Throwable cause) {
        return new SyncException(SyncException.Problem.NETWORK,
                SyncText.of(answering ? SyncText.Key.TOO_SLOW : SyncText.Key.TIMED_OUT, who, seconds(ends - start)), cause);
    }

    /** No time is left for an attempt: the sync's bound, or this request's wait. */
    private SyncException outOfTime(String who) {
        if (System.nanoTime() - syncEnds >= 0) return syncTooLong(null);
        return new SyncException(SyncException.Problem.NETWORK, SyncText.of(SyncText.Key.TOO_SLOW, who, seconds(options.maxWait().toNanos())));
    }

    /** Why a connection failed, in the user's words; the exception itself stays the cause. */
    private static SyncText reason(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (e instanceof java.net.UnknownHostException) return SyncText.of(SyncText.Key.REASON_UNKNOWN_HOST);
        if (e instanceof java.net.NoRouteToHostException || m.contains("unreachable")) return SyncText.of(SyncText.Key.REASON_UNREACHABLE);
        if (e instanceof java.net.ConnectException) return SyncText.of(SyncText.Key.REASON_REFUSED);
        if (e instanceof java.net.ProtocolException) return SyncText.of(SyncText.Key.REASON_NOT_HTTP);
        if (m.contains("reset") || m.contains("broken pipe") || m.contains("end of stream") || e instanceof java.io.EOFException) {
            return SyncText.of(SyncText.Key.REASON_RESET);
        }
        return SyncText.of(SyncText.Key.REASON_OTHER);
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
            JsonNode n = JSON.readTree(resp.peekBody(Bodies.MAX_ERROR_BODY).bytes());
            code = n.path("error").path("code").asText("");
            message = n.path("error").path("message").asText("");
        } catch (IOException | RuntimeException ignored) {
            // an error without a readable body: the status says enough
        }
        String said = message.isEmpty() ? "HTTP " + resp.code() : message + " (HTTP " + resp.code() + (code.isEmpty() ? "" : ", " + code) + ")";
        int s = resp.code();
        if (s >= 300 && s < 400) {
            // The protocol has no redirects; one to another host is most likely a captive portal's sign-in page.
            String location = resp.header("Location");
            HttpUrl to = location == null ? null : resp.request().url().resolve(location);
            if (to == null || !to.host().equalsIgnoreCase(resp.request().url().host())) {
                return new SyncException(SyncException.Problem.REFUSED, SyncText.Key.NOT_SYNC_SERVER_PAGE,
                        resp.request().url().host() + ":" + resp.request().url().port());
            }
        }
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

    // ---- retries ----------------------------------------------------------------------------------

    /**
     * Runs {@code attempt} until it succeeds, a fault that is not transient, or the attempts run out,
     * pausing between attempts and telling the listener of each retry. {@code step}: what is being
     * done, in the messages.
     */
    <T> T withRetries(SyncText.Key step, Attempt<T> attempt) throws SyncException {
        SyncException last = null;
        long begun = System.nanoTime();
        stepEnds = Math.min(saturatedAdd(begun, options.maxWait()), syncEnds);
        boolean outOfTime = false;
        try {
            for (int i = 1; i <= options.maxAttempts(); i++) {
                checkCancelled();
                if (System.nanoTime() - syncEnds >= 0) throw syncTooLong(last);
                try {
                    return attempt.run();
                } catch (SyncException e) {
                    checkCancelled();
                    if (!e.problem().isTransient()) throw e;
                    last = e;
                }
                if (i < options.maxAttempts()) {
                    long ms = pauseMillis(i, last.retryAfter());
                    // No attempt that could only begin after the wait is over.
                    if (System.nanoTime() + ms * 1_000_000 - stepEnds >= 0) {
                        outOfTime = true;
                        break;
                    }
                    listener.note(SyncText.of(step) + " failed (" + last.getMessage() + "); trying again in " + ms + " ms, attempt " + (i + 1)
                            + " of " + options.maxAttempts());
                    listener.retrying(new SyncClient.Retry(last.problem(), i + 1, options.maxAttempts(), Duration.ofMillis(ms)));
                    pause(ms);
                }
            }
        } finally {
            stepEnds = Long.MAX_VALUE;
        }
        if (outOfTime || System.nanoTime() - Math.min(saturatedAdd(begun, options.maxWait()), syncEnds) >= 0) {
            if (System.nanoTime() - syncEnds >= 0) throw syncTooLong(last);
            throw new SyncException(last.problem(), SyncText.of(SyncText.Key.GAVE_UP_WAITING, SyncText.of(step),
                    seconds(options.maxWait().toNanos()), last), last);
        }
        if (options.maxAttempts() == 1) {
            throw new SyncException(last.problem(), SyncText.of(SyncText.Key.GAVE_UP_ONCE, SyncText.of(step), last), last);
        }
        throw new SyncException(last.problem(), SyncText.of(SyncText.Key.GAVE_UP, SyncText.of(step), options.maxAttempts(), last), last);
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
}
