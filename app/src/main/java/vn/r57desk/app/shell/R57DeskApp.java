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
 * <p>Arguments: {@code --cache FILE} opens that cache; otherwise the embedded demo data (created
 * on first start in the user's data folder).
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

    @Override
    public void init() {
        for (String f : List.of("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")) {
            try (var in = R57DeskApp.class.getResourceAsStream("/vn/r57desk/styles/fonts/" + f)) {
                if (in != null) Font.loadFont(in, 14);
            } catch (java.io.IOException ignored) {
                // The OS font then renders the text; not a reason to stop.
            }
        }
        settings = Settings.load(Settings.file());
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage, settings);
        started(window);
        stage.show();
        List<String> args = getParameters().getRaw();
        int i = args.indexOf("--cache");
        if (i >= 0 && i + 1 < args.size()) window.open(Path.of(args.get(i + 1)), false);
        else window.open(AppData.demoCache(), true);
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
