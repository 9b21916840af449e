package vn.r57desk.app.common;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Cursor;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;

import vn.r57desk.app.screens.Ctx;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.Results.StatusCount;

/** Charts shared by several screens. */
public final class Charts {
    private Charts() {}

    /** Initiatives by status, one stacked bar per group; clicking a bar opens that group. */
    public static StackedBarChart<String, Number> statusBars(Ctx ctx, List<StatusCount> groups, java.util.function.Function<StatusCount, String> label,
                                                      Consumer<StatusCount> open) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        y.setTickUnit(1);
        y.setLabel(ctx.t("chart.initiatives"));
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setAnimated(false);
        chart.setPrefHeight(360);
        chart.setCategoryGap(24);
        for (Rag r : List.of(Rag.COMPLETED, Rag.GREEN, Rag.AMBER, Rag.RED)) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(ctx.rag(r));
            for (StatusCount g : groups) s.getData().add(new XYChart.Data<>(label.apply(g), g.counts().getOrDefault(r, 0)));
            chart.getData().add(s);
        }
        // Nodes exist once the chart has data: make every bar a link into its group.
        for (XYChart.Series<String, Number> s : chart.getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                StatusCount g = groups.stream().filter(x2 -> label.apply(x2).equals(d.getXValue())).findFirst().orElseThrow();
                d.nodeProperty().addListener((o, a, node) -> {
                    if (node == null) return;
                    node.setCursor(Cursor.HAND);
                    node.setOnMouseClicked(e -> open.accept(g));
                });
            }
        }
        return chart;
    }
}
