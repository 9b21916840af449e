package vn.r57desk.app.deadlines;

import java.time.LocalDate;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.DeadlineRow;

/** Deadlines by ministry and by province: overdue, due within 30 and 90 days; each row opens its ministry or province. */
public final class DeadlinesScreen implements Screen<Place.Deadlines, DeadlinesScreen.Data> {
    public record Data(List<DeadlineRow> byAgency, List<DeadlineRow> byProvince) {}

    @Override
    public Class<Place.Deadlines> placeType() {
        return Place.Deadlines.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Deadlines place, LocalDate today) throws CacheException {
        return new Data(dd.rankings().deadlinesByAgency(today, SpanNote.range(today)), dd.rankings().deadlinesByProvince(today, SpanNote.range(today)));
    }

    @Override
    public Node render(Ctx ctx, Place.Deadlines place, Data data) {
        // Which months the overdue and on-time figures cover, and that "due within 30 / 90 days" looks ahead from today.
        return new VBox(16, SpanNote.label(ctx, true),
                deadlineTable(ctx, ctx.t("deadlines.byAgency"), data.byAgency(), "deadlines-agency")
                        .onOpen(r -> ctx.nav().go(new Place.Ministry(r.id()))).build(ctx.tables()),
                deadlineTable(ctx, ctx.t("deadlines.byProvince"), data.byProvince(), "deadlines-province")
                        .onOpen(r -> ctx.nav().go(new Place.Province(r.id(), Place.Localities.defaultKpi(ctx.catalog())))).build(ctx.tables()));
    }

    private static DataTable<DeadlineRow> deadlineTable(Ctx ctx, String title, List<DeadlineRow> rows, String id) {
        return DataTable.of(title, rows).id(id)
                .text(ctx.t("col.code"), DeadlineRow::code)
                .text(ctx.t("col.name"), r -> ctx.name(r.name()))
                .number(ctx.t("col.overdue"), r -> r.counts().overdue(), ctx::num)
                .number(ctx.t("col.due30"), r -> r.counts().dueIn30(), ctx::num)
                .number(ctx.t("col.due90"), r -> r.counts().dueIn90(), ctx::num)
                .number(ctx.t("col.onTime"), r -> r.counts().onTimeRate(), ctx::pct)
                .number(ctx.t("col.open"), r -> r.counts().open(), ctx::num);
    }
}
