package vn.r57desk.store.sync;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
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
 * {@link SyncException}s a user can act on, and the retries (counted, backed off, reported). Knows
 * nothing of the cache: a page's body is handed to the caller's {@link BodyWork} as it streams in.
 *
 * <p>{@link #cancel} may be called from any thread; it stops the request in flight.
 */
final class Transport {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    /** A sync begins ({@code l}: where its retries are told) or ends ({@link SyncClient.Listener#NONE}). */
    void listener(SyncClient.Listener l) {
        this.listener = l;
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

    /** The sync ended: the next one may run. */
    void clearCancel() {
        cancelled = false;
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

    JsonNode getJson(HttpUrl u) throws SyncException {
        return call(request(u).get().build(), body -> JSON.readTree(body));
    }

    JsonNode postJson(HttpUrl u, String json) throws SyncException {
        return call(request(u).post(RequestBody.create(json, JSON_TYPE)).build(), body -> JSON.readTree(body));
    }

    <T> T page(HttpUrl u, BodyWork<T> work) throws SyncException {
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
            checkCancelled();
            // A secure connection that broke (reset, closed mid-handshake): a network fault, retried.
            throw new SyncException(SyncException.Problem.NETWORK, SyncText.of(SyncText.Key.TLS_BROKE, req.url().host() + ":" + req.url().port(), e.getMessage()), e);
        } catch (java.net.SocketTimeoutException e) {
            checkCancelled();
            throw new SyncException(SyncException.Problem.NETWORK, SyncText.of(SyncText.Key.TIMED_OUT, req.url().host() + ":" + req.url().port(),
                    options.readTimeout().toMillis() / 1000.0), e);
        } catch (IOException e) {
            checkCancelled();
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

    // ---- retries ----------------------------------------------------------------------------------

    /**
     * Runs {@code attempt} until it succeeds, a fault that is not transient, or the attempts run out,
     * pausing between attempts and telling the listener of each retry. {@code step}: what is being
     * done, in the messages.
     */
    <T> T withRetries(SyncText.Key step, Attempt<T> attempt) throws SyncException {
        SyncException last = null;
        for (int i = 1; i <= options.maxAttempts(); i++) {
            checkCancelled();
            try {
                return attempt.run();
            } catch (SyncException e) {
                checkCancelled();
                if (!e.problem().isTransient()) throw e;
                last = e;
            }
            if (i < options.maxAttempts()) {
                long ms = pauseMillis(i, last.retryAfter());
                listener.note(SyncText.of(step) + " failed (" + last.getMessage() + "); trying again in " + ms + " ms, attempt " + (i + 1)
                        + " of " + options.maxAttempts());
                listener.retrying(new SyncClient.Retry(last.problem(), i + 1, options.maxAttempts(), Duration.ofMillis(ms)));
                pause(ms);
            }
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
