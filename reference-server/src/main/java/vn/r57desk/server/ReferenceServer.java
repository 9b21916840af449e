package vn.r57desk.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.sync.Checksums;
import vn.r57desk.store.sync.Entities;
import vn.r57desk.store.sync.Entity;
import vn.r57desk.store.sync.PageWriter;
import vn.r57desk.store.sync.Protocol;

/**
 * The reference implementation of sync protocol 1 (docs/sync-protocol.md) over a generated
 * dataset, on the JDK's own HTTP server. Plain HTTP on loopback, or HTTPS with a keystore.
 */
public final class ReferenceServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_OUTBOX_BODY = 4 * 1024 * 1024;

    /**
     * @param tokens          bearer token → device name
     * @param churnPerSecond  changes of simulated live reporting per second (0: none)
     */
    public record Config(Path dataDir, Scale scale, String host, int port, Map<String, String> tokens, boolean fresh,
                         Path keystore, char[] keystorePassword, int churnPerSecond, long seed) {}

    private final Config config;
    private final ServerData data;
    private final Churn churn;
    private final HttpServer http;
    private final ExecutorService pool;
    private final ScheduledExecutorService ticker;
    private final Faults faults;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong snapshotRowsServed = new java.util.concurrent.atomic.AtomicLong();
    private final boolean tls;

    private ReferenceServer(Config config, ServerData data, Churn churn, HttpServer http, ExecutorService pool,
                            ScheduledExecutorService ticker, Faults faults, boolean tls) {
        this.config = config;
        this.data = data;
        this.churn = churn;
        this.http = http;
        this.pool = pool;
        this.ticker = ticker;
        this.faults = faults;
        this.tls = tls;
    }

    public static ReferenceServer start(Config config, Consumer<String> say) throws IOException, SQLException, CacheException {
        ServerData data = ServerData.open(config.dataDir(), config.scale(), config.fresh(), say);
        Churn churn = new Churn(data, config.seed());
        InetSocketAddress addr = new InetSocketAddress(config.host(), config.port());
        HttpServer http;
        boolean tls = config.keystore() != null;
        if (tls) {
            HttpsServer https = HttpsServer.create(addr, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(sslContext(config.keystore(), config.keystorePassword())));
            http = https;
        } else {
            http = HttpServer.create(addr, 64);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "r57-server");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "r57-churn");
            t.setDaemon(true);
            return t;
        });
        ReferenceServer s = new ReferenceServer(config, data, churn, http, pool, ticker, new Faults(config.seed()), tls);
        http.createContext("/", s::handle);
        http.start();
        if (config.churnPerSecond() > 0) {
            ticker.scheduleAtFixedRate(() -> {
                try {
                    churn.round(config.churnPerSecond());
                } catch (SQLException | IOException | RuntimeException e) {
                    say.accept("churn failed: " + e.getMessage());
                }
            }, 1, 1, TimeUnit.SECONDS);
        }
        return s;
    }

    private static SSLContext sslContext(Path keystore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("Cannot use the keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    public URI uri() {
        return URI.create((tls ? "https" : "http") + "://" + config.host() + ":" + http.getAddress().getPort() + "/");
    }

    public Faults faults() {
        return faults;
    }

    public String generation() {
        return data.generation();
    }

    public long snapshotRows() {
        return data.snapshotRows();
    }

    /** The live data file (what a pack made now holds). */
    Path liveFile() {
        return data.live();
    }

    /** Snapshot rows sent so far (pages cut off by faults included): shows that a resumed bootstrap does not start over. */
    public long snapshotRowsServed() {
        return snapshotRowsServed.get();
    }

    /** From now on, requests with this token are told the device is revoked. */
    public void revoke(String token) {
        revoked.add(token);
    }

    /** Makes {@code changes} changes of live reporting now; returns the last sequence number. */
    public long churn(int changes) throws SQLException, IOException {
        return churn.round(changes);
    }

    /** The sequence number of the last change made so far. */
    public long lastSeq() throws SQLException {
        return data.lastSeq();
    }

    /** {@link DeltaFloor}: the observation changes made after {@code afterSeq} up to {@code lastSeq}, written by SQLite alone into {@code cacheCopy}. */
    DeltaFloor.Result deltaFloor(long afterSeq, long lastSeq, java.nio.file.Path cacheCopy) throws Exception {
        return DeltaFloor.measure(data, afterSeq, lastSeq, cacheCopy);
    }

    /** Checksums of the server's current state, to compare with a client's cache. */
    public Map<String, String> checksums() throws SQLException {
        try (Connection c = data.readLive()) {
            return Checksums.of(c);
        }
    }

    /** Outbox items received: id → how many times stored (always 1: ids are unique). */
    public Map<String, String> outboxReceived() throws SQLException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (Connection c = data.readLive(); var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, payload FROM server_outbox ORDER BY received_at, id")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        http.stop(0);
        pool.shutdownNow();
        data.close();
    }

    // ---- requests -------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        boolean dropped = false;
        try {
            int latency = faults.latencyMs();
            if (latency > 0) Thread.sleep(latency);
            String path = ex.getRequestURI().getPath();
            String device = authenticate(ex);
            if (device == null) return;
            String clientProtocol = ex.getRequestHeaders().getFirst("R57-Protocol");
            if (clientProtocol != null && Protocol.major(clientProtocol) != Protocol.MAJOR) {
                error(ex, 400, "incompatible_protocol", "This server speaks sync protocol " + Protocol.VERSION + "; the client speaks "
                        + clientProtocol + ". Update R57 Desk.");
                return;
            }
            switch (ex.getRequestMethod() + " " + path) {
                case "GET /v1/info" -> info(ex, device);
                case "GET /v1/snapshot" -> page(ex, true);
                case "GET /v1/changes" -> page(ex, false);
                case "POST /v1/outbox" -> outbox(ex, device);
                default -> error(ex, 404, "not_found", "No such endpoint: " + ex.getRequestMethod() + " " + path
                        + ". Protocol 1 has GET /v1/info, GET /v1/snapshot, GET /v1/changes and POST /v1/outbox.");
            }
        } catch (DroppedConnection d) {
            // Leave the exchange unclosed: the JDK server then closes the connection mid-response.
            dropped = true;
            throw d;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            error(ex, 500, "server_error", "The server could not read its data: " + e.getMessage());
        } finally {
            if (!dropped) ex.close();
        }
    }

    private String authenticate(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            error(ex, 401, "unauthorized", "A bearer token is required (Authorization: Bearer <token>)");
            return null;
        }
        String token = knownToken(auth.substring(7).strip());
        if (token == null) {
            error(ex, 401, "unauthorized", "The token is not known to this server");
            return null;
        }
        if (revoked.contains(token)) {
            error(ex, 403, "device_revoked", "The device \"" + config.tokens().get(token)
                    + "\" was revoked by the Steering Committee's secretariat");
            return null;
        }
        return config.tokens().get(token);
    }

    /**
     * The configured token equal to {@code given}, or null. Every token is compared in full and in
     * constant time, so response times do not tell a guesser how much of a token was right.
     */
    private String knownToken(String given) {
        byte[] g = given.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String found = null;
        for (String t : config.tokens().keySet()) {
            if (java.security.MessageDigest.isEqual(g, t.getBytes(java.nio.charset.StandardCharsets.UTF_8))) found = t;
        }
        return found;
    }

    private void info(HttpExchange ex, String device) throws IOException, SQLException {
        ObjectNode n = JSON.createObjectNode();
        n.put("protocol", Protocol.VERSION);
        n.put("server", "R57 Desk reference server");
        n.put("generation", data.generation());
        n.put("snapshot_rows", data.snapshotRows());
        n.put("latest_seq", data.lastSeq());
        n.put("device", device);
        n.put("demo_data", true);
        sendJson(ex, 200, n);
    }

    private void page(HttpExchange ex, boolean snapshot) throws IOException, SQLException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        int limit;
        try {
            limit = Integer.parseInt(q.getOrDefault("limit", Integer.toString(Protocol.DEFAULT_PAGE_ROWS)));
        } catch (NumberFormatException e) {
            error(ex, 400, "bad_request", "limit must be a whole number, not \"" + q.get("limit") + "\"");
            return;
        }
        limit = Math.max(1, Math.min(limit, Protocol.MAX_PAGE_ROWS));
        Cursors.Position pos;
        String cursor = q.get("cursor");
        if (cursor == null) {
            if (!snapshot) {
                error(ex, 400, "bad_request", "GET /v1/changes needs a cursor: start with GET /v1/snapshot");
                return;
            }
            pos = new Cursors.Position(data.generation(), true, 0, null, 0);
        } else {
            try {
                pos = data.cursors().decode(cursor);
            } catch (IllegalArgumentException e) {
                error(ex, 400, "bad_cursor", "The cursor is not valid: " + e.getMessage());
                return;
            }
        }
        if (!pos.generation().equals(data.generation())) {
            error(ex, 410, "cursor_expired", "The cursor belongs to data generation " + pos.generation()
                    + "; the server now serves generation " + data.generation() + ". Start again from a snapshot.");
            return;
        }
        if (pos.snapshot() != snapshot) {
            error(ex, 400, "bad_cursor", "This is a " + (pos.snapshot() ? "snapshot" : "changes") + " cursor; use it with /v1/"
                    + (pos.snapshot() ? "snapshot" : "changes"));
            return;
        }
        Faults.Fault fault = faults.roll();
        if (fault == Faults.Fault.SERVER_ERROR) {
            ex.getResponseHeaders().set("Retry-After", "1");
            error(ex, 503, "unavailable", "The server is busy; try again shortly (simulated fault)");
            return;
        }
        boolean gzip = String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("R57-Protocol", Protocol.VERSION);
        if (gzip) ex.getResponseHeaders().set("Content-Encoding", "gzip");
        if (fault == Faults.Fault.TRUNCATE || fault == Faults.Fault.MALFORM) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            writePage(buf, pos, limit, snapshot);
            byte[] body = spoiled(buf.toByteArray(), fault);
            if (gzip) {
                ByteArrayOutputStream z = new ByteArrayOutputStream();
                try (GZIPOutputStream g = new GZIPOutputStream(z)) {
                    g.write(body);
                }
                body = z.toByteArray();
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            return;
        }
        ex.sendResponseHeaders(200, 0);
        if (fault == Faults.Fault.DROP) {
            // Half of the (compressed) page goes out, then the connection is closed without ending the response.
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (OutputStream o = gzip ? new FastGzip(buf) : buf) {
                writePage(o, pos, limit, snapshot);
            }
            OutputStream raw = ex.getResponseBody();
            raw.write(buf.toByteArray(), 0, buf.size() / 2);
            raw.flush();
            throw new DroppedConnection();
        }
        OutputStream out = ex.getResponseBody();
        if (gzip) out = new FastGzip(out);
        writePage(out, pos, limit, snapshot);
        out.close();
    }

    private void writePage(OutputStream out, Cursors.Position pos, int limit, boolean snapshot) throws IOException, SQLException {
        if (snapshot) writeSnapshot(out, pos, limit); else writeChanges(out, pos, limit);
    }

    private void writeSnapshot(OutputStream out, Cursors.Position pos, int limit) throws IOException, SQLException {
        List<Entity> entities = Entities.all();
        try (Connection c = ServerData.readOnly(data.base()); PageWriter w = new PageWriter(out, Protocol.KIND_SNAPSHOT, data.generation())) {
            int ei = pos.entity();
            List<Object> after = pos.afterKey();
            int rows = 0;
            String next = null;
            while (ei < entities.size()) {
                Entity e = entities.get(ei);
                String cols = String.join(", ", e.fields().stream().map(Entity.Field::name).toList());
                String keys = String.join(", ", e.key());
                String sql = "SELECT " + cols + " FROM " + e.table()
                        + (after == null ? "" : " WHERE (" + keys + ") > (" + String.join(", ", java.util.Collections.nCopies(e.key().size(), "?")) + ")")
                        + " ORDER BY " + keys + " LIMIT ?";
                int want = limit - rows;
                int got = 0;
                List<Object> last = null;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    if (after != null) for (Object k : after) ps.setObject(i++, k);
                    ps.setInt(i, want);
                    try (ResultSet rs = ps.executeQuery()) {
                        int[] keyIdx = e.keyIndexes();
                        while (rs.next()) {
                            if (got == 0) w.beginBatch(e, Protocol.OP_UPSERT);
                            w.row(e, rs);
                            got++;
                            if (got == want) {
                                last = new ArrayList<>();
                                for (int k : keyIdx) last.add(rs.getObject(k + 1));
                            }
                        }
                    }
                }
                rows += got;
                if (got == want) {
                    next = data.cursors().snapshot(data.generation(), ei, last);
                    break;
                }
                ei++;
                after = null;
            }
            boolean complete = next == null;
            snapshotRowsServed.addAndGet(rows);
            // The last snapshot page hands over to the change log from its start (seq 1 = the base).
            w.finish(complete ? data.cursors().changes(data.generation(), 1) : next, !complete, complete);
        }
    }

    /**
     * A page of changes: the next {@code limit} entries of the change log, one batch per entity and
     * op. Upserts come first, parents before children (snapshot order), then deletes, children before
     * parents; within a batch, change-log order. Before, each run of one kind got its own batch: live
     * reporting interleaves kinds, so 42,000 changes made 24,600 batches whose headers (the field
     * names, again and again) were 37 % of the page. Regrouping is safe because every change carries
     * its version: the cache keeps the highest, whatever order a key's upsert and delete arrive in.
     */
    private void writeChanges(OutputStream out, Cursors.Position pos, int limit) throws IOException, SQLException {
        try (Connection c = data.readLive(); PageWriter w = new PageWriter(out, Protocol.KIND_DELTA, data.generation())) {
            long after = pos.seq();
            long last = after;
            boolean more;
            // the page's end: the limit-th entry after the cursor, or the log's last
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM server_log WHERE seq > ? ORDER BY seq LIMIT 1 OFFSET ?")) {
                ps.setLong(1, after);
                ps.setInt(2, limit - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) last = rs.getLong(1);
                }
            }
            if (last == after) {
                try (PreparedStatement ps = c.prepareStatement("SELECT max(seq) FROM server_log WHERE seq > ?")) {
                    ps.setLong(1, after);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getObject(1) != null) last = rs.getLong(1);
                    }
                }
                more = false;
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM server_log WHERE seq > ? LIMIT 1")) {
                    ps.setLong(1, last);
                    try (ResultSet rs = ps.executeQuery()) {
                        more = rs.next();
                    }
                }
            }
            List<String[]> kinds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT entity, op FROM server_log WHERE seq > ? AND seq <= ?")) {
                ps.setLong(1, after);
                ps.setLong(2, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) kinds.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            kinds.sort(java.util.Comparator.comparingInt(ReferenceServer::batchRank));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT row FROM server_log WHERE seq > ? AND seq <= ? AND entity = ? AND op = ? ORDER BY seq")) {
                for (String[] kind : kinds) {
                    ps.setLong(1, after);
                    ps.setLong(2, last);
                    ps.setString(3, kind[0]);
                    ps.setString(4, kind[1]);
                    w.beginBatch(Entities.byName(kind[0]), kind[1]);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) w.rawRow(rs.getString(1));
                    }
                }
            }
            w.finish(data.cursors().changes(data.generation(), last), more, false);
        }
    }

    /** Upserts in snapshot order (parents first), then deletes in reverse (children first). */
    private static int batchRank(String[] kind) {
        int i = Entities.all().indexOf(Entities.byName(kind[0]));
        int n = Entities.all().size();
        return Protocol.OP_DELETE.equals(kind[1]) ? 2 * n - i : i;
    }

    private void outbox(HttpExchange ex, String device) throws IOException, SQLException {
        Faults.Fault fault = faults.rollOutbox();
        if (fault == Faults.Fault.SERVER_ERROR) {
            ex.getResponseHeaders().set("Retry-After", "1");
            error(ex, 503, "unavailable", "The server is busy; try again shortly (simulated fault)");
            return;
        }
        byte[] body = ex.getRequestBody().readNBytes(MAX_OUTBOX_BODY + 1);
        if (body.length > MAX_OUTBOX_BODY) {
            error(ex, 413, "too_large", "An outbox push may carry at most " + MAX_OUTBOX_BODY + " bytes; send fewer items at a time");
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            error(ex, 400, "bad_json", "The body is not valid JSON: " + e.getMessage());
            return;
        }
        if (root == null || !root.path("items").isArray()) {
            error(ex, 400, "bad_request", "The body must be {\"items\": [...]}");
            return;
        }
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode results = reply.putArray("results");
        for (JsonNode item : root.path("items")) {
            ObjectNode r = results.addObject();
            String id = item.path("id").asText("");
            r.put("id", id);
            String problem = null;
            if (!UUID_LIKE.matcher(id).matches()) problem = "field id must be a UUID made by the client";
            else if (!List.of("note", "feedback").contains(item.path("kind").asText())) problem = "field kind must be note or feedback";
            else if (!item.path("payload").isObject()) problem = "field payload must be a JSON object";
            else if (item.path("payload").toString().length() > Protocol.MAX_OUTBOX_PAYLOAD) {
                problem = "field payload is longer than " + Protocol.MAX_OUTBOX_PAYLOAD + " characters";
            }
            if (problem != null) {
                r.put("status", "rejected");
                r.put("message", problem);
                continue;
            }
            boolean fresh = data.acceptOutbox(id, device, item.path("kind").asText(), item.path("payload").toString(),
                    item.path("created_at").asText(null));
            r.put("status", fresh ? "accepted" : "duplicate");
        }
        if (fault == null) {
            sendJson(ex, 200, reply);
            return;
        }
        // The items are stored; the reply is lost or spoiled on its way back.
        byte[] bytes = reply.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (fault == Faults.Fault.DROP) {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(bytes, 0, bytes.length / 2);
            ex.getResponseBody().flush();
            throw new DroppedConnection();
        }
        bytes = spoiled(bytes, fault);
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    // ---- plumbing -------------------------------------------------------------------------------

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new java.util.HashMap<>();
        if (raw == null) return q;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) continue;
            q.put(java.net.URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("R57-Protocol", Protocol.VERSION);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("error").put("code", code).put("message", message);
        sendJson(ex, status, n);
    }

    /** A body as a TRUNCATE fault sends it (its first 2/3) or a MALFORM one (garbage in the middle). */
    private static byte[] spoiled(byte[] body, Faults.Fault fault) {
        if (fault == Faults.Fault.TRUNCATE) return java.util.Arrays.copyOf(body, Math.max(1, body.length * 2 / 3));
        byte[] out = body.clone();
        int at = out.length / 2;
        byte[] junk = "\u0001@#\u0001".getBytes(StandardCharsets.UTF_8); // invalid in and out of strings
        System.arraycopy(junk, 0, out, at, Math.min(junk.length, out.length - at));
        return out;
    }

    /** Thrown out of the handler so that the JDK server closes the connection mid-response. */
    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("simulated dropped connection", null, false, false);
        }
    }

    /** gzip at the fastest level: on loopback and LANs the CPU, not the wire, is the limit. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
