package vn.r57desk.app.common;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.scene.Node;

import javafx.scene.Cursor;
import vn.r57desk.app.widgets.HoverTip;
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

    /**
     * Initiatives by status, one stacked bar per group; clicking a bar's part opens that group in
     * that status. Each part says its group, status and count when the pointer rests on it.
     */
    public static StackedBarChart<String, Number> statusBars(Ctx ctx, List<StatusCount> groups, java.util.function.Function<StatusCount, String> label,
                                                      BiConsumer<StatusCount, Rag> open) {
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
            // The chart makes each bar's node as the series is added: link it now (a listener for
            // a node to come, as before, never ran and the bars did nothing).
            for (int i = 0; i < groups.size(); i++) {
                StatusCount g = groups.get(i);
                XYChart.Data<String, Number> d = s.getData().get(i);
                Consumer<Node> link = node -> {
                    if (node == null) return;
                    node.setCursor(Cursor.HAND);
                    node.setOnMouseClicked(e -> open.accept(g, r));
                    HoverTip.on(node, () -> barTip(ctx, g, r));
                };
                link.accept(d.getNode());
                d.nodeProperty().addListener((o, a, node) -> link.accept(node));
            }
        }
        return chart;
    }

    /** "Hệ thống hạ tầng thông tin và dữ liệu — Đúng tiến độ: 7 sáng kiến". */
    static String barTip(Ctx ctx, StatusCount g, Rag r) {
        return ctx.t("chart.barTip", ctx.name(g.name()), ctx.rag(r), g.counts().getOrDefault(r, 0));
    }
}
