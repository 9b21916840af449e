package vn.r57desk.app.shell;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.nav.Navigator;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.ScreenViewModel;
import vn.r57desk.app.screens.Screens;
import vn.r57desk.store.query.DrillDown;

/**
 * The window: sidebar, breadcrumb with back/forward, the current screen, and a status bar saying
 * how old the figures are. The cache opens in the background; every screen loads off the FX thread
 * and shows a placeholder meanwhile.
 *
 * <p>Arguments: {@code --demo} (the embedded demo data, created on first start in the user's data
 * folder) or {@code --cache FILE}. With neither, the demo data is used.
 */
public final class R57DeskApp extends Application {
    public static final String DEMO_BADGE_ID = "demo-badge";
    public static final String LANGUAGE_BUTTON_ID = "language-button";
    public static final String AS_OF_ID = "as-of";
    public static final String BREADCRUMB_ID = "breadcrumb";
    public static final String BACK_ID = "nav-back";
    public static final String FORWARD_ID = "nav-forward";
    public static final String MESSAGE_ID = "status-message";

    private final Messages messages = new Messages();
    private final Navigator nav = new Navigator();
    private ShellViewModel shell;
    private ScreenViewModel screen;

    @Override
    public void start(Stage stage) {
        TaskRunner runner = new FxTaskRunner();
        shell = new ShellViewModel(runner, messages);
        screen = new ScreenViewModel(runner);

        // Header: title of the current place, demo badge, language switch.
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
        Button back = new Button("←");
        back.setId(BACK_ID);
        back.disableProperty().bind(nav.canGoBackProperty().not());
        back.setOnAction(e -> nav.back());
        Button forward = new Button("→");
        forward.setId(FORWARD_ID);
        forward.disableProperty().bind(nav.canGoForwardProperty().not());
        forward.setOnAction(e -> nav.forward());
        HBox breadcrumb = new HBox(4);
        breadcrumb.setId(BREADCRUMB_ID);
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        HBox header = new HBox(12, back, forward, title, demoBadge, spacer, language);
        header.getStyleClass().add("r57-header");
        VBox top = new VBox(header, breadcrumb);
        breadcrumb.getStyleClass().add("r57-breadcrumb");

        // Sidebar.
        ToggleGroup sections = new ToggleGroup();
        VBox sidebar = new VBox(4);
        sidebar.getStyleClass().add("r57-sidebar");
        for (String key : Screens.SECTIONS) {
            ToggleButton b = new ToggleButton();
            b.setId("nav-" + key.substring(4));
            b.setUserData(key);
            b.setToggleGroup(sections);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("r57-nav-button");
            b.setOnAction(e -> {
                DrillDown dd = shell.drillDownProperty().get();
                if (dd != null) nav.go(Screens.section(key, dd.catalog()));
            });
            sidebar.getChildren().add(b);
        }

        // Centre: progress, error, or the screen.
        Label progress = new Label();
        progress.getStyleClass().add("r57-placeholder");
        progress.textProperty().bind(shell.progressProperty());
        Label error = new Label();
        error.getStyleClass().add("r57-error");
        error.textProperty().bind(shell.errorProperty());
        StackPane center = new StackPane(progress, error);

        // Status bar.
        Label asOf = new Label();
        asOf.setId(AS_OF_ID);
        Label network = new Label();
        Label file = new Label();
        Label message = new Label();
        message.setId(MESSAGE_ID);
        HBox status = new HBox(asOf, network, file, message);
        status.getStyleClass().add("r57-status-bar");

        Runnable relabel = () -> {
            DrillDown dd = shell.drillDownProperty().get();
            Place p = nav.current();
            title.setText(dd == null ? messages.get("app.name") : p.title(messages, dd.catalog()));
            demoBadge.setText(messages.get("demo.badge"));
            demoTip.setText(messages.get("demo.tooltip"));
            language.setText(messages.get("lang.switch"));
            back.setTooltip(new Tooltip(messages.get("nav.back")));
            forward.setTooltip(new Tooltip(messages.get("nav.forward")));
            stage.setTitle(messages.get("app.title"));
            network.setText(messages.get("status.offline"));
            asOf.setText(dd == null ? "" : messages.get("status.asOf", shell.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
            file.setText(shell.cacheFileProperty().get() == null ? "" : messages.get("status.cache", shell.cacheFileProperty().get()));
            for (var t : sections.getToggles()) {
                ToggleButton b = (ToggleButton) t;
                b.setText(messages.get((String) b.getUserData()));
                b.setSelected(dd != null && Screens.section((String) b.getUserData(), dd.catalog()).getClass() == p.section().getClass());
            }
            breadcrumb.getChildren().clear();
            if (dd != null) {
                List<Place> path = Place.path(p);
                for (int i = 0; i < path.size(); i++) {
                    Place step = path.get(i);
                    if (i > 0) breadcrumb.getChildren().add(new Label("›"));
                    if (i == path.size() - 1) {
                        Label here = new Label(step.title(messages, dd.catalog()));
                        here.getStyleClass().add("r57-breadcrumb-here");
                        breadcrumb.getChildren().add(here);
                    } else {
                        Hyperlink link = new Hyperlink(step.title(messages, dd.catalog()));
                        link.setOnAction(e -> nav.go(step));
                        breadcrumb.getChildren().add(link);
                    }
                }
            }
        };

        Runnable reload = () -> {
            DrillDown dd = shell.drillDownProperty().get();
            if (dd != null) screen.show(dd, nav.current(), shell.today());
        };
        messages.localeProperty().addListener((o, a, b) -> {
            relabel.run();
            redraw(center, runner, message);
        });
        nav.currentProperty().addListener((o, a, b) -> {
            relabel.run();
            reload.run();
        });
        shell.drillDownProperty().addListener((o, a, dd) -> {
            demoBadge.setVisible(dd.catalog().isDemo());
            relabel.run();
            reload.run();
        });
        screen.loadingProperty().addListener((o, a, loading) -> {
            if (loading == null) return;
            Label wait = new Label(messages.get("loading.screen"));
            wait.getStyleClass().add("r57-placeholder");
            center.getChildren().setAll(wait);
        });
        screen.loadedProperty().addListener((o, a, b) -> redraw(center, runner, message));
        screen.errorProperty().addListener((o, a, err) -> {
            if (err == null) return;
            Label l = new Label(messages.get("error.screen", err));
            l.getStyleClass().add("r57-error");
            center.getChildren().setAll(l);
        });
        relabel.run();

        BorderPane root = new BorderPane(center, top, null, status, sidebar);
        // Fit small laptop screens; 1440 × 900 where there is room.
        var screenBounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screenBounds.getWidth()), Math.min(900, screenBounds.getHeight()));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(R57DeskApp.class.getResource("/vn/r57desk/styles/r57.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::toggleLanguage);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), nav::back);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), nav::forward);
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.BACK) nav.back();
            else if (e.getButton() == MouseButton.FORWARD) nav.forward();
        });
        stage.setScene(scene);
        stage.show();

        List<String> args = getParameters().getRaw();
        int i = args.indexOf("--cache");
        if (i >= 0 && i + 1 < args.size()) shell.open(Path.of(args.get(i + 1)), false);
        else shell.open(AppData.demoCache(), true);
    }

    private void redraw(StackPane center, TaskRunner runner, Label message) {
        var loaded = screen.loadedProperty().get();
        DrillDown dd = shell.drillDownProperty().get();
        if (loaded == null || dd == null || !loaded.place().equals(nav.current())) return;
        Ctx ctx = new Ctx(messages, nav, dd.catalog(), runner, message::setText);
        Node content = Screens.render(ctx, loaded);
        VBox padded = new VBox(content);
        padded.getStyleClass().add("r57-content");
        ScrollPane scroll = new ScrollPane(padded);
        scroll.setFitToWidth(true);
        center.getChildren().setAll(scroll);
    }

    private void toggleLanguage() {
        messages.localeProperty().set(messages.english() ? Messages.VI : Messages.EN);
    }

    @Override
    public void stop() {
        if (shell != null) shell.close();
    }
}
