package vn.r57desk.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.generate.Scale;

/**
 * {@code bench sync}: the reference server and a client process on loopback, in one run. The
 * client runs as its own JVM with a 256 MB heap cap, as the app's sync would, so its peak heap is
 * its own and a client that held a page whole would fail here.
 */
final class BenchSync {
    private BenchSync() {}

    @Command(name = "bench", description = "Benchmarks that print one JSON object per line.", subcommands = {Sync.class, BenchPack.class})
    static final class Group implements Runnable {
        @Spec CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "sync", description = "Bootstrap a client from the reference server, then apply a delta carrying 1 % of the rows.")
    static final class Sync implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--scale", defaultValue = "national", description = "demo, national or x10 (default: ${DEFAULT-VALUE})")
        String scale;
        @Option(names = "--dir", defaultValue = "target/bench", description = "where data and caches are kept (default: ${DEFAULT-VALUE})")
        Path dir;
        @Option(names = "--page-rows", defaultValue = "200000", description = "rows per page (default: ${DEFAULT-VALUE})")
        int pageRows;
        @Option(names = "--passcode-file", paramLabel = "FILE", description = {"encrypt the client's cache at rest as a laptop with this passcode does:",
                "its data folder is DIR/client-encrypted (passcode set there on the first run); the server's data and the raw baseline stay plaintext"})
        Path passcodeFile;

        private PrintWriter out;

        @Override
        public Integer call() throws Exception {
            out = spec.commandLine().getOut();
            Scale s = Scale.parse(scale);
            Files.createDirectories(dir);
            Path bare = dir.resolve("bare-" + s.id() + ".db");
            DatasetGenerator.Report raw = DatasetGenerator.generateBare(s, DatasetGenerator.DEFAULT_SEED, bare);
            Files.deleteIfExists(bare);
            // Encrypted: the client's own data folder with a passcode, opened through the real key path
            // (Passcode, Sqlite.encryptFolder), in this process (the delta floor's copy) and the client's.
            Path clientDir = passcodeFile == null ? dir : dir.resolve("client-encrypted");
            if (passcodeFile != null) unlockClientFolder(clientDir);
            Path cache = clientDir.resolve("sync-client-" + s.id() + ".db");
            for (String suffix : new String[] {"", "-wal", "-shm", ".bootstrap", ".bootstrap-wal", ".bootstrap-shm"}) {
                Files.deleteIfExists(Path.of(cache + suffix));
            }
            try (ReferenceServer server = ReferenceServer.start(new ReferenceServer.Config(dir.resolve("server-" + s.id()), s, "127.0.0.1", 0,
                    Map.of("bench-token", "bench"), true, null, null, 0, 57), line -> spec.commandLine().getErr().println(line))) {
                long serverCpu0 = cpuMs();
                JsonNode boot = client(server, cache);
                long serverCpuMs = cpuMs() - serverCpu0;
                double bootS = boot.path("took_ms").asDouble() / 1000;
                long rows = boot.path("snapshot_rows").asLong();
                int deltaChanges = (int) Math.max(1, rows / 100);
                Path floorCopy = clientDir.resolve("delta-floor-" + s.id() + ".db");
                DeltaFloor.snapshot(cache, floorCopy);
                long seqBefore = server.lastSeq();
                long seqAfter = server.churn(deltaChanges);
                JsonNode delta, warm;
                // The delta in a new client process (as the CLI runs it), then another one of the same
                // size in that same process, as the app, which has synced before, runs it.
                try (Client c = new Client(server, cache)) {
                    delta = c.next();
                    server.churn(deltaChanges);
                    warm = c.again();
                }
                double deltaS = delta.path("took_ms").asDouble() / 1000;
                double warmS = warm.path("took_ms").asDouble() / 1000;
                DeltaFloor.Result floor = server.deltaFloor(seqBefore, seqAfter, floorCopy);
                emit("bootstrap.rows", rows, "rows");
                emit("bootstrap.s", round(bootS, 2), "s");
                emit("bootstrap.rows_per_s", Math.round(rows / bootS), "rows/s");
                emit("raw_insert.rows_per_s", Math.round(raw.rowsPerSecond()), "rows/s");
                emit("bootstrap.ratio", round(rows / bootS / raw.rowsPerSecond(), 3), "ratio");
                // CPU seconds during the bootstrap: the client process's (from its start) and this
                // process's (the server, and anything else the bench runs meanwhile).
                emit("bootstrap.client_cpu_s", round(boot.path("cpu_ms").asDouble() / 1000, 2), "s");
                emit("bootstrap.server_cpu_s", round(serverCpuMs / 1000.0, 2), "s");
                emit("delta1pct.rows", delta.path("delta_rows").asLong(), "rows");
                emit("delta1pct.s", round(deltaS, 3), "s");
                emit("delta.ratio_to_bootstrap", round(deltaS / bootS, 4), "ratio");
                emit("delta1pct.warm_rows", warm.path("delta_rows").asLong(), "rows");
                emit("delta1pct.warm_s", round(warmS, 3), "s");
                emit("delta.warm_ratio_to_bootstrap", round(warmS / bootS, 4), "ratio");
                // The same delta's observation rows written by SQLite alone (DeltaFloor): the part of
                // delta1pct.s that the data's layout sets, whatever the client's code does.
                emit("delta.floor_rows", floor.rows(), "rows");
                emit("delta.floor_s", round(floor.seconds(), 3), "s");
                emit("delta.floor_ratio_to_bootstrap", round(floor.seconds() / bootS, 4), "ratio");
                emit("client.peak_heap_mb", round(Math.max(boot.path("peak_heap_mb").asDouble(), warm.path("peak_heap_mb").asDouble()), 1), "MB");
                emit("cache.size_mb", round(Files.size(cache) / 1048576.0, 1), "MB");
            }
            return 0;
        }

