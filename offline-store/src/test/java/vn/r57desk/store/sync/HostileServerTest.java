package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.cli.R57Cli;

/**
 * Issue 21 (network side): misbehaving servers on loopback, each a tiny JDK HttpServer or a raw
 * socket in this test. Every case ends on the client's own (small, configured) limits with one
 * sentence in the user's words, a non-zero exit, and the cache byte for byte as it was. Each would
 * hang (caught by {@link Timeout}) or say something else without its fix. No outcome depends on the
 * machine's speed: the servers never finish, or misbehave the same way every time.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileServerTest {
    @TempDir Path dir;

    private HttpServer http;
    private ServerSocket raw;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        if (http != null) http.stop(0);
        if (raw != null) raw.close();
        for (Socket s : held) s.close();
    }

    // ---- 1. a server that trickles its answer ---------------------------------------------------

    @Test
    void aTricklingAnswerEndsOnTheRequestDeadlineAndTheWaitAndSaysWhatItWaitsFor() throws Exception {
        String url = serve(path -> trickle());
        Path cache = syncedCache(url, "c0");
        String before = sha256(cache);
        Recorder rec = new Recorder();
        // Ten attempts of a second each would take longer than the wait: the wait decides, on any machine.
        SyncClient.Options o = fast().withRetries(10, Duration.ofMillis(20), Duration.ofMillis(40)).withReadTimeout(Duration.ofSeconds(30))
                .withLimits(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(10));
        SyncException e = syncFails(url, cache, o, rec);
        assertThat(e.problem()).isEqualTo(SyncException.Problem.NETWORK);
        assertThat(e.getMessage()).startsWith("Asking the server who it is did not succeed within 4 s, the longest a sync waits for it")
                .contains("answered too slowly: its answer was still not complete after ");
        assertThat(e.message(SyncText.VIETNAMESE)).contains("không thành trong 4 giây").contains("trả lời quá chậm");
        assertThat(rec.notes).as("what it waits for, while it waits").anyMatch(n -> n.startsWith("Still waiting for 127.0.0.1:"));
        assertThat(rec.waits).as("and told as a fact a UI can show").isNotEmpty()
                .allSatisfy(w -> assertThat(w.soFar()).isPositive().isLessThanOrEqualTo(w.limit()));
        assertThat(rec.retries).as("each retry shown").isNotEmpty();
        assertThat(sha256(cache)).isEqualTo(before);
    }

    @Test
    void theWholeSyncIsBoundedAndTheCliSaysSoWithExitCode4() throws Exception {
        String url = serve(path -> trickle());
        Path cache = syncedCache(url, "c0");
        String before = sha256(cache);
        Run r = cli("sync", "--server", url, "--cache", cache.toString(), "--token", "t", "--max-time", "1.5");
        assertThat(r.code).isEqualTo(4);
        assertThat(r.errorLines()).containsExactly("error: The sync has run for 1.5 s, the longest a sync may; stopped."
                + " The cache keeps everything received so far; the next sync continues from there.");
        assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(sha256(cache)).isEqualTo(before);
    }

    // ---- 2. a server whose cursor loops ---------------------------------------------------------

    @Test
    void aPageThatSendsTheSyncBackWhereItStartedIsRefusedAndTheCliExitsWith5() throws Exception {
        String url = serve(path -> path.startsWith("/v1/info") ? json(INFO) : json(emptyDelta("c0", true)));
        Path cache = syncedCache(url, "c0");
        String before = sha256(cache);
        Run r = cli("sync", "--server", url, "--cache", cache.toString(), "--token", "t");
        assertThat(r.code).isEqualTo(5);
        assertThat(r.errorLines()).containsExactly("error: The server sent a position it had already sent in this sync: its pages go round"
                + " in a circle. Stopped there; nothing from that page was applied. Tell the server's administrator.");
        assertThat(sha256(cache)).isEqualTo(before);
    }

    @Test
    void aCursorGoingRoundC0C1C0StopsAfterOnePage() throws Exception {
        String url = serve(path -> path.startsWith("/v1/info") ? json(INFO)
                : json(emptyDelta(path.contains("cursor=c0") ? "c1" : "c0", true)));
        Path cache = syncedCache(url, "c0");
        Map<String, String> data = checksums(cache);
        long runs = runs(cache);
        SyncException e = syncFails(url, cache, fast(), new Recorder());
        assertThat(e.problem()).isEqualTo(SyncException.Problem.INVALID_PAGE);
        assertThat(e.getMessage()).contains("go round in a circle");
        assertThat(runs(cache)).as("one sync_runs row for the one page followed, not one per page for ever").isEqualTo(runs + 1);
        assertThat(checksums(cache)).isEqualTo(data);
    }

    @Test
    void aSnapshotWhoseCursorRepeatsIsRefusedAndTheCacheIsUntouched() throws Exception {
        String url = serve(path -> path.startsWith("/v1/info") ? json(INFO) : json("{\"protocol\":\"1.0\",\"kind\":\"snapshot\","
                + "\"generation\":\"g\",\"batches\":[],\"row_count\":0,\"next_cursor\":\"s1\",\"has_more\":true,\"complete\":false}"));
        Path cache = DemoCacheFixture.copy(dir); // no position for this server: the sync bootstraps
        CacheHost.of(cache).close();
        String before = sha256(cache);
        SyncException e = syncFails(url, cache, fast(), new Recorder());
        assertThat(e.problem()).isEqualTo(SyncException.Problem.INVALID_PAGE);
        assertThat(e.getMessage()).contains("go round in a circle");
        assertThat(sha256(cache)).as("the cache is replaced only by a finished bootstrap").isEqualTo(before);
    }

    @Test
    void pagesThatCarryNothingButAlwaysSayMoreFollowsStopTheSync() throws Exception {
        int[] n = {0};
        String url = serve(path -> path.startsWith("/v1/info") ? json(INFO) : json(emptyDelta("c" + (++n[0]), true)));
        Path cache = syncedCache(url, "c0");
        Map<String, String> data = checksums(cache);
        long runs = runs(cache);
        SyncException e = syncFails(url, cache, fast(), new Recorder());
        assertThat(e.getMessage()).startsWith("The server sent " + PageBounds.MAX_EMPTY_PAGES + " pages in a row with nothing in them");
        assertThat(runs(cache) - runs).isLessThan(PageBounds.MAX_EMPTY_PAGES);
        assertThat(checksums(cache)).isEqualTo(data);
    }

    @Test
    void rowsFarBeyondWhatTheServerAnnouncedAreRefused() throws Exception {
        PageBounds b = new PageBounds("c0", 1_000, 0);
        PageApplier.Result page = new PageApplier.Result("delta", "g", "c1", true, false, 5_000, Map.of(), java.util.Set.of());
        b.check(page);
        b.accepted(page);
        PageApplier.Result tooMuch = new PageApplier.Result("delta", "g", "c2", true, false, 7_500, Map.of(), java.util.Set.of());
        assertThatThrownBy(() -> b.check(tooMuch)).isInstanceOfSatisfying(SyncException.class,
                        e -> assertThat(e.problem()).isEqualTo(SyncException.Problem.INVALID_PAGE))
                .hasMessage("The server sent far more than it said it had (12500 rows where it announced 1000). Stopped there;"
                        + " nothing from the last page was applied. Tell the server's administrator.");
        assertThatThrownBy(() -> b.check(new PageApplier.Result("delta", "g", "c0", true, false, 1, Map.of(), java.util.Set.of())))
                .hasMessageContaining("round in a circle");
        // an idle server answers with the cursor it was given and nothing more to come: not a loop
        b.check(new PageApplier.Result("delta", "g", "c1", false, false, 0, Map.of(), java.util.Set.of()));
    }

    // ---- 3. a server that never answers ---------------------------------------------------------

    @Test
    void aServerThatNeverAnswersIsBoundedByMaxWaitOnTheCommandLine() throws Exception {
        String url = silent();
        Path cache = syncedCache(url, "c0");
        String before = sha256(cache);
        // The default read timeout (20 s) would not trip within the wait: the wait bounds the attempt.
        Run r = cli("sync", "--server", url, "--cache", cache.toString(), "--token", "t", "--max-wait", "1.5");
        assertThat(r.code).isEqualTo(4);
        assertThat(r.errorLines()).singleElement().asString()
                .startsWith("error: Asking the server who it is did not succeed within 1.5 s, the longest a sync waits for it; giving up for now.")
                .contains("did not answer within 1.5 s");
        assertThat(r.err).doesNotContain("Exception");
        assertThat(sha256(cache)).isEqualTo(before);
    }

    @Test
    void aServerThatNeverAnswersShowsEachRetry() throws Exception {
        String url = silent();
        Path cache = syncedCache(url, "c0");
        Recorder rec = new Recorder();
        SyncException e = syncFails(url, cache, fast().withRetries(3, Duration.ofMillis(20), Duration.ofMillis(40))
                .withReadTimeout(Duration.ofMillis(300)), rec);
        assertThat(e.getMessage()).startsWith("Asking the server who it is failed 3 times; giving up for now.")
                .contains("did not answer within 0.3 s (timed out)");
        assertThat(rec.retries).extracting(SyncClient.Retry::nextAttempt).containsExactly(2, 3);
        assertThat(rec.notes).filteredOn(n -> n.contains("trying again")).hasSize(2);
    }

    // ---- 4. not a sync server -------------------------------------------------------------------

    @Test
    void aWebPageIsMostLikelyACaptivePortal() throws Exception {
        String url = serve(path -> new Answer(200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body>Đăng nhập Wi-Fi khách sạn</body></html>".getBytes(StandardCharsets.UTF_8), null));
        Path cache = syncedCache(url, "c0");
        String before = sha256(cache);
        Run r = cli("sync", "--server", url, "--cache", cache.toString(), "--token", "t");
        assertThat(r.code).isEqualTo(7);
        assertThat(r.errorLines()).singleElement().asString().startsWith("error: 127.0.0.1:")
                .contains("answered with a web page, not as an R57 sync server: most likely this network wants you to sign in in a browser");
        assertThat(sha256(cache)).isEqualTo(before);
    }

    @Test
    void aRedirectToAnotherHostIsMostLikelyACaptivePortal() throws Exception {
        String url = serve(path -> new Answer(302, "text/plain", new byte[0], "http://login.portal.example/?from=r57"));
        Path cache = syncedCache(url, "c0");
        SyncException e = syncFails(url, cache, fast(), new Recorder());
        assertThat(e.getMessage()).contains("sign in in a browser");
    }

    @Test
    void emptyNullNoProtocolOrUtf16IsNotAnR57SyncServer() throws Exception {
        Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("its answer is empty", new byte[0]);
        bodies.put("its answer is not what a sync server sends", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("its answer does not name a sync protocol", "{\"server\":\"a printer\",\"generation\":\"g\"}".getBytes(StandardCharsets.UTF_8));
        bodies.put("its answer is not UTF-8 text", INFO.getBytes(StandardCharsets.UTF_16));
        bodies.put("its answer is not JSON", "OK".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> b : bodies.entrySet()) {
            if (http != null) http.stop(0);
            String url = serve(path -> new Answer(200, "application/json", b.getValue(), null));
            Path cache = syncedCache(url, "c0");
            String before = sha256(cache);
            SyncException e = syncFails(url, cache, fast(), new Recorder());
            assertThat(e.problem()).as(b.getKey()).isEqualTo(SyncException.Problem.REFUSED);
            assertThat(e.getMessage()).as(b.getKey()).matches("127\\.0\\.0\\.1:\\d+ is not an R57 sync server: " + b.getKey()
                    + "\\. Check the server's address\\.").doesNotContain("null").doesNotContain("Update R57 Desk");
            assertThat(e.message(SyncText.VIETNAMESE)).contains("không phải máy chủ đồng bộ R57");
            assertThat(sha256(cache)).isEqualTo(before);
            Files.delete(cache);
        }
    }

    // ---- 5. no internals in messages ------------------------------------------------------------

    @Test
    void aPageWithNaNSaysSoInTheUsersWordsAndKeepsTheParsersForTheLog() throws Exception {
        String page = "{\"protocol\":\"1.0\",\"kind\":\"delta\",\"generation\":\"g\",\"batches\":[],\"row_count\":NaN,"
                + "\"next_cursor\":\"c1\",\"has_more\":false,\"complete\":false}";
        String url = serve(path -> path.startsWith("/v1/info") ? json(INFO) : json(page));
        Path cache = syncedCache(url, "c0");
        String before = sha256(cache);
        SyncException e = syncFails(url, cache, fast().withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10)), new Recorder());
        assertThat(e.getMessage()).isEqualTo("Downloading changes failed; giving up for now. Error: The server sent a page that is cut short"
                + " or is not valid JSON. The cache keeps everything received so far; the next sync continues from there.");
        assertThat(e.message(SyncText.VIETNAMESE)).startsWith("Tải các thay đổi không thành; tạm dừng.");
        assertThat(e.detail()).contains("ALLOW_NON_NUMERIC_NUMBERS");
        assertThat(sha256(cache)).isEqualTo(before);
    }

    @Test
    void aStringFarOverAnyLimitSaysSoWithoutTheParsersWords() throws Exception {
        String page = "{\"protocol\":\"1.0\",\"kind\":\"delta\",\"generation\":\"g\",\"batches\":[{\"entity\":\"task\",\"op\":\"upsert\","
                + "\"fields\":" + TASK_FIELDS + ",\"rows\":[[900005,1,\"" + "y".repeat(100_000) + "\",\"x\",1,null,\"2027-03-31\",null,50]]}],"
                + "\"row_count\":1,"
                + "\"next_cursor\":\"c1\",\"has_more\":false,\"complete\":false}";
        String url = serve(path -> path.startsWith("/v1/info") ? json(INFO) : json(page));
        Path cache = syncedCache(url, "c0");
        String before = sha256(cache);
        SyncException e = syncFails(url, cache, fast(), new Recorder());
        assertThat(e.problem()).isEqualTo(SyncException.Problem.INVALID_PAGE);
        assertThat(e.getMessage()).isEqualTo("The server sent a page that was refused: task row 1, field title_vi, is far longer or deeper"
                + " than any field may be. Nothing from it was applied.");
        assertThat(e.detail()).contains("StreamReadConstraints");
        assertThat(sha256(cache)).isEqualTo(before);
    }

    @Test
    void somethingThatDoesNotSpeakHttpIsNamedSo() throws Exception {
        raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!raw.isClosed()) {
                try (Socket s = raw.accept()) {
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        String url = "http://127.0.0.1:" + raw.getLocalPort() + "/";
        Path cache = syncedCache(url, "c0");
        Run r = cli("sync", "--server", url, "--cache", cache.toString(), "--token", "t", "--attempts", "1");
        assertThat(r.code).isEqualTo(4);
        assertThat(r.errorLines()).containsExactly("error: Asking the server who it is failed; giving up for now. Error: No answer from 127.0.0.1:"
                + raw.getLocalPort() + " (what answered there does not speak HTTP: it is not a web server, or the port is wrong)."
                + " The cache keeps everything received so far; the next sync continues from there.");
        assertThat(r.err).doesNotContain("ProtocolException").doesNotContain("failed 1 times");
        Run debug = cli("sync", "--server", url, "--cache", cache.toString(), "--token", "t", "--attempts", "1", "--debug");
        assertThat(debug.err).as("the detail, when asked for").contains("detail: java.net.ProtocolException");
    }

    // ---- 6. one set of limits for every body ----------------------------------------------------

    @Test
    void anInfoFarOverTheLimitsIsRefusedLikeAPage() throws Exception {
        String[] infos = {
                "{\"protocol\":\"1.0\",\"generation\":\"g\",\"motd\":\"" + "x".repeat(40_000) + "\"}",
                "{\"protocol\":\"1.0\",\"generation\":\"g\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}",
                "{\"protocol\":\"1.0\",\"generation\":\"g\",\"x\":\"" + "y".repeat(ServerInfo.MAX_BYTES) + "\"}"};
        for (String info : infos) {
            if (http != null) http.stop(0);
            String url = serve(path -> json(info));
            Path cache = syncedCache(url, "c0");
            String before = sha256(cache);
            SyncException e = syncFails(url, cache, fast(), new Recorder());
            assertThat(e.problem()).isEqualTo(SyncException.Problem.REFUSED);
            assertThat(e.getMessage()).matches("127\\.0\\.0\\.1:\\d+ is not an R57 sync server: its answer is far larger or deeper than"
                    + " a sync server's\\. Check the server's address\\.");
            assertThat(sha256(cache)).isEqualTo(before);
            Files.delete(cache);
        }
    }

    // ---- the servers ----------------------------------------------------------------------------

    private static final String TASK_FIELDS = "[\"id\",\"initiative_id\",\"title_vi\",\"title_en\",\"agency_id\",\"locality_id\","
            + "\"deadline\",\"completed_at\",\"version\"]";
    private static final String INFO = "{\"protocol\":\"1.0\",\"server\":\"hostile\",\"generation\":\"g\",\"snapshot_rows\":100,\"latest_seq\":50}";

    private static String emptyDelta(String next, boolean more) {
        return "{\"protocol\":\"1.0\",\"kind\":\"delta\",\"generation\":\"g\",\"batches\":[],\"row_count\":0,\"next_cursor\":\"" + next
                + "\",\"has_more\":" + more + ",\"complete\":false}";
    }

    /** What a handler answers; {@code body} null: trickle "{" then a space every 100 ms, for ever. */
    private record Answer(int status, String type, byte[] body, String location) {}

    private static Answer json(String body) {
        return new Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static Answer trickle() {
        return new Answer(200, "application/json", null, null);
    }

    /** A server answering each request's path and query with {@code answer}. */
    private String serve(Function<String, Answer> answer) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", (HttpExchange x) -> {
            try (x) {
                Answer a = answer.apply(x.getRequestURI().toString());
                x.getResponseHeaders().set("Content-Type", a.type());
                if (a.location() != null) x.getResponseHeaders().set("Location", a.location());
                if (a.body() == null) {
                    x.sendResponseHeaders(a.status(), 0);
                    OutputStream out = x.getResponseBody();
                    out.write('{');
                    while (true) { // until the client gives up and the write fails
                        out.flush();
                        Thread.sleep(100);
                        out.write(' ');
                    }
                }
                x.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
                if (a.body().length > 0) x.getResponseBody().write(a.body());
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        });
        http.start();
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    /** A server that accepts connections and never says a word. */
    private String silent() throws IOException {
        raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!raw.isClosed()) {
                try {
                    held.add(raw.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + raw.getLocalPort() + "/";
    }

    // ---- the cache and the client ---------------------------------------------------------------

    /** The demo cache, as if synced with {@code url} up to {@code cursor} in generation "g"; opened and closed once. */
    private Path syncedCache(String url, String cursor) throws Exception {
        Path f = DemoCacheFixture.copy(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
             var ps = c.prepareStatement("INSERT INTO sync_state (server, cursor, generation, phase) VALUES (?, ?, ?, 'live')")) {
            ps.setString(1, url);
            ps.setString(2, cursor);
            ps.setLong(3, Bootstrap.generationNumber("g"));
            ps.executeUpdate();
        }
        CacheHost.of(f).close();
        return f;
    }

    private static SyncClient.Options fast() {
        return SyncClient.Options.defaults("t").withRetries(3, Duration.ofMillis(20), Duration.ofMillis(40));
    }

    private static final class Recorder implements SyncClient.Listener {
        final List<String> notes = new CopyOnWriteArrayList<>();
        final List<SyncClient.Retry> retries = new ArrayList<>();
        final List<SyncClient.Wait> waits = new CopyOnWriteArrayList<>();

        @Override
        public void progress(SyncClient.Progress p) {}

        @Override
        public void note(String line) {
            notes.add(line);
        }

        @Override
        public void retrying(SyncClient.Retry r) {
            retries.add(r);
        }

        @Override
        public void waiting(SyncClient.Wait w) {
            waits.add(w);
        }
    }

    private static SyncException syncFails(String url, Path cache, SyncClient.Options o, SyncClient.Listener l) throws Exception {
        SyncClient client = SyncClient.create(url, o);
        try (CacheHost.Simple host = CacheHost.of(cache)) {
            client.sync(host, l);
        } catch (SyncException e) {
            return e;
        }
        throw new AssertionError("the sync did not fail");
    }

    private record Run(int code, String out, String err) {
        List<String> errorLines() {
            return err.lines().filter(l -> !l.startsWith("note: ")).toList();
        }
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = R57Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static String sha256(Path f) throws Exception {
        try (InputStream in = Files.newInputStream(f)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    private static Map<String, String> checksums(Path f) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
            return Checksums.of(c);
        }
    }

    private static long runs(Path f) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sync_runs")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
