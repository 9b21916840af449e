package vn.r57desk.app.shell;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.overview.OverviewView;
import vn.r57desk.app.overview.OverviewViewModel;

/**
 * The window: a header with the demo-data badge and the language switch, the current screen, and a
 * status bar saying how old the figures are. The cache opens in the background; the window shows
 * at once with a placeholder.
 *
 * <p>Arguments: {@code --demo} (the embedded demo data, created on first start in the user's data
 * folder) or {@code --cache FILE}. With neither, the demo data is used.
 */
public final class R57DeskApp extends Application {
    public static final String DEMO_BADGE_ID = "demo-badge";
    public static final String LANGUAGE_BUTTON_ID = "language-button";
    public static final String AS_OF_ID = "as-of";

    private final Messages messages = new Messages();
    private ShellViewModel shell;

    @Override
    public void start(Stage stage) {
        TaskRunner runner = new FxTaskRunner();
        shell = new ShellViewModel(runner, messages);
        OverviewViewModel overviewVm = new OverviewViewModel(runner);
        OverviewView overview = new OverviewView(overviewVm, messages);

        Label title = new Label();
        title.getStyleClass().add("r57-title");
        Label demoBadge = new Label();
        demoBadge.setId(DEMO_BADGE_ID);
        demoBadge.getStyleClass().add("r57-demo-badge");
        demoBadge.setVisible(false);
        Tooltip demoTip = new Tooltip();
        demoBadge.setTooltip(demoTip);
        Button language = new Button();
        language.setId(LANGUAGE_BUTTON_ID);
        language.setOnAction(e -> toggleLanguage());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, demoBadge, spacer, language);
        header.getStyleClass().add("r57-header");

        Label progress = new Label();
        progress.getStyleClass().add("r57-placeholder");
        progress.textProperty().bind(shell.progressProperty());
        Label error = new Label();
        error.getStyleClass().add("r57-error");
        error.textProperty().bind(shell.errorProperty());
        StackPane center = new StackPane(progress, error);
        StackPane.setAlignment(progress, Pos.CENTER);

        Label asOf = new Label();
        asOf.setId(AS_OF_ID);
        Label network = new Label();
        Label file = new Label();
        HBox status = new HBox(asOf, network, file);
        status.getStyleClass().add("r57-status-bar");

        Runnable relabel = () -> {
            title.setText(messages.get("overview.title"));
            demoBadge.setText(messages.get("demo.badge"));
            demoTip.setText(messages.get("demo.tooltip"));
            language.setText(messages.get("lang.switch"));
            stage.setTitle(messages.get("app.title"));
            network.setText(messages.get("status.offline"));
            var dd = shell.drillDownProperty().get();
            asOf.setText(dd == null ? "" : messages.get("status.asOf",
                    shell.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
            file.setText(shell.cacheFileProperty().get() == null ? "" : messages.get("status.cache", shell.cacheFileProperty().get()));
        };
        messages.localeProperty().addListener((o, a, b) -> relabel.run());
        shell.drillDownProperty().addListener((o, a, dd) -> {
            relabel.run();
            demoBadge.setVisible(dd.catalog().isDemo());
            center.getChildren().setAll(overview.node());
            overviewVm.load(dd, shell.today());
        });
        relabel.run();

        BorderPane root = new BorderPane(center, header, null, status, null);
        // Fit small laptop screens; 1440 × 900 where there is room.
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(R57DeskApp.class.getResource("/vn/r57desk/styles/r57.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::toggleLanguage);
        stage.setScene(scene);
        stage.show();

        List<String> args = getParameters().getRaw();
        int i = args.indexOf("--cache");
        if (i >= 0 && i + 1 < args.size()) shell.open(Path.of(args.get(i + 1)), false);
        else shell.open(AppData.demoCache(), true);
    }

    private void toggleLanguage() {
        messages.localeProperty().set(messages.english() ? Messages.VI : Messages.EN);
    }

    @Override
    public void stop() {
        if (shell != null) shell.close();
    }
}