        /** Sets the passcode of the client's data folder on the first run (unlocks it later) and registers its key here. */
        private void unlockClientFolder(Path clientDir) throws Exception {
            Files.createDirectories(clientDir);
            vn.r57desk.store.pack.Passcode pc = vn.r57desk.store.pack.Passcode.in(clientDir.resolve("keys"), java.time.Clock.systemUTC());
            char[] code = vn.r57desk.store.pack.PackWriter.readPassphrase(passcodeFile);
            try (vn.r57desk.store.pack.Passcode.DataKey key = pc.isSet() ? pc.unlock(code) : pc.set(code)) {
                vn.r57desk.store.db.Sqlite.encryptFolder(clientDir, key.bytes());
            } finally {
                java.util.Arrays.fill(code, '\0');
            }
        }

        private JsonNode client(ReferenceServer server, Path cache) throws Exception {
            try (Client c = new Client(server, cache)) {
                return c.next();
            }
        }

        /**
         * A client process ({@code sync --bench-json --bench-again}): each sync's figures come as
         * one JSON line; {@link #again} has the same process sync once more.
         */
        private final class Client implements AutoCloseable {
            private final Process p;
            private final BufferedReader out;
            private final PrintWriter in;

            Client(ReferenceServer server, Path cache) throws Exception {
                String java = ProcessHandle.current().info().command().orElse("java");
                List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
                // Extra options for the client only, e.g. to profile it: R57_BENCH_CLIENT_OPTS="-XX:StartFlightRecording=filename=c-%p.jfr"
                String extra = System.getenv("R57_BENCH_CLIENT_OPTS");
                if (extra != null && !extra.isBlank()) cmd.addAll(List.of(extra.trim().split("\\s+")));
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.r57desk.store.cli.R57Cli", "sync", "--server", server.uri().toString(),
                        "--cache", cache.toString(), "--token", "bench-token", "--page-rows", Integer.toString(pageRows), "--bench-json", "--bench-again"));
                if (passcodeFile != null) cmd.addAll(List.of("--passcode-file", passcodeFile.toAbsolutePath().toString()));
                p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                in = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
            }

            /** The figures of the sync under way. */
            JsonNode next() throws Exception {
                String line = out.readLine();
                if (line == null) {
                    throw new IllegalStateException("the client process failed (exit " + p.waitFor() + ")");
                }
                return new ObjectMapper().readTree(line);
            }

            JsonNode again() throws Exception {
                in.println();
                return next();
            }

            @Override
            public void close() throws Exception {
                in.close(); // end of input: the client ends after its last sync
                int code = p.waitFor();
                if (code != 0) throw new IllegalStateException("the client process failed (exit " + code + ")");
            }
        }

        private static long cpuMs() {
            return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        }

        private void emit(String name, Object value, String unit) {
            out.printf(Locale.ROOT, "{\"bench\":\"sync\",\"name\":\"%s\",\"value\":%s,\"unit\":\"%s\"}%n", name, value, unit);
            out.flush();
        }

        private static double round(double v, int digits) {
            double f = Math.pow(10, digits);
            return Math.round(v * f) / f;
        }
    }
}
