package vn.r57desk.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.r57desk.store.db.Sqlite;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.DeviceKey;
import vn.r57desk.store.pack.PackContent;
import vn.r57desk.store.pack.PackScope;
import vn.r57desk.store.pack.PackWriter;

/**
 * {@code bench pack}: in one run, a client process bootstraps from the reference server, the server
 * makes a pack of the same data (all of it), and another client process imports it. Prints
 * pack.create_s, pack.import_s (and its ratio to the bootstrap), pack.mb (and its ratio to the
 * same snapshot gzipped as the server sends it).
 */
@Command(name = "pack", description = {"Bootstrap a client, make a pack of the same data, import it in another client process.",
        "Prints {\"bench\":\"pack\",\"name\":…,\"value\":…,\"unit\":…} lines."})
final class BenchPack implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--scale", defaultValue = "national", description = "demo, national or x10 (default: ${DEFAULT-VALUE})")
    String scale;
    @Option(names = "--dir", defaultValue = "target/bench", description = "where data and caches are kept (default: ${DEFAULT-VALUE})")
    Path dir;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Scale s = Scale.parse(scale);
        Path work = dir.resolve("pack-" + s.id());
        deleteTree(work);
        Files.createDirectories(work);
        Path synced = work.resolve("synced/cache.db");
        Files.createDirectories(synced.getParent());
        try (ReferenceServer server = ReferenceServer.start(new ReferenceServer.Config(dir.resolve("server-" + s.id()), s, "127.0.0.1", 0,
                Map.of("bench-token", "bench"), true, null, null, 0, 57), line -> spec.commandLine().getErr().println(line))) {
            JsonNode boot = client(List.of("sync", "--server", server.uri().toString(), "--cache", synced.toString(), "--token", "bench-token",
                    "--bench-json"));
            double bootS = boot.path("took_ms").asDouble() / 1000;
            long rows = boot.path("snapshot_rows").asLong();

            Path live = server.liveFile();
            long gz;
            try (Connection c = Sqlite.open(live)) {
                Counting count = new Counting();
                try (GZIPOutputStream z = new GZIPOutputStream(count, 64 * 1024) {
                    { def.setLevel(Deflater.BEST_SPEED); } // as the server sends pages
                }) {
                    PackContent.write(c, PackScope.ALL, "bench", Map.of(), z);
                }
                gz = count.n;
            }

            Path laptop = work.resolve("laptop/cache.db");
            DataHome home = DataHome.forCache(laptop, null);
            DeviceKey device = home.keys().generate("bench laptop", false);
            DeviceKey issuer = DeviceKey.generate("bench office");
            issuer.write(work.resolve("issuer/device.key"), work.resolve("issuer/device.pub"));
            home.keys().trust(work.resolve("issuer/device.pub"));
            Path pack = work.resolve("all.r57pack");
            long t0 = System.nanoTime();
            PackWriter.Made made = PackWriter.fromFile(live, PackScope.ALL, Instant.now().plus(Duration.ofDays(30)), List.of(device.publicKeys()), null,
                    vn.r57desk.store.pack.PackFormat.PBKDF2_ITERATIONS, List.of(), issuer, 1, pack, Instant.now());
            double createS = (System.nanoTime() - t0) / 1e9;

            JsonNode imp = client(List.of("pack", "import", pack.toString(), "--cache", laptop.toString(), "--bench-json"));
            double importS = imp.path("took_ms").asDouble() / 1000;

            emit("bootstrap.rows", rows, "rows");
            emit("bootstrap.s", round(bootS, 2), "s");
            emit("pack.rows", made.rows(), "rows");
            emit("pack.create_s", round(createS, 2), "s");
            emit("pack.import_s", round(importS, 2), "s");
            emit("pack.import_ratio_to_bootstrap", round(importS / bootS, 3), "ratio");
            emit("pack.import_client_cpu_s", round(imp.path("cpu_ms").asDouble() / 1000, 2), "s");
            emit("snapshot.gz_mb", round(gz / 1048576.0, 2), "MB");
            emit("pack.mb", round(made.bytes() / 1048576.0, 2), "MB");
            emit("pack.mb_ratio_to_gz", round((double) made.bytes() / gz, 3), "ratio");
        }
        return 0;
    }

    /** Runs the offline-store CLI as its own JVM with the app's heap cap; returns its one JSON line. */
    private JsonNode client(List<String> args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "vn.r57desk.store.cli.R57Cli"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            p.getOutputStream().close();
            line = r.readLine();
        }
        int code = p.waitFor();
        if (line == null || code != 0) throw new IllegalStateException("the client process failed (exit " + code + "): " + args.getFirst());
        return new ObjectMapper().readTree(line);
    }

    private static final class Counting extends OutputStream {
        long n;

        @Override
        public void write(int b) {
            n++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            n += len;
        }
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }

    private void emit(String name, Object value, String unit) {
        out.printf(Locale.ROOT, "{\"bench\":\"pack\",\"name\":\"%s\",\"value\":%s,\"unit\":\"%s\"}%n", name, value, unit);
        out.flush();
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
