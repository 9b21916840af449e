package vn.r57desk.app.screens;

import java.util.Comparator;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.widgets.BarList;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.ScopeKind;
import vn.r57desk.store.query.Results.LocalityRow;

/** Localities: the 34 provinces by a chosen KPI → a province's communes → one commune. */
final class LocalityScreens {
    private LocalityScreens() {}

    static Node provinces(Ctx ctx, Place.Localities here, ScreenData.LocalitiesData data) {
        List<LocalityRow> rows = data.provinces();
        ComboBox<Kpi> kpi = kpiChooser(ctx, ScopeKind.PROVINCE, here.kpiId());
        kpi.setOnAction(e -> ctx.nav().go(new Place.Localities(kpi.getValue().id())));
        HBox chooser = new HBox(12, new Label(ctx.t("localities.kpi")), kpi);
        chooser.setAlignment(Pos.CENTER_LEFT);
        Kpi k = ctx.catalog().kpis().get(here.kpiId());
        var chart = bars(ctx, rows, r -> ctx.name(r.locality().name()), r -> ctx.nav().go(new Place.Province(r.locality().id(), here.kpiId())), k);
        var table = localityTable(ctx, ctx.t("localities.table", ctx.name(k.shortName())), rows, "provinces-table")
                .onOpen(r -> ctx.nav().go(new Place.Province(r.locality().id(), here.kpiId())));
        java.util.Map<String, LocalityRow> byCode = new java.util.HashMap<>();
        for (LocalityRow r : rows) byCode.put(r.locality().code(), r);
        Node map = vn.r57desk.app.widgets.ProvinceMap.build(data.shapes(), 520,
                code -> byCode.containsKey(code) ? StatusStyle.color(byCode.get(code).kpi().rag()) : StatusStyle.color(vn.r57desk.store.metrics.Rag.NO_DATA),
                code -> {
                    LocalityRow r = byCode.get(code);
                    return r == null ? code : ctx.name(r.locality().name()) + ": " + ctx.num(r.kpi().value()) + " " + ctx.name(k.unit())
                            + " · " + ctx.rag(r.kpi().rag());
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
            l.setStyle("-fx-text-fill: " + StatusStyle.hex(rag) + ";");
            legend.getChildren().add(l);
        }
        Label note = new Label(ctx.t("map.note"));
        note.getStyleClass().add("r57-muted");
        note.setWrapText(true);
        note.setMaxWidth(520);
        VBox mapBox = new VBox(8, map, legend, note);
        HBox.setHgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(16, mapBox, chart);
        return new VBox(12, chooser, top, table.build(ctx.m(), ctx.runner(), ctx.toast()));
    }

    static ComboBox<Kpi> kpiChooser(Ctx ctx, ScopeKind level, long selected) {
        ComboBox<Kpi> kpi = new ComboBox<>();
        kpi.setId("kpi-chooser");
        ctx.catalog().kpis().values().stream().filter(k -> k.levels().contains(level))
                .sorted(Comparator.comparing(Kpi::code)).forEach(kpi.getItems()::add);
        kpi.setConverter(new StringConverter<>() {
            @Override
            public String toString(Kpi k) {
                return k == null ? "" : k.code() + " · " + ctx.name(k.shortName());
            }

            @Override
            public Kpi fromString(String s) {
                return null;
            }
        });
        kpi.setValue(ctx.catalog().kpis().get(selected));
        return kpi;
    }

    static DataTable<LocalityRow> localityTable(Ctx ctx, String title, List<LocalityRow> rows, String id) {
        return DataTable.of(title, rows).id(id)
                .text(ctx.t("col.code"), r -> r.locality().code())
                .text(ctx.t("col.name"), r -> ctx.name(r.locality().name()))
                .number(ctx.t("col.value"), r -> r.kpi().value(), ctx::num)
                .text(ctx.t("col.period"), r -> ctx.period(r.kpi().period()))
                .text(ctx.t("col.status"), r -> ctx.rag(r.kpi().rag()))
                .number(ctx.t("col.overdue"), r -> r.tasks().overdue(), ctx::num)
                .number(ctx.t("col.onTime"), r -> r.tasks().onTimeRate(), ctx::pct)
                .number(ctx.t("col.reporting"), LocalityRow::reportingTimeliness, ctx::pct);
    }

    /** Horizontal bars of the KPI's latest value, largest first, each coloured by its status and opening its locality. */
    static Node bars(Ctx ctx, List<LocalityRow> rows, java.util.function.Function<LocalityRow, String> label,
                     java.util.function.Consumer<LocalityRow> open, Kpi k) {
        List<LocalityRow> sorted = rows.stream().filter(r -> r.kpi().value() != null)
                .sorted(Comparator.comparing((LocalityRow r) -> r.kpi().value()).reversed()).toList();
        List<BarList.Bar> bars = sorted.stream().map(r -> new BarList.Bar(label.apply(r), r.kpi().value(),
                ctx.num(r.kpi().value()), StatusStyle.color(r.kpi().rag()))).toList();
        BarList list = new BarList(bars, ctx.name(k.shortName()) + " (" + ctx.name(k.unit()) + ")", i -> open.accept(sorted.get(i)));
        list.setId("locality-bars");
        return list;
    }

    static Node province(Ctx ctx, Place.Province here, ScreenData.ProvinceData data) {
        var p = data.province();
        var t = p.tasks();
        Label summary = new Label(ctx.t("tasks.summary", t.total(), t.overdue(), t.dueIn30(), ctx.pct(t.onTimeRate()))
                + " · " + ctx.t("locality.reporting", ctx.pct(p.reportingTimeliness())));
        summary.getStyleClass().add("r57-kpi-summary");
        summary.setWrapText(true);

        ComboBox<Kpi> kpi = kpiChooser(ctx, ScopeKind.COMMUNE, here.kpiId());
        kpi.setOnAction(e -> ctx.nav().go(new Place.Province(here.localityId(), kpi.getValue().id(), here.worstFirst(), 0)));
        CheckBox worst = new CheckBox(ctx.t("communes.worstFirst"));
        worst.setSelected(here.worstFirst());
        worst.setOnAction(e -> ctx.nav().go(new Place.Province(here.localityId(), here.kpiId(), worst.isSelected(), 0)));
        var page = data.communes();
        Button prev = new Button(ctx.t("page.previous"));
        prev.setDisable(page.offset() == 0);
        prev.setOnAction(e -> ctx.nav().go(new Place.Province(here.localityId(), here.kpiId(), here.worstFirst(),
                Math.max(0, page.offset() - ScreenData.COMMUNE_PAGE))));
        Button next = new Button(ctx.t("page.next"));
        next.setDisable(page.offset() + page.rows().size() >= page.total());
        next.setOnAction(e -> ctx.nav().go(new Place.Province(here.localityId(), here.kpiId(), here.worstFirst(),
                page.offset() + ScreenData.COMMUNE_PAGE)));
        Label range = new Label(ctx.t("communes.range", page.offset() + 1, page.offset() + page.rows().size(), page.total()));
        HBox controls = new HBox(12, new Label(ctx.t("localities.kpi")), kpi, worst, prev, range, next);
        controls.setAlignment(Pos.CENTER_LEFT);

        Kpi k = ctx.catalog().kpis().get(here.kpiId());
        Node chart = bars(ctx, page.rows(), r -> ctx.name(r.locality().name()), r -> open(ctx, here, r), k);
        var communes = localityTable(ctx, ctx.t("communes.table"), page.rows(), "communes-table").onOpen(r -> open(ctx, here, r));
        Label synthetic = new Label(ctx.t("communes.synthetic"));
        synthetic.getStyleClass().add("r57-muted");
        return new VBox(12, summary,
                SystemScreens.kpiTable(ctx, ctx.t("locality.kpis"), p.kpis(), here).build(ctx.m(), ctx.runner(), ctx.toast()),
                controls, chart, communes.build(ctx.m(), ctx.runner(), ctx.toast()), synthetic,
                FeedbackPanel.build(ctx, FeedbackPanel.LOCALITY, here.localityId(), ctx.name(ctx.catalog().provinces().get(here.localityId()).name()),
                        null, data.feedback()));
    }

    private static void open(Ctx ctx, Place.Province here, LocalityRow r) {
        ctx.nav().go(new Place.Commune(r.locality().id(), here.localityId(), here.kpiId(), r.locality().name().vi(), r.locality().name().en()));
    }

    static Node commune(Ctx ctx, Place here, ScreenData.CommuneData data) {
        var c = data.commune();
        var t = c.tasks();
        Label summary = new Label(ctx.t("tasks.summary", t.total(), t.overdue(), t.dueIn30(), ctx.pct(t.onTimeRate()))
                + " · " + ctx.t("locality.reporting", ctx.pct(c.reportingTimeliness())));
        summary.getStyleClass().add("r57-kpi-summary");
        summary.setWrapText(true);
        return new VBox(12, summary,
                SystemScreens.kpiTable(ctx, ctx.t("locality.kpis"), c.kpis(), here).build(ctx.m(), ctx.runner(), ctx.toast()),
                SystemScreens.taskTable(ctx, SystemScreens.tasksTitle(ctx, data.tasks().size()), data.tasks())
                        .build(ctx.m(), ctx.runner(), ctx.toast()),
                FeedbackPanel.build(ctx, FeedbackPanel.LOCALITY, c.locality().id(), ctx.name(c.locality().name()), null, data.feedback()));
    }
}
