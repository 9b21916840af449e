package vn.r57desk.app.systems;

import java.time.LocalDate;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.Charts;
import vn.r57desk.app.common.Tables;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.StatusCount;

/** The six systems: initiatives by status, one bar and one row each, opening the system's initiatives. */
public final class SystemsScreen implements Screen<Place.Systems, SystemsScreen.Data> {
    public record Data(List<StatusCount> bySystem) {}

    @Override
    public Class<Place.Systems> placeType() {
        return Place.Systems.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Systems place, LocalDate today) throws CacheException {
        return new Data(dd.statusBySystem(today));
    }

    @Override
    public Node render(Ctx ctx, Place.Systems place, Data data) {
        var chart = Charts.statusBars(ctx, data.bySystem(), s -> Tables.systemLabel(ctx, s.code()),
                (s, status) -> ctx.nav().go(new Place.SystemInitiatives(s.id(), status, null)));
        var table = DataTable.of(ctx.t("systems.table"), data.bySystem()).id("systems-table")
                .text(ctx.t("col.name"), s -> ctx.name(s.name()))
                .number(ctx.rag(Rag.COMPLETED), s -> s.counts().get(Rag.COMPLETED), ctx::num)
                .number(ctx.rag(Rag.GREEN), s -> s.counts().get(Rag.GREEN), ctx::num)
                .number(ctx.rag(Rag.AMBER), s -> s.counts().get(Rag.AMBER), ctx::num)
                .number(ctx.rag(Rag.RED), s -> s.counts().get(Rag.RED), ctx::num)
                .onOpen(s -> ctx.nav().go(new Place.SystemInitiatives(s.id())));
        return new VBox(12, chart, table.build(ctx.tables()));
    }

}
