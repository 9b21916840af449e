package vn.r57desk.app.shell;

import java.nio.file.Path;
import java.util.List;

import java.time.Clock;

import javafx.application.Application;
import javafx.scene.text.Font;
import javafx.stage.Stage;

import vn.r57desk.app.packs.DatasetsViewModel;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.PackException;

/**
 * The application: loads the bundled font and the remembered settings off the FX thread
 * ({@link #init()} runs on the launcher thread), shows the window, and saves the settings when it
 * closes.
 *
 * <p>Arguments: {@code --cache FILE} opens that cache; {@code --demo} the embedded demo data
 * (created on first start in the user's data folder); neither, the dataset chosen last time (the
 * synced data, an imported briefing pack, the demo data) when it is still there, else the synced
 * cache once a sync has made one, else the demo data. Expired packs are wiped first.
 */
public class R57DeskApp extends Application {
    /** Test and screenshot ids, kept here for callers that started with this class. */
    public static final String DEMO_BADGE_ID = MainWindow.DEMO_BADGE_ID;
    public static final String LANGUAGE_BUTTON_ID = MainWindow.LANGUAGE_BUTTON_ID;
    public static final String AS_OF_ID = MainWindow.AS_OF_ID;
    public static final String BREADCRUMB_ID = MainWindow.BREADCRUMB_ID;
    public static final String BACK_ID = MainWindow.BACK_ID;
    public static final String FORWARD_ID = MainWindow.FORWARD_ID;

    private Settings settings = Settings.DEFAULT;
    private MainWindow window;
    private Path cacheFile;
    private boolean demo;
    private boolean generating;
    private boolean lockedAtStart;
    private boolean chooseAny;
    private boolean explicitFile;
    private java.util.concurrent.CompletableFuture<ShellViewModel.Opened> early;
    /** What the expiry check at start found (null: it could not run), and the chosen pack it wiped. */
    private DataHome.ExpiryReport expiry;
    private DataHome.Dataset expiredChoice;
    /** The synced cache's check at start, when it found something to say (damaged, newer, in use). */
    private vn.r57desk.store.db.SyncedCacheCheck.Result syncedCheck;

