package vn.r57desk.app.systems;

import java.time.LocalDate;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.common.StatusStyle;
import vn.r57desk.app.common.Tables;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.notes.FeedbackPanel;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.InitiativeDetail;
import vn.r57desk.store.query.Results.TaskRow;
import vn.r57desk.store.sync.Outbox;

/** One initiative: outputs, agencies, chief engineer, criteria, its KPIs, its tasks overdue first, and notes on it. */
public final class InitiativeScreen implements Screen<Place.InitiativeDetail, InitiativeScreen.Data> {
    public record Data(InitiativeDetail detail, List<TaskRow> tasks, List<Outbox.Item> feedback, List<vn.r57desk.store.meeting.Note> privateNotes) {}

    @Override
    public Class<Place.InitiativeDetail> placeType() {
        return Place.InitiativeDetail.class;
    }

    @Override
    public Data load(DrillDown dd, Place.InitiativeDetail i, LocalDate today) throws CacheException {
        return new Data(dd.initiative(i.initiativeId(), today, SpanNote.range(today)),
                dd.tasks(DrillDown.TaskOwner.INITIATIVE, i.initiativeId(), today, SpanNote.range(today), Tables.TASK_ROWS),
                Outbox.about(dd.cache(), FeedbackPanel.INITIATIVE, i.initiativeId()),
                vn.r57desk.app.notes.PrivateNotesPanel.load(dd.cache(), "initiative", dd.catalog().initiatives().get(i.initiativeId()).code()));
    }

    @Override
    public Node render(Ctx ctx, Place.InitiativeDetail here, Data data) {
        var d = data.detail();
        var i = d.row().initiative();
        GridPane facts = new GridPane();
        facts.getStyleClass().add(Styles.FACTS);
        facts.setHgap(16);
        facts.setVgap(6);
        int row = 0;
        row = fact(facts, row, ctx.t("col.status"), ctx.rag(d.row().rag()) + " · " + ctx.t("initiative.progress",
                ctx.pct(i.progress()), ctx.pct(d.row().expectedProgress())), d.row().rag());
        row = fact(facts, row, ctx.t("col.deadline"), ctx.date(i.deadline()) + " · " + ctx.t("initiative.phase", i.phase()), null);
        row = fact(facts, row, ctx.t("col.lead"), ctx.name(d.lead().name()), null);
        row = fact(facts, row, ctx.t("initiative.coordinating"),
                String.join("; ", d.coordinators().stream().map(a -> ctx.name(a.name())).toList()), null);
        row = fact(facts, row, ctx.t("initiative.chief"), i.chiefEngineer(), null);
        row = fact(facts, row, ctx.t("initiative.orientation"), ctx.name(i.orientation()), null);
        row = fact(facts, row, ctx.t("initiative.outputs"), ctx.name(i.outputs()), null);
        row = fact(facts, row, ctx.t("initiative.criteria"), ctx.name(i.criteria()), null);
        var t = d.row().tasks();
        fact(facts, row, ctx.t("overview.tasks"), ctx.t("tasks.summary", t.total(), t.overdue(), t.dueIn30(), ctx.pct(t.onTimeRate())), null);

        VBox box = new VBox(12, SpanNote.label(ctx, true), facts);
        if (!d.kpis().isEmpty()) {
            box.getChildren().add(Tables.kpiTable(ctx, ctx.t("initiative.kpis"), d.kpis(), here).build(ctx.tables()));
        }
        box.getChildren().add(Tables.taskTable(ctx, Tables.tasksTitle(ctx, data.tasks().size()), data.tasks())
                .build(ctx.tables()));
        box.getChildren().add(FeedbackPanel.build(ctx, FeedbackPanel.INITIATIVE, i.id(), i.code() + " · " + ctx.name(i.title()), null, data.feedback()));
        box.getChildren().add(vn.r57desk.app.notes.PrivateNotesPanel.build(ctx, "initiative", i.code(), null, i.code() + " · " + ctx.name(i.title()), data.privateNotes()));
        return box;
    }

    private static int fact(GridPane g, int row, String label, String value, Rag rag) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.FACT_LABEL);
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add(Styles.FACT_VALUE);
        if (rag != null) v.getStyleClass().add(StatusStyle.styleClass(rag));
        g.addRow(row, l, v);
        GridPane.setMargin(l, new Insets(0, 0, 0, 0));
        return row + 1;
    }
}
