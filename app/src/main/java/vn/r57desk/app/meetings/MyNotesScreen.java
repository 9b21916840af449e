package vn.r57desk.app.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.notes.PrivateNotesPanel;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.meeting.MeetingAgenda;
import vn.r57desk.store.meeting.Meetings;
import vn.r57desk.store.meeting.Note;
import vn.r57desk.store.meeting.Notes;
import vn.r57desk.store.meeting.Subject;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.text.VietnameseText;

/**
 * "Ghi chú của tôi / My notes": every note on this laptop, private and sent, newest first, each
 * with where it stands and a link to its place; the box filters them with the app's
 * diacritic-free search ("ha noi" finds "Hà Nội").
 */
public final class MyNotesScreen implements Screen<Place.MyNotes, MyNotesScreen.Data> {
    public static final String SEARCH_ID = "mynotes-search";
    public static final String LIST_ID = "mynotes-list";

    /** A note with the name of its place and the place it opens (null when the data no longer has it). */
    public record Line(Note note, Bilingual where, Place place) {}

    public record Data(List<Line> lines) {}

    @Override
    public Class<Place.MyNotes> placeType() {
        return Place.MyNotes.class;
    }

    @Override
    public Data load(DrillDown dd, Place.MyNotes place, LocalDate today) throws CacheException {
        List<Note> notes = new Notes(dd.cache(), Clock.systemUTC()).all();
        List<MeetingAgenda> meetings = notes.stream().anyMatch(n -> n.anchorKind().equals("agenda_item") || n.anchorKind().equals("meeting"))
                ? new Meetings(dd.cache(), dd).all() : List.of();
        List<Line> out = new ArrayList<>();
        for (Note n : notes) out.add(line(dd, n, meetings));
        return new Data(out);
    }

    private static Line line(DrillDown dd, Note n, List<MeetingAgenda> meetings) {
        var cat = dd.catalog();
        switch (n.anchorKind()) {
            case "meeting" -> {
                Optional<MeetingAgenda> m = meetings.stream().filter(x -> Long.toString(x.meeting().id()).equals(n.anchorCode())).findFirst();
                return m.map(x -> new Line(n, x.meeting().title(), MeetingsScreen.place(x))).orElse(new Line(n, gone(n), null));
            }
            case "agenda_item" -> {
                String[] p = n.anchorCode().split("#");
                for (MeetingAgenda m : meetings) {
                    if (p.length != 2 || !Long.toString(m.meeting().id()).equals(p[0])) continue;
                    for (var i : m.items()) {
                        if (Integer.toString(i.position()).equals(p[1])) return new Line(n, i.title(), MeetingsScreen.place(m, i));
                    }
                }
                return new Line(n, gone(n), null);
            }
            default -> {
                Subject s = new Subject(Subject.Kind.fromDb(n.anchorKind()), n.anchorCode());
                Optional<Place> place = SubjectPlaces.of(cat, s, new Place.MyNotes());
                return new Line(n, place.map(pl -> new Bilingual(pl.title(vi(), cat), pl.title(en(), cat))).orElse(gone(n)), place.orElse(null));
            }
        }
    }

    private static vn.r57desk.app.i18n.Messages vi() {
        return new vn.r57desk.app.i18n.Messages();
    }

    private static vn.r57desk.app.i18n.Messages en() {
        var m = new vn.r57desk.app.i18n.Messages();
        m.localeProperty().set(vn.r57desk.app.i18n.Messages.EN);
        return m;
    }

    private static Bilingual gone(Note n) {
        return new Bilingual(n.anchor() + " (không còn trong dữ liệu)", n.anchor() + " (no longer in the data)");
    }

    @Override
    public Node render(Ctx ctx, Place.MyNotes here, Data data) {
        TextField search = new TextField();
        search.setId(SEARCH_ID);
        search.setPromptText(ctx.t("mynotes.search"));
        Label count = StocktakeView.wrapped("", Styles.MUTED);
        VBox list = new VBox(10);
        list.setId(LIST_ID);
        @SuppressWarnings("unchecked")
        List<Line>[] current = new List[] {data.lines()};
        Runnable[] filter = new Runnable[1];
        // A note sent or deleted: the list read again, off the FX thread, and the filter kept.
        Runnable reload = () -> ctx.store().run(dd -> load(dd, here, LocalDate.now()).lines(), lines -> {
            current[0] = lines;
            filter[0].run();
        }, err -> ctx.toast().accept(ctx.t("privatenote.error", err.getMessage())));
        filter[0] = () -> {
            // In memory: a laptop holds hundreds of notes, and each was read with the page.
            String q = search.getText();
            List<Line> shown = current[0].stream().filter(l -> VietnameseText.searchKey(q).isEmpty()
                    || VietnameseText.matches(l.note().body() + " " + l.where().vi() + " " + l.where().en() + " " + l.note().anchor(), q)).toList();
            count.setText(ctx.t("mynotes.count", shown.size(), current[0].size()));
            list.getChildren().clear();
            for (Line l : shown) {
                Node where;
                if (l.place() != null) {
                    Hyperlink link = new Hyperlink(ctx.name(l.where()));
                    link.setWrapText(true);
                    link.setOnAction(e -> ctx.nav().go(l.place()));
                    where = link;
                } else {
                    where = StocktakeView.wrapped(ctx.name(l.where()), Styles.MUTED);
                }
                list.getChildren().add(new VBox(2, where, PrivateNotesPanel.row(ctx, l.note(), reload)));
            }
            if (shown.isEmpty()) list.getChildren().add(StocktakeView.wrapped(ctx.t(current[0].isEmpty() ? "mynotes.none" : "mynotes.noMatch"), Styles.MUTED));
        };
        search.textProperty().addListener((o, a, b) -> filter[0].run());
        filter[0].run();
        return new VBox(10, search, count, list);
    }
}
