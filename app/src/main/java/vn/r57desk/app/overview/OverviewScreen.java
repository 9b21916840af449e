package vn.r57desk.app.overview;

import java.time.LocalDate;

import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.common.Charts;
import vn.r57desk.app.common.Tables;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.app.widgets.Tiles;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.Results.KpiStatus;
import vn.r57desk.store.query.Results.Mover;
import vn.r57desk.store.query.Results.Overview;

/** Headline KPI tiles, initiatives by status per system, overdue tasks, biggest movers. Every item drills down. */
public final class OverviewScreen implements Screen<Place.Overview, Overview> {
    public static final String TILES_ID = "overview-tiles";

    @Override
    public Class<Place.Overview> placeType() {
        return Place.Overview.class;
    }

    @Override
    public Overview load(DrillDown dd, Place.Overview place, LocalDate today) throws CacheException {
        return dd.overview(today, SpanNote.range(today));
    }

    @Override
    public Node render(Ctx ctx, Place.Overview place, Overview o) {
        Place here = new Place.Overview();
        FlowPane tiles = new FlowPane(16, 16);
        tiles.setId(TILES_ID);
        for (KpiStatus s : o.headline()) {
            Node tile = kpiTile(ctx, s);
            tile.setCursor(Cursor.HAND);
            tile.setOnMouseClicked(e -> ctx.nav().go(new Place.KpiSeries(s.kpi().id(), s.scopeId(), here)));
            tiles.getChildren().add(tile);
        }
        var t = o.tasks();
        Node overdue = Tiles.number(ctx.theme(), ctx.m().locale(), ctx.t("tasks.overdueTitle"), t.overdue(), 0, "",
                ctx.t("tasks.overdueText", ctx.pct(t.onTimeRate()), ctx.num(t.dueIn30())), "", t.overdue() > 0 ? Rag.RED : Rag.GREEN);
        overdue.setCursor(Cursor.HAND);
        overdue.setOnMouseClicked(e -> ctx.nav().go(new Place.Deadlines()));
        tiles.getChildren().add(overdue);
        fitColumns(tiles, ctx.theme().tileWidth);

        var chart = Charts.statusBars(ctx, o.bySystem(), s -> Tables.systemLabel(ctx, s.code()),
                (s, status) -> ctx.nav().go(new Place.SystemInitiatives(s.id(), status, null)));

        VBox movers = new VBox(6);
        for (Mover m : o.movers()) {
            Label l = new Label("• " + ctx.name(m.status().kpi().name()) + ": " + ctx.t("mover.change",
                    ctx.kpiValue(m.status().kpi(), m.status().value()), (m.change() > 0 ? "+" : "") + ctx.kpiValue(m.status().kpi(), m.change())));
            l.getStyleClass().add(Styles.MOVER);
            l.setWrapText(true);
            l.setCursor(Cursor.HAND);
            l.setOnMouseClicked(e -> ctx.nav().go(new Place.KpiSeries(m.status().kpi().id(), m.status().scopeId(), here)));
            movers.getChildren().add(l);
        }
        return new VBox(12, SpanNote.label(ctx, true), section(ctx, "overview.headline"), tiles, section(ctx, "overview.bySystem"), chart,
                section(ctx, "overview.movers"), movers);
    }

    /**
     * Tiles a little narrower than their theme's width when that makes one more column fit: the
     * projector's 380-pixel tiles on a 1024-pixel projector came out one to a row, half the
     * screen empty. They never grow, and lose at most {@link #TILE_GIVE} of their width unless the
     * row is narrower than one tile.
     */
    static void fitColumns(FlowPane pane, double nominal) {
        pane.widthProperty().addListener((o, a, b) -> {
            double w = tileWidth(b.doubleValue() - pane.snappedLeftInset() - pane.snappedRightInset(), pane.getHgap(), nominal);
            for (Node n : pane.getChildren()) if (n instanceof javafx.scene.layout.Region r) r.setPrefWidth(w);
        });
    }

    static final double TILE_GIVE = 0.05;

    /** The width of each tile in a row {@code width} wide: as many columns as fit at 95 %, none wider than {@code nominal}. */
    static double tileWidth(double width, double gap, double nominal) {
        if (width <= 0) return nominal;
        int columns = Math.max(1, (int) Math.floor((width + gap) / (nominal * (1 - TILE_GIVE) + gap)));
        return Math.min(nominal, Math.floor((width - gap * (columns - 1)) / columns));
    }

    static Label section(Ctx ctx, String key) {
        Label l = new Label(ctx.t(key));
        l.getStyleClass().add(Styles.SECTION_TITLE);
        return l;
    }

    /**
     * "Kỳ 10/2026", and for a status resting on an old value its age: "Kỳ 03/2026 · số liệu cũ 8
     * tháng". On the tile's wrapping description rather than its one-line status, which would cut it.
     */
    static String periodLine(Ctx ctx, KpiStatus s) {
        String period = ctx.t("tile.period", ctx.period(s.period()));
        return s.old() ? period + " · " + ctx.old(s) : period;
    }

    private static Node kpiTile(Ctx ctx, KpiStatus s) {
        var k = s.kpi();
        String target = k.target2030Text() != null ? ctx.target(k, k.target2030Text())
                : k.target2045Text() != null ? ctx.target(k, k.target2045Text()) + " (2045)" : "–";
        boolean rank = k.unit().en().startsWith("rank");
        // The tile shows "%" alone; the full unit is on the KPI's own screen.
        String unit = rank ? ctx.t("unit.rank") : k.unit().en().startsWith("%") ? "%" : ctx.name(k.unit());
        // A headline KPI with no report yet stays on the overview, said as such (it used to vanish).
        if (s.value() == null) return Tiles.noData(ctx.theme(), ctx.name(k.shortName()), ctx.t("overview.noData"), ctx.t("tile.target", target));
        return Tiles.number(ctx.theme(), ctx.m().locale(), ctx.name(k.shortName()), s.value() == null ? 0 : s.value(), Ctx.decimals(k), unit, ctx.t("tile.target", target) + "\n" + periodLine(ctx, s),
                ctx.rag(s.rag()), s.rag());
    }

}
