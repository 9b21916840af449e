package vn.r57desk.app.shell;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * The application: loads the bundled font and the remembered settings off the FX thread
 * ({@link #init()} runs on the launcher thread), shows the window, and saves the settings when it
 * closes.
 *
 * <p>Arguments: {@code --cache FILE} opens that cache; {@code --demo} the embedded demo data
 * (created on first start in the user's data folder); neither, the synced cache once a sync has
 * made one, else the demo data.
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
    private java.util.concurrent.CompletableFuture<ShellViewModel.Opened> early;

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
        generating = demo && !java.nio.file.Files.exists(cacheFile);
        early = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return ShellViewModel.openNow(cacheFile, demo);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
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

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage, settings);
        started(window);
        stage.show();
        window.open(cacheFile, generating, early);
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
