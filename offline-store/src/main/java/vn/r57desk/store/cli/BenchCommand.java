package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.model.Agency;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Locality;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.model.SystemInfo;
import vn.r57desk.store.query.DrillDown;

@Command(name = "bench", description = "Benchmarks; each prints one JSON object per line.", subcommands = {BenchCommand.Queries.class, BenchCommand.Handout.class})
final class BenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "queries", description = {"Generate (or reuse) a cache and time every drill-down query.",
            "Prints {\"bench\":\"queries\",\"name\":…,\"value\":…,\"unit\":…} lines."})
    static final class Queries implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--scale", defaultValue = "national", description = "demo, national or x10 (default: ${DEFAULT-VALUE})")
        String scale;

        @Option(names = "--dir", defaultValue = "target/bench", description = "where caches are kept (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--reuse", description = "reuse an existing cache instead of generating it again (skips the generate.* figures)")
        boolean reuse;

        @Option(names = "--iterations", defaultValue = "300", description = "timed runs per query (default: ${DEFAULT-VALUE})")
        int iterations;

        @Mixin BenchPasscode atRest;

        private PrintWriter out;
        private String bench = "queries";

        @Override
        public Integer call() throws Exception {
            out = spec.commandLine().getOut();
            Scale s = Scale.parse(scale);
            Files.createDirectories(dir);
            Path cacheFile = dir.resolve("cache-" + s.id() + ".db");
            atRest.unlock(dir, spec.commandLine().getErr(), this::emit);
            if (!reuse || !Files.exists(cacheFile)) {
                Path bare = dir.resolve("bare-" + s.id() + ".db");
                DatasetGenerator.Report raw = DatasetGenerator.generateBare(s, DatasetGenerator.DEFAULT_SEED, bare);
                Files.deleteIfExists(bare);
                DatasetGenerator.Report gen = DatasetGenerator.generate(s, DatasetGenerator.DEFAULT_SEED, cacheFile, true, DatasetGenerator.Progress.NONE);
                emit("generate.rows", gen.totalRows(), "rows");
                emit("generate.observations", gen.rows().get("observations"), "rows");
                emit("generate.tasks", gen.rows().get("tasks"), "rows");
                emit("generate.s", gen.millis() / 1000.0, "s");
                emit("generate.rows_per_s", Math.round(gen.rowsPerSecond()), "rows/s");
                emit("raw_insert.rows_per_s", Math.round(raw.rowsPerSecond()), "rows/s");
                emit("generate.ratio", round(gen.rowsPerSecond() / raw.rowsPerSecond(), 3), "ratio");
            }
            emit("cache.size_mb", round(Files.size(cacheFile) / 1048576.0, 1), "MB");
            LocalDate today = DatasetGenerator.AS_OF;
            PeriodRange range = PeriodRange.programmeTo(today);

            // Cold open: a fresh Cache (probe, connections, catalogue) answering the overview.
            double[] opens = new double[7];
            for (int i = 0; i < opens.length; i++) {
                long t0 = System.nanoTime();
                try (Cache c = Cache.openExisting(cacheFile)) {
                    new DrillDown(c).overview(today, range);
                }
                opens[i] = (System.nanoTime() - t0) / 1e6;
            }
            emit("open_overview_first_ms", round(opens[0], 2), "ms");
            Arrays.sort(opens);
            emit("open_overview_ms", round(opens[opens.length / 2], 2), "ms");

            double worst = 0;
            try (Cache c = Cache.openExisting(cacheFile)) {
                DrillDown dd = new DrillDown(c);
                List<QueryArgs> variants = variants(dd, today, range);
                for (QueryId q : QueryId.values()) {
                    for (int i = 0; i < 20; i++) q.run(variants.get(i % variants.size())); // warm-up
                    double[] ms = new double[iterations];
                    for (int i = 0; i < iterations; i++) {
                        QueryArgs a = variants.get(i % variants.size());
                        long t0 = System.nanoTime();
                        q.run(a);
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    Arrays.sort(ms);
                    double p50 = ms[(int) Math.floor(0.50 * (ms.length - 1))];
                    double p99 = ms[(int) Math.ceil(0.99 * (ms.length - 1))];
                    emit("query." + q.cliName() + ".p50_ms", round(p50, 3), "ms");
                    emit("query." + q.cliName() + ".p99_ms", round(p99, 3), "ms");
                    worst = Math.max(worst, p99);
                }
            }
            emit("queries.worst_p99_ms", round(worst, 3), "ms");
            return 0;
        }

        /** Parameters cycled through so each query touches many systems, agencies, provinces and KPIs. */
        private static List<QueryArgs> variants(DrillDown dd, LocalDate today, PeriodRange range) {
            var cat = dd.catalog();
            List<SystemInfo> systems = cat.systemList();
            List<Initiative> inis = new ArrayList<>(cat.initiatives().values());
            List<Agency> ministries = cat.ministries();
            List<Locality> provinces = new ArrayList<>(cat.provinces().values());
            List<Kpi> localKpis = cat.kpis().values().stream().filter(k -> k.levels().contains(vn.r57desk.store.model.ScopeKind.PROVINCE)).toList();
            List<QueryArgs> out = new ArrayList<>();
            for (int i = 0; i < 68; i++) {
                Locality p = provinces.get(i % provinces.size());
                out.add(new QueryArgs(dd, today, range, systems.get(i % systems.size()).code(), inis.get(i % inis.size()).code(),
                        ministries.get(i % ministries.size()).code(), p.code(), i % 2 == 0 ? p.code() : p.code() + "-00001",
                        localKpis.get(i % localKpis.size()).code(), 100)); // the app's page size
            }
            return out;
        }

        private void emit(String name, Object value, String unit) {
            out.printf(Locale.ROOT, "{\"bench\":\"%s\",\"name\":\"%s\",\"value\":%s,\"unit\":\"%s\"}%n", bench, name, value, unit);
            out.flush();
        }

        private static double round(double v, int digits) {
            double f = Math.pow(10, digits);
            return Math.round(v * f) / f;
        }
    }

    @Command(name = "handout", description = {"Time the handout PDF of the demo's six-item meeting (id 1) on a generated cache.",
            "Prints handout.s (the first, in a fresh JVM: what the CLI user waits), handout.warm_s (median of the rest) and handout.mb."})
    static final class Handout implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--scale", defaultValue = "national", description = "demo, national or x10 (default: ${DEFAULT-VALUE})")
        String scale;

        @Option(names = "--dir", defaultValue = "target/bench", description = "where caches are kept (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--reuse", description = "reuse an existing cache instead of generating it again")
        boolean reuse;

        @Mixin BenchPasscode atRest;

        @Option(names = "--rounds", defaultValue = "5", description = "handouts written (default: ${DEFAULT-VALUE})")
        int rounds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Scale s = Scale.parse(scale);
            Files.createDirectories(dir);
            Path cacheFile = dir.resolve("cache-" + s.id() + ".db");
            atRest.unlock(dir, spec.commandLine().getErr(), (n, v, u) -> emit(out, n, v, u));
            if (!reuse || !Files.exists(cacheFile)) {
                DatasetGenerator.generate(s, DatasetGenerator.DEFAULT_SEED, cacheFile, true, DatasetGenerator.Progress.NONE);
            }
            Path pdf = dir.resolve("handout-" + s.id() + ".pdf");
            double[] secs = new double[Math.max(1, rounds)];
            int pages = 0;
            for (int i = 0; i < secs.length; i++) {
                long t0 = System.nanoTime();
                // from opening the cache to the PDF on disk, as `handout` does
                try (Cache c = Cache.openExisting(cacheFile)) {
                    pages = vn.r57desk.store.handout.HandoutPdf.write(c, 1, pdf, new vn.r57desk.store.handout.HandoutPdf.Options(
                            Locale.forLanguageTag("vi-VN"), "Benchmark", java.time.Clock.systemUTC(), DatasetGenerator.AS_OF)).pages();
                }
                secs[i] = (System.nanoTime() - t0) / 1e9;
            }
            emit(out, "handout.s", Queries.round(secs[0], 3), "s");
            double[] rest = secs.length > 1 ? Arrays.copyOfRange(secs, 1, secs.length) : secs;
            Arrays.sort(rest);
            emit(out, "handout.warm_s", Queries.round(rest[rest.length / 2], 3), "s");
            emit(out, "handout.mb", Queries.round(Files.size(pdf) / 1048576.0, 3), "MB");
            emit(out, "handout.pages", pages, "pages");
            return 0;
        }

        private static void emit(PrintWriter out, String name, Object value, String unit) {
            out.println("{\"bench\":\"handout\",\"name\":\"" + name + "\",\"value\":" + value + ",\"unit\":\"" + unit + "\"}");
        }
    }
}
