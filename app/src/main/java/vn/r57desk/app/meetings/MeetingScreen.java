package vn.r57desk.app.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.material2.Material2MZ;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.widgets.Icons;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.meeting.Decisions;
import vn.r57desk.store.meeting.MeetingAction;
import vn.r57desk.store.meeting.MeetingAgenda;
import vn.r57desk.store.meeting.Meetings;
import vn.r57desk.store.query.DrillDown;

/** One meeting: when and where, its agenda (each item opens its stocktake), Present, and the decisions recorded in it. */
public final class MeetingScreen implements Screen<Place.Meeting, MeetingScreen.Data> {
    public static final String PRESENT_ID = "meeting-present";
    public static final String HANDOUT_ID = "meeting-handout";
    /** Presenter mode's shortcut. F5 (PowerPoint's) already syncs; F11 is full screen in browsers, which presenting is. */
    public static final KeyCombination PRESENT_KEY = new KeyCodeCombination(KeyCode.F11);

    public record Data(MeetingAgenda meeting, List<MeetingAction> decisions, LocalDate dataDay) {}

    @Override
    public Class<Place.Meeting> placeType() {
        return Place.Meeting.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Meeting place, LocalDate today) throws CacheException {
        Meetings meetings = new Meetings(dd.cache(), dd);
        MeetingAgenda m = meetings.meeting(place.meetingId()).orElseThrow(() -> new IllegalArgumentException(
                "Không còn phiên họp " + place.meetingId() + " trong dữ liệu. / Meeting " + place.meetingId() + " is no longer in the data."));
        return new Data(m, DecisionsPanel.of(new Decisions(dd.cache(), Clock.systemUTC()), m.meeting().id(), null), meetings.dataDay(today));
    }

    @Override
    public Node render(Ctx ctx, Place.Meeting here, Data data) {
        MeetingAgenda m = data.meeting();
        var when = StocktakeView.wrapped(ctx.t("meeting.when", MeetingsScreen.WHEN.format(m.meeting().startsAt()),
                m.meeting().location() == null ? "–" : m.meeting().location(), m.items().size(), m.totalMinutes()), Styles.FACT_VALUE);
        var asOf = StocktakeView.wrapped(ctx.t("meeting.dataAsOf", ctx.date(data.dataDay())), Styles.MUTED);
        Button present = presentButton(ctx, m, 0);
        Button handout = Icons.on(new Button(ctx.t("meeting.handout")), Material2MZ.PICTURE_AS_PDF);
        handout.setId(HANDOUT_ID);
        handout.setTooltip(new Tooltip(ctx.t("meeting.handoutTip")));
        handout.setOnAction(e -> handout(ctx, m, data.dataDay(), handout));
        FlowPane actions = new FlowPane(12, 8, present, handout);
        VBox box = new VBox(12, when, asOf, actions, StocktakeView.section(ctx.t("meeting.agenda", m.items().size())),
                MeetingsScreen.agenda(ctx, m), DecisionsPanel.build(ctx, m, null, data.decisions()));
        return box;
    }

    /**
     * "Tài liệu PDF / Handout PDF": the whole meeting as one PDF (offline-store's HandoutPdf: cover,
     * contents, a section per item, the as-of date on every page, a watermark naming this laptop's
     * user), written off the FX thread where the user chooses, in the window's language.
     */
    static void handout(Ctx ctx, MeetingAgenda m, LocalDate dataDay, Node owner) {
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setInitialFileName((ctx.m().english() ? "meeting-" : "phien-hop-") + m.meeting().id() + "-" + m.meeting().startsAt().toLocalDate() + ".pdf");
        fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        var file = fc.showSaveDialog(owner.getScene().getWindow());
        if (file != null) writeHandout(ctx, m, dataDay, file.toPath());
    }

    /** Writes the meeting's handout to {@code file} off the FX thread; the status bar says where, or why not. */
    public static void writeHandout(Ctx ctx, MeetingAgenda m, LocalDate dataDay, java.nio.file.Path file) {
        var options = new vn.r57desk.store.handout.HandoutPdf.Options(ctx.m().locale(), System.getProperty("user.name", "?"), Clock.systemUTC(), dataDay);
        ctx.toast().accept(ctx.t("meeting.handoutWriting"));
        ctx.store().run(dd -> vn.r57desk.store.handout.HandoutPdf.write(dd.cache(), m.meeting().id(), file, options),
                r -> ctx.toast().accept(ctx.t("meeting.handoutSaved", r.file().toString(), r.pages())),
                err -> ctx.toast().accept(ctx.t("meeting.handoutError", err.getMessage() == null ? err.toString() : err.getMessage())));
    }

    /**
     * "Trình chiếu / Present" (and F11 while the button is on screen): presenter mode from item
     * {@code start}, on the screen the user picks when there are several (the projector first).
     */
    static Button presentButton(Ctx ctx, MeetingAgenda m, int start) {
        Button present = Icons.on(new Button(ctx.t("meeting.present")), Material2MZ.SLIDESHOW);
        present.setId(PRESENT_ID);
        present.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        present.setTooltip(new Tooltip(ctx.t("meeting.presentTip")));
        Runnable go = () -> {
            if (ctx.presenting().isPresenting()) return;
            chooseScreen(ctx, present).ifPresent(screen -> PresenterWindow.open(ctx, m, start, screen, present.getScene() == null ? null : present.getScene().getWindow(), w -> { }));
        };
        present.setOnAction(e -> go.run());
        // The shortcut lives as long as the button is in the window.
        present.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.getAccelerators().remove(PRESENT_KEY);
            if (scene != null) scene.getAccelerators().put(PRESENT_KEY, go);
        });
        return present;
    }

    /** The screen to present on: the only one, or the one the user picks (a screen other than the laptop's first). */
    static java.util.Optional<javafx.stage.Screen> chooseScreen(Ctx ctx, Node owner) {
        List<javafx.stage.Screen> screens = javafx.stage.Screen.getScreens();
        if (screens.size() <= 1) return java.util.Optional.of(javafx.stage.Screen.getPrimary());
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < screens.size(); i++) {
            var b = screens.get(i).getBounds();
            names.add(ctx.t("presenter.screen", i + 1, (int) b.getWidth(), (int) b.getHeight())
                    + (screens.get(i).equals(javafx.stage.Screen.getPrimary()) ? " · " + ctx.t("presenter.primary") : ""));
        }
        int preferred = screens.indexOf(screens.stream().filter(s -> !s.equals(javafx.stage.Screen.getPrimary())).findFirst().orElse(screens.getFirst()));
        ChoiceDialog<String> d = new ChoiceDialog<>(names.get(preferred), names);
        Scene scene = owner.getScene();
        if (scene != null) d.initOwner(scene.getWindow());
        d.setTitle(ctx.t("meeting.present"));
        d.setHeaderText(ctx.t("presenter.chooseScreen"));
        return d.showAndWait().map(names::indexOf).filter(i -> i >= 0).map(screens::get);
    }
}