    @Override
    public void init() {
        // Start opening the data now, on another thread, while the window is being built.
        List<String> args = getParameters().getRaw();
        settings = Settings.load(Settings.file());
        int i = args.indexOf("--cache");
        boolean explicit = i >= 0 && i + 1 < args.size();
        // No choice given: the synced cache once there is one, else the embedded demo data.
        boolean synced = !explicit && !args.contains("--demo") && !settings.server().isBlank()
                && java.nio.file.Files.exists(AppData.syncedCache());
        demo = !explicit && !synced;
        cacheFile = explicit ? Path.of(args.get(i + 1)) : synced ? AppData.syncedCache() : AppData.demoCache();
        chooseAny = !explicit && !args.contains("--demo");
        explicitFile = explicit;
        // A passcode protects this laptop's data: nothing of it is read (not even which packs have
        // expired) until the passcode is typed; start() shows the lock first.
        lockedAtStart = passcode().isSet();
        if (!lockedAtStart) {
            prepare();
            early = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return ShellViewModel.openNow(cacheFile, demo);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
        }
        // The theme's stylesheet is named before any control class can load. The first control
        // class to initialise (javafx.scene.control.Control) queues JavaFX's default look (Modena)
        // when no user-agent stylesheet is set yet; initialised by the warm-up thread below while
        // start() runs, that queued default landed after the window's own theme and the whole app
        // showed Modena, depending on timing.
        Application.setUserAgentStylesheet(settings.theme().userAgentStylesheet());
        // Load the dashboard's heavier classes off the FX thread as well.
        Thread warm = new Thread(() -> {
            for (String c : List.of("eu.hansolo.tilesfx.Tile", "eu.hansolo.tilesfx.TileBuilder", "eu.hansolo.tilesfx.skins.NumberTileSkin",
                    "javafx.scene.chart.StackedBarChart", "javafx.scene.chart.LineChart", "javafx.scene.control.TableView")) {
                try {
                    Class.forName(c, true, R57DeskApp.class.getClassLoader());
                } catch (Throwable ignored) {
                    // only a warm-up
                }
            }
            // The first icon finds Ikonli's icon packs (a service lookup over the class path) and
            // loads their font: ~70 ms the window's construction spent on the FX thread at its
            // first button (the status bar's Sync now). A node not yet in a scene may be made here.
            try {
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2MZ.SYNC);
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.LOCK);
            } catch (Throwable ignored) {
                // only a warm-up
            }
        }, "r57-warm-up");
        warm.setDaemon(true);
        warm.start();
        for (String f : List.of("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")) {
            try (var in = R57DeskApp.class.getResourceAsStream("/vn/r57desk/styles/fonts/" + f)) {
                if (in != null) Font.loadFont(in, 14);
            } catch (java.io.IOException ignored) {
                // The OS font then renders the text; not a reason to stop.
            }
        }
    }

    private static vn.r57desk.store.pack.Passcode passcode() {
        return vn.r57desk.store.pack.Passcode.in(DataHome.forCache(AppData.syncedCache(), null).keys().dir(), Clock.systemUTC());
    }

    /** Which data opens: expiry enforced, the dataset chosen last time, the synced cache checked. Reads the disk. */
    private void prepare() {
        if (chooseAny) chooseDataset();
        if (!explicitFile && cacheFile.toAbsolutePath().normalize().equals(AppData.syncedCache().toAbsolutePath().normalize())) checkSyncedCache();
        generating = demo && !java.nio.file.Files.exists(cacheFile);
    }

    /**
     * Expiry first, offline, before any data opens: a pack past its end is wiped and never shown.
     * Then the dataset chosen last time (Settings.dataset) when it is still here.
     */
    private void chooseDataset() {
        DataHome home = DataHome.forCache(AppData.syncedCache(), null);
        try {
            expiry = home.enforceExpiry(Clock.systemUTC(), DatasetsViewModel.WARN_DAYS);
            String id = settings.dataset();
            expiredChoice = expiry.wiped().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
            for (DataHome.Dataset d : home.datasets()) {
                if (!d.id().equals(id)) continue;
                cacheFile = d.file();
                demo = d.kind() == DataHome.Kind.DEMO;
            }
        } catch (PackException e) {
            System.getLogger(R57DeskApp.class.getName()).log(System.Logger.Level.WARNING,
                    "could not check the briefing packs' expiry in " + home.packsDir() + ": " + e.getMessage());
        }
    }

    /**
     * A damaged synced cache is not hidden behind the demo data: the header, size and schema are
     * checked (milliseconds; every page would take over a second at national scale, and the CLI's
     * verify does that); a damaged file is moved aside, never deleted, the demo data opens, and the
     * window says what happened and offers to sync again.
     */
    private void checkSyncedCache() {
        var r = vn.r57desk.store.db.SyncedCacheCheck.check(cacheFile, Clock.systemUTC(), false);
        if (r.usable() || r.outcome() == vn.r57desk.store.db.SyncedCacheCheck.Outcome.MISSING) return;
        System.getLogger(R57DeskApp.class.getName()).log(System.Logger.Level.WARNING,
                "the synced cache " + cacheFile + " was not opened: " + r.outcome() + " (" + r.detail() + ")");
        syncedCheck = r;
        cacheFile = AppData.demoCache();
        demo = true;
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage, settings);
        started(window);
        stage.show();
        if (lockedAtStart) {
            window.lockAtStart(key -> {
                // The data folder's files open encrypted under this key from now on (registered
                // before the lock lifts: a sync held while locked then writes encrypted); then, off
                // the FX thread, a conversion a crash cut short is finished and the same choice of
                // data as an unlocked start is made.
                vn.r57desk.store.pack.AtRest.unlock(DataHome.forCache(AppData.syncedCache(), null), key);
                window.dataKeyArrived(key.bytes());
                window.runner().run(() -> {
                    try (key) {
                        DataHome home = DataHome.forCache(AppData.syncedCache(), null);
                        if (vn.r57desk.store.pack.AtRest.hasPlaintext(home)) vn.r57desk.store.pack.AtRest.encryptExisting(home, key, p -> { });
                    }
                    prepare();
                    return null;
                }, ok -> opened(), err -> {
                    System.getLogger(R57DeskApp.class.getName()).log(System.Logger.Level.WARNING, "opening after unlock: " + err.getMessage());
                    opened();
                });
            });
            return;
        }
        window.open(cacheFile, generating, early);
        reportStart();
        window.openedUnlocked();
    }

    private void opened() {
        window.open(cacheFile, demo);
        reportStart();
    }

    private void reportStart() {
        if (expiry != null) window.datasets().expiryEnforced(expiry, expiredChoice);
        if (syncedCheck != null) window.syncedCacheRefused(syncedCheck);
    }

    /** The window, once started (tests read its state, e.g. whether a meeting is being presented). */
    public MainWindow window() {
        return window;
    }

    /** Hook for subclasses (the UI benchmark) to watch the window before it opens data. */
    protected void started(MainWindow window) {
    }

    @Override
    public void stop() {
        if (window == null) return;
        Settings now = window.settings();
        window.close();
        // A non-daemon thread: the JVM finishes writing before it exits, and the FX thread does not wait on disk.
        Thread save = new Thread(() -> {
            try {
                now.save(Settings.file());
            } catch (java.io.IOException e) {
                System.err.println("R57 Desk: could not save settings to " + Settings.file() + ": " + e.getMessage());
            }
        }, "r57-save-settings");
        save.setDaemon(false);
        save.start();
    }
}
