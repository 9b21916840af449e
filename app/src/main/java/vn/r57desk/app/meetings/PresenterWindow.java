package vn.r57desk.app.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.theme.Theme;
import vn.r57desk.store.meeting.MeetingAgenda;
import vn.r57desk.store.meeting.Meetings;

/**
 * Presenter mode: a separate full-screen window on the chosen screen, in the projector theme,
 * showing the agenda item after item. Keys are what presentation clickers send: Page Down / Page Up,
 * the arrows and Space step; B (or ".") blanks the screen and B again returns; S puts one chart in
 * the spotlight after another; D records a decision; Esc leaves. The figures are read once when
 * presenting starts, and syncs wait until it ends ({@code Ctx.presenting()}), so nothing changes
 * under the speaker. The as-of date is always on screen.
 */
public final class PresenterWindow {
    public static final String ROOT_ID = "presenter";
    public static final String BLANK_ID = "presenter-blank";
    public static final String POSITION_ID = "presenter-position";
    public static final String COUNTDOWN_ID = "presenter-countdown";
    public static final String AS_OF_ID = "presenter-as-of";
    public static final String ITEM_ID = "presenter-item";
    public static final String MESSAGE_ID = "presenter-message";

    private final Ctx ctx;
    private final MeetingAgenda meeting;
    private final List<StocktakeView.Data> items;
    private final PresenterViewModel vm;
    private final Stage stage = new Stage();
    private final ScrollPane scroll = new ScrollPane();
    private final Label position = new Label();
    private final Label countdown = new Label();
    /** What the laptop's status bar would say (a decision saved, an error), shown where the speaker looks. */
    private final Label message = new Label();
    private final javafx.animation.PauseTransition messageExpiry = new javafx.animation.PauseTransition(Duration.seconds(8));
    private final Timeline tick;
    private StocktakeView.View shown;
    private Consumer<Long> onDrawn = t -> { };

