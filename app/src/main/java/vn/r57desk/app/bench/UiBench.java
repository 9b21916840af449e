package vn.r57desk.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.application.Application;
import javafx.application.Platform;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.shell.MainWindow;
import vn.r57desk.app.shell.R57DeskApp;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.query.DrillDown;

/**
 * The UI benchmark: the real app on a cache (national scale in docs/performance.md), measuring
 * process start → first dashboard drawn with data, then a scripted drill-down tour repeated many
 * times (navigation → the next view drawn with its data), then the process's resident memory, then
 * presenter mode stepping through a meeting's agenda ({@code meeting.*}).
 * Prints one JSON object per line and exits. Run with {@code ./r57 bench-ui}.
 */
public final class UiBench extends R57DeskApp {
    /**
     * Process start. Best given by the launching script ({@code -Dr57.launchedAt=$(date +%s%3N)}):
     * Linux derives a process's start instant from the boot time, which /proc gives in whole
     * seconds, so {@link ProcessHandle} can be off by up to a second.
     */
    private static final long START_MS = Long.getLong("r57.launchedAt",
            ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis()));

    static final int WARM_UP = 3;

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    /** Per step, the part of its time the store took to read the data (off the FX thread). */
    private final Map<String, List<Double>> querySamples = new LinkedHashMap<>();
    private List<Map.Entry<String, Place>> tour;
    private int rounds;
    private int step = -1;
    private long stepStarted;
    private MainWindow window;
    /** When the benchmark last moved on (a view drawn, an agenda step); the watchdog reads it. */
    private static volatile long lastProgressNanos = System.nanoTime();

    /**
     * How long one step may take before the benchmark gives up. A view that never arrives (a cache
     * the app refuses, e.g. one made by a newer version) would otherwise leave the run waiting for ever.
     */
    static final long STALL_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        emit("startup.main_ms", System.currentTimeMillis() - START_MS, "ms");
        // An encrypted cache (issue 24): --passcode-file unlocks the cache's folder first, as the
        // lock screen does once the passcode is typed; the unlock's own time (PBKDF2) is reported
        // apart, and is inside startup.first_dashboard_ms.
        List<String> a = List.of(args);
        int p = a.indexOf("--passcode-file");
        if (p >= 0) {
            long t0 = System.nanoTime();
            Path cache = Path.of(a.get(a.indexOf("--cache") + 1));
            var home = vn.r57desk.store.pack.DataHome.forCache(cache, null);
            char[] code = Files.readString(Path.of(a.get(p + 1))).strip().toCharArray();
            try (var key = vn.r57desk.store.pack.Passcode.in(home.keys().dir(), java.time.Clock.systemUTC()).unlock(code)) {
                vn.r57desk.store.pack.AtRest.unlock(home, key);
            } finally {
                Arrays.fill(code, '\0');
            }
            emit("startup.unlock_ms", round((System.nanoTime() - t0) / 1e6), "ms");
        }
        Thread watchdog = new Thread(UiBench::watch, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Application.launch(UiBench.class, args);
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long stalled = (System.nanoTime() - lastProgressNanos) / 1_000_000_000L;
            if (stalled >= STALL_SECONDS) {
                System.err.println("UiBench: nothing was drawn for " + stalled + " s (is the cache one this version can open? "
                        + "the window shows why); stopping without figures");
                System.exit(2);
            }
        }
    }

    @Override
    public void init() {
        emit("startup.init_begin_ms", System.currentTimeMillis() - START_MS, "ms");
        super.init();
        emit("startup.init_end_ms", System.currentTimeMillis() - START_MS, "ms");
    }

    @Override
    protected void started(MainWindow w) {
        emit("startup.window_built_ms", System.currentTimeMillis() - START_MS, "ms");
        this.window = w;
        List<String> args = getParameters().getRaw();
        int i = args.indexOf("--tour");
        rounds = i >= 0 ? Integer.parseInt(args.get(i + 1)) : 20;
        w.onShown((loaded, nanos) -> {
            lastProgressNanos = System.nanoTime();
            Place place = loaded.place();
            if (step == -1) {
                if (!(place instanceof Place.Overview)) return;
                emit("startup.first_dashboard_ms", System.currentTimeMillis() - START_MS, "ms");
                // 1 when the window has its AtlantaFX look, 0 when JavaFX's default (Modena) won:
                // a start-up race once made the app and these figures run in the lighter default.
                emit("look.atlantafx", atlantaFxLook() ? 1 : 0, "bool");
                if (rounds == 0) { // a start and nothing else: how the installers train and time a start
                    Platform.exit();
                    return;
                }
                try {
                    tour = tour(Path.of(args.get(args.indexOf("--cache") + 1)));
                } catch (Exception e) {
                    System.err.println("UiBench: " + e.getMessage());
                    Platform.exit();
                    return;
                }
                step = 0;
                next();
                return;
            }
            var current = tour.get(step % tour.size());
            if (!place.equals(current.getValue())) return;
            // The first WARM_UP tours let the JIT compile the screens; they are not counted.
            if (step >= tour.size() * WARM_UP) {
                samples.computeIfAbsent(current.getKey(), k -> new ArrayList<>()).add((nanos - stepStarted) / 1e6);
                querySamples.computeIfAbsent(current.getKey(), k -> new ArrayList<>()).add(loaded.queryNanos() / 1e6);
            }
            step++;
            if (step >= tour.size() * (rounds + WARM_UP)) finish();
            else next();
        });
    }

    private void next() {
        // Let the previous frame finish, as a user's next click would.
        Platform.runLater(() -> {
            stepStarted = System.nanoTime();
            window.navigator().go(tour.get(step % tour.size()).getValue());
        });
    }

    /** The scripted tour; places are picked from the cache being measured. */
    private static List<Map.Entry<String, Place>> tour(Path cache) throws Exception {
        try (Cache c = Cache.openExisting(cache)) {
            DrillDown dd = new DrillDown(c);
            var cat = dd.catalog();
            var system = cat.systemList().get(3);
            var ini = cat.initiativesOfSystem(system.id()).getFirst();
            long kpi = vn.r57desk.app.nav.Place.Localities.defaultKpi(cat);
            var hanoi = cat.provinces().values().stream().filter(p -> p.code().equals("01")).findFirst().orElseThrow();
            long ministry = cat.ministries().getFirst().id();
            var commune = dd.communes(hanoi.id(), kpi, java.time.LocalDate.now(), vn.r57desk.store.model.PeriodRange.programmeTo(
                    java.time.LocalDate.now()), DrillDown.CommuneOrder.CODE, 0, 1).rows().getFirst().locality();
            long kpiOfInitiative = cat.kpis().values().stream().filter(k -> k.initiativeId() != null && k.initiativeId() == ini.id())
                    .findFirst().orElseThrow().id();
            Place iniPlace = new Place.InitiativeDetail(ini.id(), system.id());
            return List.of(
                    Map.entry("systems", new Place.Systems()),
                    Map.entry("system_initiatives", new Place.SystemInitiatives(system.id())),
                    Map.entry("initiative", iniPlace),
                    Map.entry("kpi_series", new Place.KpiSeries(kpiOfInitiative, cat.nationalScope(), iniPlace)),
                    Map.entry("ministries", new Place.Ministries()),
                    Map.entry("ministry", new Place.Ministry(ministry)),
                    Map.entry("localities", new Place.Localities(kpi)),
                    Map.entry("province", new Place.Province(hanoi.id(), kpi)),
                    Map.entry("commune", new Place.Commune(commune.id(), hanoi.id(), kpi, commune.name().vi(), commune.name().en())),
                    Map.entry("deadlines", new Place.Deadlines()),
                    Map.entry("rankings", new Place.Rankings()),
                    Map.entry("overview", new Place.Overview()));
        }
    }

    private void finish() {
        double worst = 0;
        for (var e : samples.entrySet()) {
            double p95 = percentile(e.getValue(), 0.95);
            emit("drill." + e.getKey() + ".p50_ms", round(percentile(e.getValue(), 0.50)), "ms");
            emit("drill." + e.getKey() + ".p95_ms", round(p95), "ms");
            // The store's share of the step, read off the FX thread; the rest is drawing.
            List<Double> q = querySamples.get(e.getKey());
            emit("drill." + e.getKey() + ".query_p50_ms", round(percentile(q, 0.50)), "ms");
            emit("drill." + e.getKey() + ".query_p95_ms", round(percentile(q, 0.95)), "ms");
            worst = Math.max(worst, p95);
        }
        emit("drill.worst_p95_ms", round(worst), "ms");
        emit("tour.steps", samples.values().stream().mapToInt(List::size).sum(), "steps");
        emit("tour.rss_mb", round(rssMb("VmRSS")), "MB");
        // Where the resident memory is: the heap and native allocations (anon), mapped files (the
        // cache, jars, the AOT cache) and shared memory (the X server's image buffers).
        emit("tour.rss_anon_mb", round(rssMb("RssAnon")), "MB");
        emit("tour.rss_file_mb", round(rssMb("RssFile")), "MB");
        emit("tour.rss_shmem_mb", round(rssMb("RssShmem")), "MB");
        meeting();
    }

    /**
     * Presenter mode on the cache's meeting with the longest agenda: opening it (every item's
     * stocktake read once, as presenting freezes the figures), then agenda steps as Page Down makes
     * them, each timed from the step to the first frame drawn with the item's data
     * ({@code meeting.next_item.p95_ms}); after the last item the next step goes back to the first.
     */
    private void meeting() {
        var ctx = window.context();
        ctx.store().run(dd -> new vn.r57desk.store.meeting.Meetings(dd.cache(), dd).all(), all -> {
            var m = all.stream().max(java.util.Comparator.comparingInt((vn.r57desk.store.meeting.MeetingAgenda a) -> a.items().size())).orElse(null);
            if (m == null || m.items().size() < 2) {
                System.err.println("UiBench: the cache has no meeting with two agenda items or more; meeting.next_item not measured");
                Platform.exit();
                return;
            }
            emit("meeting.items", m.items().size(), "items");
            long opening = System.nanoTime();
            List<Double> steps = new ArrayList<>();
            long[] stepStart = {0};
            int[] step = {-1};
            int total = m.items().size() * (rounds + WARM_UP);
            vn.r57desk.app.meetings.PresenterWindow.open(ctx, m, 0, javafx.stage.Screen.getPrimary(), w -> w.onDrawn(t -> {
                lastProgressNanos = System.nanoTime();
                if (step[0] == -1) emit("meeting.present_open_ms", round((t - opening) / 1e6), "ms");
                else if (step[0] >= m.items().size() * WARM_UP) steps.add((t - stepStart[0]) / 1e6);
                step[0]++;
                if (step[0] >= total) {
                    emit("meeting.next_item.p50_ms", round(percentile(steps, 0.50)), "ms");
                    emit("meeting.next_item.p95_ms", round(percentile(steps, 0.95)), "ms");
                    emit("meeting.steps", steps.size(), "steps");
                    w.close();
                    Platform.exit();
                    return;
                }
                Platform.runLater(() -> {
                    stepStart[0] = System.nanoTime();
                    if (!w.viewModel().next()) w.viewModel().go(0);
                });
            }));
        }, e -> {
            System.err.println("UiBench: " + e.getMessage());
            Platform.exit();
        });
    }

    /** The p-th percentile (nearest rank, rounding up above the median) of a non-empty sample. */
    static double percentile(List<Double> values, double p) {
        double[] ms = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return ms[(int) (p > 0.5 ? Math.ceil(p * (ms.length - 1)) : Math.floor(p * (ms.length - 1)))];
    }

    /** A resident-memory figure of this process from /proc/self/status (Linux); -1 elsewhere. */
    static double rssMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(Arrays.stream(line.split("\\s+")).filter(s -> s.matches("\\d+")).findFirst().orElse("0")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return -1;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Whether the window's buttons are flat (AtlantaFX) rather than gradients (Modena). */
    private static boolean atlantaFxLook() {
        for (javafx.stage.Window win : javafx.stage.Window.getWindows()) {
            if (win.getScene() == null) continue;
            for (javafx.scene.Node n : win.getScene().getRoot().lookupAll(".button")) {
                if (n instanceof javafx.scene.control.Button b && b.getBackground() != null && !b.getBackground().getFills().isEmpty()) {
                    return b.getBackground().getFills().stream().noneMatch(f -> f.getFill() instanceof javafx.scene.paint.LinearGradient);
                }
            }
        }
        return false;
    }

    private static void emit(String name, Object value, String unit) {
        System.out.printf(Locale.ROOT, "{\"bench\":\"ui\",\"name\":\"%s\",\"value\":%s,\"unit\":\"%s\"}%n", name, value, unit);
        System.out.flush();
    }
}
