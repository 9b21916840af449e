package vn.r57desk.app.kpis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.common.StatusStyle;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.notes.FeedbackPanel;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.sync.Outbox;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.query.Results.KpiSeries;
import vn.r57desk.store.query.Results.Point;

/** One KPI at one scope: its reported values against the straight trajectory to its target. */
public final class KpiScreen implements Screen<Place.KpiSeries, KpiScreen.Data> {
    public record Data(KpiSeries series, List<Outbox.Item> feedback, List<vn.r57desk.store.meeting.Note> privateNotes) {}

    @Override
    public Class<Place.KpiSeries> placeType() {
        return Place.KpiSeries.class;
    }

    @Override
    public Data load(DrillDown dd, Place.KpiSeries k, LocalDate today) throws CacheException {
        return new Data(dd.kpiSeries(k.kpiId(), k.scopeId(), SpanNote.range(today)),
                Outbox.about(dd.cache(), FeedbackPanel.KPI, k.kpiId(), k.scopeId()),
                vn.r57desk.app.notes.PrivateNotesPanel.load(dd.cache(), "kpi", dd.catalog().kpis().get(k.kpiId()).code()));
    }

    /** Months since January 2025: a numeric axis keeps the trajectory a straight line. */
    static double x(int period) {
        YearMonth m = Period.toYearMonth(period);
        return (m.getYear() - 2025) * 12 + m.getMonthValue() - 1;
    }

    @Override
    public Node render(Ctx ctx, Place.KpiSeries here, Data data) {
        KpiSeries s = data.series();
        var k = s.kpi();
        var st = s.status();
        Label summary = new Label(ctx.t("kpi.summary", ctx.kpiValue(k, st.value()), ctx.name(k.unit()), ctx.period(st.period()),
                ctx.kpiValue(k, st.expected()), ctx.target(k, k.target2030Text()), ctx.kpiStatus(st)));
        summary.getStyleClass().addAll(Styles.KPI_SUMMARY, StatusStyle.styleClass(st.rag()));
        summary.setWrapText(true);
        Label name = new Label(ctx.name(k.name()));
        name.setWrapText(true);
        name.getStyleClass().add(Styles.KPI_NAME);

        double end = s.trajectoryEnd() != null ? x(s.trajectoryEnd().period()) : s.points().isEmpty() ? 12 : x(s.points().getLast().period());
        double start = Math.min(0, s.trajectoryStart() != null ? x(s.trajectoryStart().period()) : 0);
        // Whole years, so each tick sits on 1 January of the year it names.
        NumberAxis xAxis = new NumberAxis(Math.floor(start / 12) * 12, Math.ceil((end + 1) / 12) * 12, 12);
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Integer.toString(2025 + (int) Math.floor(n.doubleValue() / 12));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis yAxis = new NumberAxis();
        yAxis.setForceZeroInRange(false);
        yAxis.setLabel(ctx.name(k.unit()));
        LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setVerticalZeroLineVisible(false);
        chart.setPrefHeight(460);
        chart.getStyleClass().add(Styles.KPI_CHART);

        XYChart.Series<Number, Number> actual = new XYChart.Series<>();
        actual.setName(ctx.t("kpi.actual"));
        for (Point p : s.points()) actual.getData().add(new XYChart.Data<>(x(p.period()), p.value()));
        chart.getData().add(actual);
        // Each reported value, said when the pointer rests on its point: "10/2026: 46,6 % GDP".
        for (int i = 0; i < s.points().size(); i++) {
            Point p = s.points().get(i);
            XYChart.Data<Number, Number> d = actual.getData().get(i);
            String tip = pointTip(ctx, k, p.period(), p.value());
            java.util.function.Consumer<Node> install = node -> {
                if (node != null) vn.r57desk.app.widgets.HoverTip.on(node, () -> tip);
            };
            install.accept(d.getNode());
            d.nodeProperty().addListener((o, a, node) -> install.accept(node));
        }
        if (s.trajectoryStart() != null) {
            XYChart.Series<Number, Number> trajectory = new XYChart.Series<>();
            trajectory.setName(ctx.t("kpi.trajectory"));
            trajectory.getData().add(new XYChart.Data<>(x(s.trajectoryStart().period()), s.trajectoryStart().value()));
            trajectory.getData().add(new XYChart.Data<>(x(s.trajectoryEnd().period()), s.trajectoryEnd().value()));
            chart.getData().add(trajectory);
        }
        Label source = new Label(ctx.t("kpi.reports", st.reports(), st.lateReports()));
        source.getStyleClass().add(Styles.MUTED);
        // A note here is about these values: the KPI at this scope ("the October figure is not verified").
        Node notes = FeedbackPanel.build(ctx, FeedbackPanel.KPI, k.id(), k.code() + " · " + ctx.name(k.shortName()) + " — " + scopeName(ctx, here),
                here.scopeId(), data.feedback());
        return new VBox(10, name, SpanNote.label(ctx, false), summary, chart, source, notes,
                vn.r57desk.app.notes.PrivateNotesPanel.build(ctx, "kpi", k.code(), null, k.code() + " · " + ctx.name(k.shortName()), data.privateNotes()));
    }

    /** What a point of the chart says on hover: its month and value with the KPI's unit. */
    static String pointTip(Ctx ctx, vn.r57desk.store.model.Kpi k, int period, Double value) {
        return ctx.t("kpi.pointTip", ctx.period(period), ctx.kpiValue(k, value), ctx.name(k.unit()));
    }

    /** Whose values these are: the nation, a ministry, a province, or the commune the KPI was opened from. */
    static String scopeName(Ctx ctx, Place.KpiSeries here) {
        var cat = ctx.catalog();
        if (here.scopeId() == cat.nationalScope()) return ctx.t("scope.national");
        for (var e : cat.provinceScopes().entrySet()) if (e.getValue() == here.scopeId()) return ctx.name(cat.provinces().get(e.getKey()).name());
        for (var e : cat.agencyScopes().entrySet()) if (e.getValue() == here.scopeId()) return ctx.name(cat.agencies().get(e.getKey()).name());
        if (here.from() instanceof Place.Commune c) return ctx.m().english() ? c.nameEn() : c.nameVi();
        return "";
    }
}
