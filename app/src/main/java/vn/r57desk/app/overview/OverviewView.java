package vn.r57desk.app.overview;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.shell.Tiles;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.query.Results.KpiStatus;
import vn.r57desk.store.query.Results.Mover;
import vn.r57desk.store.query.Results.Overview;
import vn.r57desk.store.query.Results.StatusCount;

/** The Overview screen: headline KPI tiles, initiatives by status per system, overdue tasks, movers. */
public final class OverviewView {
    public static final String CONTENT_ID = "overview-content";

    private final OverviewViewModel vm;
    private final Messages messages;
    private final StackPane root = new StackPane();

    public OverviewView(OverviewViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        vm.overviewProperty().addListener((o, a, b) -> render());
        vm.loadingProperty().addListener((o, a, b) -> render());
        vm.errorProperty().addListener((o, a, b) -> render());
        messages.localeProperty().addListener((o, a, b) -> render());
        render();
    }

    public Node node() {
        return root;
    }

    private void render() {
        Overview o = vm.overviewProperty().get();
        if (vm.errorProperty().get() != null) {
            Label l = new Label(vm.errorProperty().get());
            l.getStyleClass().add("r57-error");
            root.getChildren().setAll(l);
            return;
        }
        if (o == null) {
            Label l = new Label(messages.get("loading.overview"));
            l.getStyleClass().add("r57-placeholder");
            root.getChildren().setAll(l);
            return;
        }
        NumberFormat nf = NumberFormat.getNumberInstance(messages.locale());
        nf.setMaximumFractionDigits(2);

        FlowPane tiles = new FlowPane(16, 16);
        for (KpiStatus s : o.headline()) tiles.getChildren().add(kpiTile(s));
        var t = o.tasks();
        String onTime = t.onTimeRate() == null ? "–" : nf.format(t.onTimeRate() * 100) + " %";
        tiles.getChildren().add(Tiles.number(messages.get("overview.tasks") + " — " + messages.get("tasks.overdue"), t.overdue(), 0, "",
                messages.get("tasks.overdueText", onTime, nf.format(t.dueIn30())), "", t.overdue() > 0 ? Rag.RED : Rag.GREEN));

        VBox movers = new VBox(6);
        for (Mover m : o.movers()) {
            Label l = new Label("• " + m.status().kpi().name().in(messages.locale()) + ": " + messages.get("mover.change",
                    nf.format(m.status().value()), (m.change() > 0 ? "+" : "") + nf.format(m.change())));
            l.getStyleClass().add("r57-mover");
            l.setWrapText(true);
            movers.getChildren().add(l);
        }

        VBox content = new VBox(12, section("overview.headline"), tiles, section("overview.bySystem"), statusChart(o.bySystem()),
                section("overview.movers"), movers);
        content.setId(CONTENT_ID);
        content.setPadding(new Insets(8, 24, 24, 24));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root.getChildren().setAll(scroll);
    }

    private Label section(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("r57-section-title");
        return l;
    }

    private Node kpiTile(KpiStatus s) {
        var k = s.kpi();
        String target = k.target2030Text() != null ? k.target2030Text() : k.target2045Text() != null ? k.target2045Text() + " (2045)" : "–";
        String period = s.period() == null ? "" : messages.get("tile.period",
                Period.toYearMonth(s.period()).format(DateTimeFormatter.ofPattern("MM/yyyy")));
        boolean rank = k.unit().en().startsWith("rank");
        return Tiles.number(k.name().in(messages.locale()), s.value() == null ? 0 : s.value(), rank ? 0 : 2,
                k.unit().in(messages.locale()), messages.get("tile.target", target) + "\n" + period,
                messages.get("rag." + s.rag().name()), s.rag());
    }

    private Node statusChart(List<StatusCount> bySystem) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        y.setTickUnit(1);
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setAnimated(false);
        chart.setPrefHeight(380);
        chart.setCategoryGap(28);
        for (Rag r : List.of(Rag.COMPLETED, Rag.GREEN, Rag.AMBER, Rag.RED)) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(messages.get("rag." + r.name()));
            for (StatusCount s : bySystem) {
                series.getData().add(new XYChart.Data<>(s.code().replace("SYS", messages.english() ? "System " : "Hệ thống "),
                        s.counts().getOrDefault(r, 0)));
            }
            chart.getData().add(series);
        }
        return chart;
    }
}