    private PresenterWindow(Ctx main, MeetingAgenda meeting, List<StocktakeView.Data> items, int start, javafx.stage.Screen screen) {
        // The projector's look on this window only; the laptop's window keeps its own.
        // Messages go to the laptop's status bar too (its log of what happened) and, for a while,
        // to this window's bottom bar: the speaker at the projector never sees the laptop's.
        this.ctx = new Ctx(main.m(), main.nav(), main.catalog(), main.runner(), text -> {
            main.toast().accept(text);
            say(text);
        }, Theme.PROJECTOR, main.feedback(), main.asOf(), main.store(), main.presenting());
        this.meeting = meeting;
        this.items = items;
        this.vm = new PresenterViewModel(meeting.items().stream().map(i -> i.minutes()).toList(), start, System::currentTimeMillis);

        tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> showCountdown()));
        tick.setCycleCount(Timeline.INDEFINITE);
        Label title = new Label(ctx.name(meeting.meeting().title()));
        title.setWrapText(true);
        title.getStyleClass().add(Styles.PRESENTER_MEETING);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        position.setId(POSITION_ID);
        position.setMinWidth(Region.USE_PREF_SIZE);
        Label asOf = new Label(ctx.t("presenter.asOf", ctx.date(items.get(vm.index()).stocktake().asOf())));
        asOf.setId(AS_OF_ID);
        asOf.setMinWidth(Region.USE_PREF_SIZE);
        countdown.setId(COUNTDOWN_ID);
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        countdown.getStyleClass().add(Styles.MUTED);
        HBox top = new HBox(16, title, position, asOf, countdown);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add(Styles.PRESENTER_BAR);
        Label keys = new Label(ctx.t("presenter.keys"));
        keys.setWrapText(true);
        keys.getStyleClass().add(Styles.MUTED);
        HBox.setHgrow(keys, Priority.ALWAYS);
        keys.setMaxWidth(Double.MAX_VALUE);
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.setStyle("-fx-font-weight: bold;");
        messageExpiry.setOnFinished(e -> message.setText(""));
        HBox bottom = new HBox(16, keys, message);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.getStyleClass().add(Styles.PRESENTER_BAR);

        scroll.setFitToWidth(true);
        scroll.setId(ITEM_ID);
        BorderPane page = new BorderPane(scroll, top, null, bottom, null);
        Region black = new Region();
        black.setId(BLANK_ID);
        black.setStyle("-fx-background-color: black;"); // a blank projector is black whatever the theme
        black.visibleProperty().bind(vm.blankProperty());
        StackPane root = new StackPane(page, black);
        root.setId(ROOT_ID);
        root.getProperties().put(PresenterWindow.class, this); // how tests and tools find the window from its scene
        root.getStyleClass().add(Styles.BACKGROUND);

        Rectangle2D b = screen.getBounds();
        Scene scene = new Scene(root, b.getWidth(), b.getHeight());
        scene.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().setAll(Theme.PROJECTOR.stylesheets());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setScene(scene);
        stage.setTitle(ctx.t("presenter.title", ctx.name(meeting.meeting().title())));
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours: it leaves presenting
        stage.setFullScreen(true);
        stage.setOnHidden(e -> {
            tick.stop();
            ctx.presenting().set(false);
        });

        vm.indexProperty().addListener((o, a, i) -> draw());
        vm.spotlightProperty().addListener((o, a, s) -> spotlight(s.intValue()));
    }

    /**
     * Starts presenting {@code meeting} from item {@code start} on {@code screen}: the stocktakes are
     * read off the FX thread, then the window opens. Syncs wait from now until it closes.
     */
    public static void open(Ctx ctx, MeetingAgenda meeting, int start, javafx.stage.Screen screen, Consumer<PresenterWindow> opened) {
        open(ctx, meeting, start, screen, null, opened);
    }

    /** {@code backTo}: the window that gets the keyboard back when presenting ends (the laptop's), or null. */
    public static void open(Ctx ctx, MeetingAgenda meeting, int start, javafx.stage.Screen screen, javafx.stage.Window backTo,
                            Consumer<PresenterWindow> opened) {
        if (meeting.items().isEmpty()) {
            ctx.toast().accept(ctx.t("presenter.empty"));
            return;
        }
        ctx.presenting().set(true);
        ctx.toast().accept(ctx.t("presenter.loading"));
        ctx.store().run(dd -> {
            Meetings meetings = new Meetings(dd.cache(), dd);
            java.time.LocalDate today = dd.catalog().dataAsOf() != null ? dd.catalog().dataAsOf() : java.time.LocalDate.now();
            List<StocktakeView.Data> out = new ArrayList<>();
            for (var item : meeting.items()) out.add(StocktakeScreen.read(dd, meetings, meeting, item, today));
            return out;
        }, data -> {
            PresenterWindow w = new PresenterWindow(ctx, meeting, data, start, screen);
            if (backTo != null) w.stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> backTo.requestFocus());
            w.show();
            ctx.toast().accept("");
            opened.accept(w);
        }, err -> {
            ctx.presenting().set(false);
            ctx.toast().accept(ctx.t("presenter.error", err.getMessage() == null ? err.toString() : err.getMessage()));
        });
    }

    private void show() {
        stage.show();
        stage.toFront();
        draw();
        tick.play();
    }

    /** Called on the FX thread with System.nanoTime() once an item has been drawn (the benchmark's end of a step). */
    public void onDrawn(Consumer<Long> listener) {
        this.onDrawn = listener;
    }

    public PresenterViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    public void close() {
        stage.close();
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        switch (k) {
            case PAGE_DOWN, RIGHT, DOWN, SPACE, ENTER -> vm.next();
            case PAGE_UP, LEFT, UP, BACK_SPACE -> vm.previous();
            case HOME -> vm.go(0);
            case END -> vm.go(vm.count() - 1);
            case B, PERIOD -> vm.toggleBlank();
            case S -> vm.spotlightNext(shown == null ? 0 : shown.charts().size());
            case D -> DecisionsPanel.record(ctx, meeting, meeting.items().get(vm.index()), scroll, a -> reloadDecisions());
            case ESCAPE -> close();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** After a decision was recorded: the item's decisions read again (the rest of its figures stay as they were). */
    private void reloadDecisions() {
        int i = vm.index();
        var item = meeting.items().get(i);
        ctx.store().run(dd -> DecisionsPanel.of(new vn.r57desk.store.meeting.Decisions(dd.cache(), java.time.Clock.systemUTC()),
                meeting.meeting().id(), item), list -> {
                    var d = items.get(i);
                    items.set(i, new StocktakeView.Data(d.stocktake(), list, d.notes()));
                    if (vm.index() == i) draw();
                }, err -> ctx.toast().accept(ctx.t("decision.error", err.getMessage())));
    }

    private void draw() {
        int i = vm.index();
        var data = items.get(i);
        Place here = MeetingsScreen.place(meeting, meeting.items().get(i));
        shown = StocktakeView.build(ctx, here, data, true);
        VBox padded = new VBox(shown.node());
        padded.setPadding(new Insets(16, 24, 16, 24));
        scroll.setContent(padded);
        scroll.setVvalue(0);
        position.setText(ctx.t("presenter.position", i + 1, vm.count()));
        showCountdown();
        AnimationTimer[] timer = new AnimationTimer[1];
        timer[0] = new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) return;
                timer[0].stop();
                onDrawn.accept(System.nanoTime());
            }
        };
        timer[0].start();
    }

    private void say(String text) {
        message.setText(text == null ? "" : text);
        messageExpiry.playFromStart();
    }

    /** This window's context: its messages show in its own bottom bar. */
    public Ctx context() {
        return ctx;
    }

    private void showCountdown() {
        Long left = vm.secondsLeft();
        countdown.setText(left == null ? "" : ctx.t(left >= 0 ? "presenter.left" : "presenter.over", PresenterViewModel.clock(Math.abs(left))));
        countdown.getStyleClass().remove(Styles.RAG_RED);
        if (left != null && left < 0) countdown.getStyleClass().add(Styles.RAG_RED);
    }

    /** Fades everything but chart {@code s} (-1: nothing faded), and scrolls it into view. */
    private void spotlight(int s) {
        if (shown == null) return;
        VBox box = (VBox) shown.node();
        for (Node n : box.getChildren()) n.setOpacity(s < 0 ? 1 : 0.12);
        for (int c = 0; c < shown.charts().size(); c++) {
            Node chart = shown.charts().get(c);
            chart.setOpacity(s < 0 || c == s ? 1 : 0.12);
            if (c == s) {
                chart.getParent().setOpacity(1);
                double y = chart.localToScene(0, 0).getY() - box.localToScene(0, 0).getY();
                double h = box.getHeight() - scroll.getViewportBounds().getHeight();
                if (h > 0) scroll.setVvalue(Math.max(0, Math.min(1, (y - 8) / h)));
            }
        }
    }
}
