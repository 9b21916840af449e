package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.r57desk.store.sync.CacheHost;
import vn.r57desk.store.sync.SyncClient;
import vn.r57desk.store.sync.SyncException;

@Command(name = "sync", description = {"Bring a cache up to date with a monitoring server: send the outbox, bootstrap if needed, apply changes.",
        "Plain http:// is accepted only for this computer (localhost); anything else must be https://."})
final class SyncCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PasscodeOption passcode;

    @Option(names = "--server", required = true, description = "the server's address, e.g. https://me.example.vn/ or http://127.0.0.1:8557/")
    String server;

    @Option(names = "--cache", required = true, description = "the cache file (created when missing)")
    Path cache;

    @Option(names = "--token", description = "this device's bearer token (default: $R57_TOKEN)")
    String token;

    @Option(names = "--trust", description = "a PEM certificate to trust for this server (a private CA)")
    Path trust;

    @Option(names = "--page-rows", defaultValue = "200000", description = "rows per page to ask for (default: ${DEFAULT-VALUE})")
    int pageRows;

    @Option(names = "--attempts", defaultValue = "6", description = "attempts per request on a network or server fault (default: ${DEFAULT-VALUE})")
    int attempts;

    @Option(names = "--max-wait", defaultValue = "60", paramLabel = "SECONDS",
            description = "the longest to go on trying one request, attempts and pauses together, before giving up (default: ${DEFAULT-VALUE})")
    double maxWait;

    @Option(names = "--max-time", defaultValue = "1800", paramLabel = "SECONDS",
            description = "the longest the whole sync may take (default: ${DEFAULT-VALUE})")
    double maxTime;

    @Option(names = "--progress", description = "print progress to standard error")
    boolean progress;

    @Option(names = "--debug", description = "after an error, also print its technical detail (for a support person)")
    boolean debug;

    @Option(names = "--bench-json", hidden = true, description = "print one JSON line of figures (for bench sync)")
    boolean benchJson;

    @Option(names = "--bench-again", hidden = true, description = "with --bench-json: after each sync, wait for a line on standard input and sync again in the same process (for bench sync's warm delta)")
    boolean benchAgain;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (pageRows < 1) throw new IllegalArgumentException("--page-rows must be at least 1");
        if (attempts < 1) throw new IllegalArgumentException("--attempts must be at least 1");
        if (!(maxWait > 0) || !(maxTime > 0) || maxWait > 86_400 || maxTime > 7 * 86_400) {
            throw new IllegalArgumentException("--max-wait and --max-time must be a number of seconds above 0 (at most a day, and a week)");
        }
        String t = token != null ? token : System.getenv("R57_TOKEN");
        SyncClient.Options o = SyncClient.Options.defaults(t).withPageRows(pageRows)
                .withRetries(attempts, java.time.Duration.ofMillis(300), java.time.Duration.ofSeconds(8));
        if (trust != null) o = o.withTrustedCertificate(trust);
        o = o.withLimits(o.requestDeadline(), java.time.Duration.ofMillis(Math.round(maxWait * 1000)),
                java.time.Duration.ofMillis(Math.round(maxTime * 1000)));
        SyncClient client;
        try {
            client = SyncClient.create(server, o);
        } catch (SyncException e) {
            return failed(err, e);
        }
        passcode.unlock(cache, null, err);
        try (CacheHost.Simple host = CacheHost.of(cache)) {
            ProgressLines lines = new ProgressLines(err, System::nanoTime, 500_000_000L);
            SyncClient.Listener listener = new SyncClient.Listener() {
                @Override
                public void progress(SyncClient.Progress p) {
                    if (progress) lines.accept(p);
                }

                @Override
                public void note(String line) {
                    err.println("note: " + line);
                }
            };
            SyncClient.Report r;
            try {
                r = client.sync(host, listener);
            } catch (SyncException e) {
                if (e.problem() == SyncException.Problem.REVOKED) {
                    int code = failed(err, e);
                    wipePacks(err);
                    return code;
                }
                return failed(err, e);
            }
            java.io.BufferedReader stdin = benchAgain ? new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)) : null;
            while (benchJson) {
                long peak = 0;
                for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == java.lang.management.MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
                }
                // The whole process's CPU time (every thread, the JVM's own included): with the
                // server's, it shows how the two cores were shared.
                long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
                out.printf(Locale.ROOT, "{\"took_ms\":%d,\"snapshot_rows\":%d,\"delta_rows\":%d,\"peak_heap_mb\":%.1f,\"cpu_ms\":%d}%n",
                        r.took().toMillis(), r.snapshotRows(), r.deltaRows(), peak / 1048576.0, cpuMs);
                out.flush();
                // The app syncs from a process that has run before: the bench asks for that too.
                if (stdin == null || stdin.readLine() == null) return 0;
                try {
                    r = client.sync(host, listener);
                } catch (SyncException e) {
                    err.println("error: " + e.getMessage());
                    return exitCode(e.problem());
                }
            }
            out.printf(Locale.ROOT, "Synced %s with %s in %.1f s%n", cache, client.server(), r.took().toMillis() / 1000.0);
            if (r.bootstrapped()) out.printf(Locale.ROOT, "  snapshot: %,d rows (the cache was rebuilt from the server's snapshot)%n", r.snapshotRows());
            out.printf(Locale.ROOT, "  changes:  %,d rows in %d page(s)%n", r.deltaRows(), r.deltaPages());
            for (Map.Entry<String, long[]> e : r.changes().entrySet()) {
                long[] c = e.getValue();
                out.printf(Locale.ROOT, "    %-24s %,8d new %,8d updated %,8d deleted%s%n", e.getKey(), c[0], c[1], c[2],
                        c[3] > 0 ? String.format(Locale.ROOT, " %,8d already had", c[3]) : "");
            }
            out.printf(Locale.ROOT, "  outbox:   %d sent, %d already on the server, %d refused%n", r.outboxAccepted(), r.outboxDuplicates(), r.outboxRejected());
            if (r.outboxError() != null) out.println("  outbox not sent (still waiting): " + r.outboxError());
            if (!r.skippedKinds().isEmpty()) out.println("  skipped unknown kinds (a newer server): " + String.join(", ", r.skippedKinds()));
            PasscodeOption.warnIfUnprotected(PasscodeOption.homeOf(cache, null), err);
            return 0;
        }
    }

    /** One sentence naming the problem; its technical detail only when asked for. */
    private int failed(PrintWriter err, SyncException e) {
        err.println("error: " + e.getMessage());
        String detail = e.detail();
        if (debug && detail != null) err.println("detail: " + detail);
        return exitCode(e.problem());
    }

    /**
     * A revoked device keeps nothing the office gave it: the sync wiped the cache; the imported
     * briefing packs and this device's key (which would open packs made for it) go too.
     */
    private void wipePacks(PrintWriter err) {
        try {
            vn.r57desk.store.pack.DataHome.forCache(cache, null).wipeAll(true);
            err.println("note: the imported briefing packs and this device's key were wiped too");
        } catch (vn.r57desk.store.pack.PackException e) {
            err.println("error: " + e.getMessage());
        }
    }

    /** Distinct exit codes so scripts can tell a network problem from a refused page or a revoked device. */
    static int exitCode(SyncException.Problem p) {
        return switch (p) {
            case NETWORK, SERVER, BROKEN_BODY -> 4;
            case INVALID_PAGE -> 5;
            case REVOKED -> 6;
            case UNAUTHORIZED, INSECURE, INCOMPATIBLE, REFUSED, BAD_ADDRESS -> 7;
            case CACHE -> 3;
            case CANCELLED -> 130;
        };
    }
}
