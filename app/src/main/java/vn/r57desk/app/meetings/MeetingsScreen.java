package vn.r57desk.app.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.meeting.AgendaItem;
import vn.r57desk.store.meeting.MeetingAgenda;
import vn.r57desk.store.meeting.Meetings;
import vn.r57desk.store.query.DrillDown;

/** "Phiên họp / Meetings": upcoming meetings (soonest first) and past ones (latest first), each with its agenda. */
public final class MeetingsScreen implements Screen<Place.Meetings, MeetingsScreen.Data> {
    public static final String UPCOMING_ID = "meetings-upcoming";
    public static final String PAST_ID = "meetings-past";
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** {@code now}: where upcoming and past divide (the end of the demo data's as-of day, or now on live data). */
    public record Data(Meetings.Schedule schedule, LocalDateTime now) {}

    @Override
    public Class<Place.Meetings> placeType() {
        return Place.Meetings.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Meetings place, LocalDate today) throws CacheException {
        LocalDateTime now = dividing(dd, today);
        return new Data(new Meetings(dd.cache(), dd).schedule(now), now);
    }

    /** Demo data describes its own as-of day: a meeting on that day or before it is past. Live data divides at now. */
    static LocalDateTime dividing(DrillDown dd, LocalDate today) {
        return dd.catalog().dataAsOf() != null ? today.plusDays(1).atStartOfDay() : LocalDateTime.now();
    }

    @Override
    public Node render(Ctx ctx, Place.Meetings here, Data data) {
        VBox box = new VBox(12);
        box.getChildren().add(StocktakeView.section(ctx.t("meetings.upcoming", data.schedule().upcoming().size())));
        VBox upcoming = list(ctx, data.schedule().upcoming());
        upcoming.setId(UPCOMING_ID);
        box.getChildren().add(upcoming);
        box.getChildren().add(StocktakeView.section(ctx.t("meetings.past", data.schedule().past().size())));
        VBox past = list(ctx, data.schedule().past());
        past.setId(PAST_ID);
        box.getChildren().add(past);
        return box;
    }

    private static VBox list(Ctx ctx, List<MeetingAgenda> meetings) {
        VBox list = new VBox(16);
        if (meetings.isEmpty()) list.getChildren().add(StocktakeView.wrapped(ctx.t("meetings.none"), Styles.MUTED));
        for (MeetingAgenda m : meetings) list.getChildren().add(meeting(ctx, m));
        return list;
    }

    static Place.Meeting place(MeetingAgenda m) {
        return new Place.Meeting(m.meeting().id(), m.meeting().title().vi(), m.meeting().title().en());
    }

    static Place.Stocktake place(MeetingAgenda m, AgendaItem i) {
        return new Place.Stocktake(place(m), i.id(), i.position() + ". " + i.title().vi(), i.position() + ". " + i.title().en());
    }

    /** A meeting: its title (opens it), when and where, and its agenda. */
    private static Node meeting(Ctx ctx, MeetingAgenda m) {
        Button title = link(ctx.name(m.meeting().title()), () -> ctx.nav().go(place(m)));
        title.setId("meeting-" + m.meeting().id());
        title.getStyleClass().add(Styles.MEETING_TITLE);
        Label when = StocktakeView.wrapped(ctx.t("meeting.when", WHEN.format(m.meeting().startsAt()),
                m.meeting().location() == null ? "–" : m.meeting().location(), m.items().size(), m.totalMinutes()), Styles.MUTED);
        VBox box = new VBox(4, title, when, agenda(ctx, m));
        box.getStyleClass().add(Styles.MEETING_CARD);
        return box;
    }

    /** The agenda, one line per item: what, about what, who presents it, how long; a click or Enter opens its stocktake. */
    static VBox agenda(Ctx ctx, MeetingAgenda m) {
        VBox items = new VBox(2);
        for (AgendaItem i : m.items()) {
            String subject = i.subjectName() == null ? "" : " — " + ctx.t("subject.kind." + i.subject().kind().db()) + ": " + ctx.name(i.subjectName());
            Button b = link(i.position() + ". " + ctx.name(i.title()) + subject + "\n" + StocktakeView.presenterLine(ctx, i),
                    () -> ctx.nav().go(place(m, i)));
            b.setId("agenda-" + m.meeting().id() + "-" + i.position());
            b.getStyleClass().add(Styles.AGENDA_ITEM);
            items.getChildren().add(b);
        }
        return items;
    }

    /** A full-width button whose text wraps: one click, Enter or Space opens it. */
    static Button link(String text, Runnable open) {
        Button b = new Button(text);
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setOnAction(e -> open.run());
        b.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                open.run();
            }
        });
        b.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
        return b;
    }
}
