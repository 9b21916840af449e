package vn.r57desk.app.localities;

import java.util.Comparator;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.widgets.BarList;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.ScopeKind;
import vn.r57desk.store.query.Results.LocalityRow;

/** What the province and commune screens share: the KPI chooser, the locality table, the bars. */
final class LocalityTables {
    private LocalityTables() {}

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
                ctx.num(r.kpi().value()), ctx.theme().palette.color(r.kpi().rag()))).toList();
        BarList list = new BarList(bars, ctx.name(k.shortName()) + " (" + ctx.name(k.unit()) + ")", i -> open.accept(sorted.get(i)));
        list.setId("locality-bars");
        return list;
    }
}
