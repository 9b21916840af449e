package vn.r57desk.app.localities;

import java.time.LocalDate;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.geo.ProvinceShapes;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.ScopeKind;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.LocalityRow;

/** The 34 provinces by a chosen KPI: the map with its legend, bars, and the table; each opens its province. */
public final class LocalitiesScreen implements Screen<Place.Localities, LocalitiesScreen.Data> {
    public record Data(List<LocalityRow> provinces, ProvinceShapes shapes) {}

    /** Parsed once, on first use, off the FX thread. */
    private static final class Shapes {
        static final ProvinceShapes INSTANCE = ProvinceShapes.load();
    }

    @Override
    public Class<Place.Localities> placeType() {
        return Place.Localities.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Localities l, LocalDate today) throws CacheException {
        return new Data(dd.provinces(l.kpiId(), today, SpanNote.range(today)), Shapes.INSTANCE);
    }

    @Override
    public Node render(Ctx ctx, Place.Localities here, Data data) {
        List<LocalityRow> rows = data.provinces();
        ComboBox<Kpi> kpi = LocalityTables.kpiChooser(ctx, ScopeKind.PROVINCE, here.kpiId());
        kpi.setOnAction(e -> ctx.nav().go(new Place.Localities(kpi.getValue().id())));
        HBox chooser = new HBox(12, new Label(ctx.t("localities.kpi")), kpi);
        chooser.setAlignment(Pos.CENTER_LEFT);
        Kpi k = ctx.catalog().kpis().get(here.kpiId());
        var chart = LocalityTables.bars(ctx, rows, r -> ctx.name(r.locality().name()), r -> ctx.nav().go(new Place.Province(r.locality().id(), here.kpiId())), k);
        var table = LocalityTables.localityTable(ctx, ctx.t("localities.table", ctx.name(k.shortName())), rows, "provinces-table")
                .onOpen(r -> ctx.nav().go(new Place.Province(r.locality().id(), here.kpiId())));
        java.util.Map<String, LocalityRow> byCode = new java.util.HashMap<>();
        for (LocalityRow r : rows) byCode.put(r.locality().code(), r);
        Node map = vn.r57desk.app.widgets.ProvinceMap.build(data.shapes(), 520,
                code -> byCode.containsKey(code) ? ctx.theme().palette.color(byCode.get(code).kpi().rag()) : ctx.theme().palette.color(vn.r57desk.store.metrics.Rag.NO_DATA),
                code -> {
                    LocalityRow r = byCode.get(code);
                    return r == null ? code : ctx.name(r.locality().name()) + ": " + ctx.num(r.kpi().value()) + " " + ctx.name(k.unit())
                            + " · " + ctx.kpiStatus(r.kpi());
                },
                a -> ctx.m().english() ? a.nameEn() : a.nameVi(),
                code -> {
                    LocalityRow r = byCode.get(code);
                    if (r != null) ctx.nav().go(new Place.Province(r.locality().id(), here.kpiId()));
                });
        VBox legend = new VBox(4);
        for (var rag : List.of(vn.r57desk.store.metrics.Rag.GREEN, vn.r57desk.store.metrics.Rag.AMBER, vn.r57desk.store.metrics.Rag.RED,
                vn.r57desk.store.metrics.Rag.NO_DATA)) {
            Label l = new Label("■ " + ctx.rag(rag));
            l.setStyle("-fx-text-fill: " + ctx.theme().palette.hex(rag) + ";");
            legend.getChildren().add(l);
        }
        Label note = new Label(ctx.t("map.note"));
        note.getStyleClass().add(Styles.MUTED);
        note.setWrapText(true);
        note.setMaxWidth(520);
        VBox mapBox = new VBox(8, map, legend, note);
        HBox.setHgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(16, mapBox, chart);
        return new VBox(12, SpanNote.label(ctx, false), chooser, top, table.build(ctx.tables()));
        }
}
