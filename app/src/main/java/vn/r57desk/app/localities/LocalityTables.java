package vn.r57desk.app.localities;

import java.util.Comparator;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.common.Tables;
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
                .number(ctx.t("col.value"), r -> r.kpi().value(), (r, v) -> ctx.kpiValue(r.kpi().kpi(), v))
                .text(ctx.t("col.period"), r -> ctx.period(r.kpi().period()))
                .styled(ctx.t("col.status"), r -> ctx.kpiStatus(r.kpi()), r -> Tables.statusStyle(r.kpi().rag()))
                .number(ctx.t("col.overdue"), r -> r.tasks().overdue(), ctx::num)
                .number(ctx.t("col.onTime"), r -> r.tasks().onTimeRate(), ctx::pct)
                .number(ctx.t("col.reporting"), LocalityRow::reportingTimeliness, ctx::pct);
    }


    /** Id of the note under the bars that says what their colour means. */
    public static final String BARS_NOTE_ID = "bars-colour-note";

    /** Horizontal bars of the KPI's latest value, largest first, each coloured by its status and opening its locality. */
    static Node bars(Ctx ctx, List<LocalityRow> rows, java.util.function.Function<LocalityRow, String> label,
                     java.util.function.Consumer<LocalityRow> open, Kpi k) {
        List<LocalityRow> sorted = rows.stream().filter(r -> r.kpi().value() != null)
                .sorted(Comparator.comparing((LocalityRow r) -> r.kpi().value()).reversed()).toList();
        List<BarList.Bar> bars = sorted.stream().map(r -> new BarList.Bar(label.apply(r), r.kpi().value(),
                ctx.kpiValue(k, r.kpi().value()), ctx.theme().palette.color(r.kpi().rag()))).toList();
        BarList list = new BarList(bars, ctx.name(k.shortName()) + " (" + ctx.name(k.unit()) + ")", i -> open.accept(sorted.get(i)));
        list.setId("locality-bars");
        // A long bar may be red and a short one green: the colour is each place against its own
        // trajectory, the length its value. Said under the bars, where the question arises.
        javafx.scene.control.Label note = new javafx.scene.control.Label(ctx.t("bars.colourNote"));
        note.setId(BARS_NOTE_ID);
        note.setWrapText(true);
        note.getStyleClass().add(vn.r57desk.app.theme.Styles.MUTED);
        return new javafx.scene.layout.VBox(6, list, note);
    }
}
