package vn.r57desk.app.screens;

import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.metrics.RankingIndex;
import vn.r57desk.store.query.Results.DeadlineRow;
import vn.r57desk.store.query.Results.RankRow;

/** Deadlines (overdue, due within 30 and 90 days) and the rankings with what explains each rank. */
final class DeadlineRankingScreens {
    private DeadlineRankingScreens() {}

    static Node deadlines(Ctx ctx, ScreenData.DeadlinesData data) {
        return new VBox(16,
                deadlineTable(ctx, ctx.t("deadlines.byAgency"), data.byAgency(), "deadlines-agency")
                        .onOpen(r -> ctx.nav().go(new Place.Ministry(r.id()))).build(ctx.m(), ctx.runner(), ctx.toast()),
                deadlineTable(ctx, ctx.t("deadlines.byProvince"), data.byProvince(), "deadlines-province")
                        .onOpen(r -> ctx.nav().go(new Place.Province(r.id(), defaultKpi(ctx)))).build(ctx.m(), ctx.runner(), ctx.toast()));
    }

    static long defaultKpi(Ctx ctx) {
        return Screens.defaultKpi(ctx.catalog());
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

    static Node rankings(Ctx ctx, ScreenData.RankingsData data) {
        Label formula = new Label(ctx.t("rankings.formula"));
        formula.setWrapText(true);
        formula.getStyleClass().add("r57-muted");
        return new VBox(16, formula,
                rankTable(ctx, ctx.t("rankings.ministries"), data.ministries(), "rank-ministries")
                        .onOpen(r -> ctx.nav().go(new Place.Ministry(r.id()))).build(ctx.m(), ctx.runner(), ctx.toast()),
                rankTable(ctx, ctx.t("rankings.provinces"), data.provinces(), "rank-provinces")
                        .onOpen(r -> ctx.nav().go(new Place.Province(r.id(), defaultKpi(ctx)))).build(ctx.m(), ctx.runner(), ctx.toast()));
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
