package vn.r57desk.app.rankings;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.metrics.RankingIndex;
import vn.r57desk.store.query.Results.RankRow;

/** The rankings of ministries and provinces with the components behind each rank; each row opens its ministry or province. */
public final class RankingsScreen implements Screen<Place.Rankings, RankingsScreen.Data> {
    public record Data(List<RankRow> ministries, List<RankRow> provinces) {}

    @Override
    public Class<Place.Rankings> placeType() {
        return Place.Rankings.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Rankings place, LocalDate today) throws CacheException {
        return new Data(dd.rankings().rankMinistries(today, SpanNote.range(today)), dd.rankings().rankProvinces(today, SpanNote.range(today)));
    }

    @Override
    public Node render(Ctx ctx, Place.Rankings place, Data data) {
        Label formula = new Label(ctx.t("rankings.formula"));
        formula.setWrapText(true);
        formula.getStyleClass().add(Styles.MUTED);
        return new VBox(16, SpanNote.label(ctx, false), formula,
                rankTable(ctx, ctx.t("rankings.ministries"), data.ministries(), "rank-ministries")
                        .onOpen(r -> ctx.nav().go(new Place.Ministry(r.id()))).build(ctx.tables()),
                rankTable(ctx, ctx.t("rankings.provinces"), data.provinces(), "rank-provinces")
                        .onOpen(r -> ctx.nav().go(new Place.Province(r.id(), Place.Localities.defaultKpi(ctx.catalog())))).build(ctx.tables()));
    }


    private static DataTable<RankRow> rankTable(Ctx ctx, String title, List<RankRow> rows, String id) {
        var t = DataTable.of(title, rows).id(id)
                .number(ctx.t("col.rank"), RankRow::rank, ctx::num)
                .text(ctx.t("col.name"), r -> ctx.name(r.name()))
                .number(ctx.t("col.index"), RankRow::index, ctx::num);
        for (RankingIndex.Component c : RankingIndex.Component.values()) {
            if (rows.stream().noneMatch(r -> r.parts().stream().anyMatch(p -> p.component() == c))) continue;
            t.number(ctx.t("component." + c.name().toLowerCase(Locale.ROOT)), r -> r.parts().stream()
                    .filter(p -> p.component() == c).findFirst().map(RankingIndex.Part::value).orElse(null), ctx::pct);
        }
        return t;
    }
}
