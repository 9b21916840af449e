package vn.r57desk.app.changes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.model.Meeting;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.ChangeSummary;

/**
 * What the syncs of the last days changed: the initiatives that moved (a change of RAG status
 * first), the tasks completed, added and withdrawn, and the KPI values reported, revised and
 * withdrawn. For a meeting's "what changed since last time"; each row opens its initiative or KPI.
 */
public final class ChangesScreen implements Screen<Place.Changes, ChangesScreen.Data> {
    /** The spans offered: since the last meeting, then in days (0: every sync the cache remembers). */
    static final List<Integer> SPANS = List.of(Place.Changes.SINCE_MEETING, 1, 7, 30, 0);
    static final String SPAN_ID = "changes-span";
    static final String SUMMARY_ID = "changes-summary";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** {@code since}: the meeting a "since the last meeting" span counts from (null for a span of days, or none found). */
    public record Data(ChangeSummary summary, Meeting since) {}

    @Override
    public Class<Place.Changes> placeType() {
        return Place.Changes.class;
    }

    /**
     * A span of days back from now, or from the last meeting before today's date on Vietnam's
     * clock (the real one: a meeting is held today, whatever the data's as-of date).
     */
    @Override
    public Data load(DrillDown dd, Place.Changes ch, LocalDate today) throws CacheException {
        Instant now = Instant.now();
        if (ch.days() == Place.Changes.SINCE_MEETING) {
            var meeting = dd.meetingBefore(LocalDate.now(Meeting.ZONE));
            // With no meeting to count from, nothing is counted (a span from now).
            Instant since = meeting.map(m -> m.startsAt().atZone(Meeting.ZONE).toInstant()).orElse(now);
            return new Data(dd.changesSince(since, today), meeting.orElse(null));
        }
        return new Data(dd.changesSince(ch.days() == 0 ? Instant.EPOCH : now.minus(Duration.ofDays(ch.days())), today), null);
    }

    @Override
    public Node render(Ctx ctx, Place.Changes here, Data data) {
        ChangeSummary s = data.summary();
        ComboBox<Integer> span = new ComboBox<>();
        span.setId(SPAN_ID);
        span.getItems().setAll(SPANS);
        span.setValue(here.days());
        span.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer d) {
                return d == null ? "" : d == Place.Changes.SINCE_MEETING ? ctx.t("changes.span.meeting")
                        : d == 0 ? ctx.t("changes.span.all") : ctx.t("changes.span.days", d);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        span.setOnAction(e -> {
            if (span.getValue() != null && span.getValue() != here.days()) ctx.nav().go(new Place.Changes(span.getValue()));
        });
        HBox chooser = new HBox(12, new Label(ctx.t("changes.span")), span);
        chooser.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label(here.days() != Place.Changes.SINCE_MEETING ? spanText(ctx, s)
                : data.since() == null ? ctx.t("changes.noMeeting")
                : ctx.t("changes.sinceMeeting", ctx.name(data.since().title()), WHEN.format(data.since().startsAt())) + " " + spanText(ctx, s));
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.MUTED);
        VBox out = new VBox(16, chooser, summary);
        if (s.span().reloaded()) {
            Label reloaded = new Label(ctx.t("changes.reloaded"));
            reloaded.setWrapText(true);
            out.getChildren().add(reloaded);
        }
        if (s.isEmpty()) return out;

        if (!s.initiatives().isEmpty()) {
            out.getChildren().add(DataTable.of(ctx.t("changes.initiatives", s.initiatives().size()), s.initiatives()).id("changes-initiatives")
                    .text(ctx.t("col.code"), m -> m.initiative().code())
                    .text(ctx.t("col.initiative"), m -> ctx.name(m.initiative().title()))
                    .number(ctx.t("changes.col.progressBefore"), m -> m.oldStatus() == null ? null : m.oldProgress(), ctx::pct)
                    .number(ctx.t("changes.col.progressAfter"), m -> m.newStatus() == null ? null : m.newProgress(), ctx::pct)
                    .text(ctx.t("changes.col.status"), m -> m.ragChanged() ? ragText(ctx, m.oldRag()) + " → " + ragText(ctx, m.newRag())
                            : ragText(ctx, m.newRag()))
                    .onOpen(m -> ctx.nav().go(new Place.InitiativeDetail(m.initiative().id(), m.initiative().systemId())))
                    .build(ctx.m(), ctx.runner(), ctx.toast()));
        }
        ChangeSummary.TaskMoves t = s.tasks();
        if (t.total() > 0) {
            Label title = new Label(ctx.t("changes.tasks"));
            title.getStyleClass().add(Styles.SECTION_TITLE);
            Label counts = new Label(ctx.t("changes.taskCounts", ctx.num(t.completed()), ctx.num(t.added()), ctx.num(t.withdrawn()),
                    ctx.num(t.otherwise())));
            counts.setId("changes-tasks");
            counts.setWrapText(true);
            out.getChildren().add(new VBox(4, title, counts));
        }
        if (!s.kpis().isEmpty()) {
            long scope = ctx.catalog().nationalScope();
            out.getChildren().add(DataTable.of(ctx.t("changes.kpis", s.kpis().size()), s.kpis()).id("changes-kpis")
                    .text(ctx.t("col.code"), m -> m.kpi().code())
                    .text(ctx.t("col.kpi"), m -> ctx.name(m.kpi().shortName()))
                    .number(ctx.t("changes.col.reported"), ChangeSummary.KpiMove::reported, ctx::num)
                    .number(ctx.t("changes.col.revised"), ChangeSummary.KpiMove::revised, ctx::num)
                    .number(ctx.t("changes.col.withdrawn"), ChangeSummary.KpiMove::withdrawn, ctx::num)
                    .onOpen(m -> ctx.nav().go(new Place.KpiSeries(m.kpi().id(), scope, here)))
                    .build(ctx.m(), ctx.runner(), ctx.toast()));
        }
        return out;
    }

    /** "Syncs from 20:43 04/12/2026 to 20:50 04/12/2026.", or that there was none. */
    static String spanText(Ctx ctx, ChangeSummary s) {
        ChangeSummary.Span sp = s.span();
        if (sp.runs() == 0) return ctx.t(ctx.catalog().isDemo() ? "changes.none.demo" : "changes.none");
        ZoneId zone = ZoneId.systemDefault();
        String text = ctx.t("changes.runs", WHEN.format(sp.from().atZone(zone)), WHEN.format(sp.to().atZone(zone)));
        return s.isEmpty() ? text + " " + ctx.t("changes.nothing") : text;
    }

    private static String ragText(Ctx ctx, Rag r) {
        return r == null ? ctx.t("changes.absent") : ctx.rag(r);
    }
}
