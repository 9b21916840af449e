package vn.r57desk.app.localities;

import java.time.LocalDate;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.common.Tables;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.notes.FeedbackPanel;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.LocalityDetail;
import vn.r57desk.store.query.Results.TaskRow;
import vn.r57desk.store.sync.Outbox;

/** One commune: its KPIs, its tasks, notes on it. */
public final class CommuneScreen implements Screen<Place.Commune, CommuneScreen.Data> {
    public record Data(LocalityDetail commune, List<TaskRow> tasks, List<Outbox.Item> feedback) {}

    @Override
    public Class<Place.Commune> placeType() {
        return Place.Commune.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Commune c, LocalDate today) throws CacheException {
        return new Data(dd.locality(c.localityId(), today, SpanNote.range(today)),
                dd.tasks(DrillDown.TaskOwner.LOCALITY, c.localityId(), today, SpanNote.range(today), Tables.TASK_ROWS),
                Outbox.about(dd.cache(), FeedbackPanel.LOCALITY, c.localityId()));
    }

    @Override
    public Node render(Ctx ctx, Place.Commune here, Data data) {
        var c = data.commune();
        var t = c.tasks();
        Label summary = new Label(ctx.t("tasks.summary", t.total(), t.overdue(), t.dueIn30(), ctx.pct(t.onTimeRate()))
                + " · " + ctx.t("locality.reporting", ctx.pct(c.reportingTimeliness())));
        summary.getStyleClass().add(Styles.KPI_SUMMARY);
        summary.setWrapText(true);
        return new VBox(12, SpanNote.label(ctx, true), summary,
                Tables.kpiTable(ctx, ctx.t("locality.kpis"), c.kpis(), here).build(ctx.tables()),
                Tables.taskTable(ctx, Tables.tasksTitle(ctx, data.tasks().size()), data.tasks())
                        .build(ctx.tables()),
                FeedbackPanel.build(ctx, FeedbackPanel.LOCALITY, c.locality().id(), ctx.name(c.locality().name()), null, data.feedback()));
        }
}
