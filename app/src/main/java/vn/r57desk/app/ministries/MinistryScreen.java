package vn.r57desk.app.ministries;

import java.time.LocalDate;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.common.StatusStyle;
import vn.r57desk.app.common.Tables;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.notes.FeedbackPanel;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.sync.Outbox;
import vn.r57desk.store.query.Results.MinistrySummary;
import vn.r57desk.store.query.Results.TaskRow;

/** One ministry's portfolio: the initiatives it leads and coordinates, its KPIs, its tasks, notes on it. */
public final class MinistryScreen implements Screen<Place.Ministry, MinistryScreen.Data> {
    public record Data(MinistrySummary summary, List<TaskRow> tasks, List<Outbox.Item> feedback, List<vn.r57desk.store.meeting.Note> privateNotes) {}

    @Override
    public Class<Place.Ministry> placeType() {
        return Place.Ministry.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Ministry m, LocalDate today) throws CacheException {
        return new Data(dd.ministry(m.agencyId(), today, SpanNote.range(today)),
                dd.tasks(DrillDown.TaskOwner.AGENCY, m.agencyId(), today, SpanNote.range(today), Tables.TASK_ROWS),
                Outbox.about(dd.cache(), FeedbackPanel.AGENCY, m.agencyId()),
                vn.r57desk.app.notes.PrivateNotesPanel.load(dd.cache(), "agency", dd.catalog().agencies().get(m.agencyId()).code()));
    }

    @Override
    public Node render(Ctx ctx, Place.Ministry here, Data data) {
        var s = data.summary();
        var t = s.tasks();
        Label tasks = new Label(ctx.t("tasks.summary", t.total(), t.overdue(), t.dueIn30(), ctx.pct(t.onTimeRate())));
        tasks.getStyleClass().add(Styles.KPI_SUMMARY);
        VBox box = new VBox(14, SpanNote.label(ctx, true), tasks,
                Tables.initiativeTable(ctx, ctx.t("ministry.leads", s.leads().size()), s.leads()).build(ctx.tables()),
                Tables.initiativeTable(ctx, ctx.t("ministry.coordinates", s.coordinates().size()), s.coordinates())
                        .build(ctx.tables()));
        if (!s.kpis().isEmpty()) {
            box.getChildren().add(Tables.kpiTable(ctx, ctx.t("ministry.kpis"), s.kpis(), here).build(ctx.tables()));
        }
        box.getChildren().add(Tables.taskTable(ctx, Tables.tasksTitle(ctx, data.tasks().size()), data.tasks())
                .build(ctx.tables()));
        var agency = ctx.catalog().agencies().get(here.agencyId());
        box.getChildren().add(FeedbackPanel.build(ctx, FeedbackPanel.AGENCY, agency.id(), ctx.name(agency.name()), null, data.feedback()));
        // Private: on this laptop only, anchored to the agency code (survives a new snapshot).
        box.getChildren().add(vn.r57desk.app.notes.PrivateNotesPanel.build(ctx, "agency", agency.code(), null, ctx.name(agency.name()), data.privateNotes()));
        return box;
        }
}
