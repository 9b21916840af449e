package vn.r57desk.app.screens;

import java.util.List;

import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Agency;
import vn.r57desk.store.query.Results.GridCell;
import vn.r57desk.store.query.Results.StatusCount;

/** Ministries: who leads what, the ministries × systems grid, and one ministry's portfolio. */
final class MinistryScreens {
    private MinistryScreens() {}

    static Node ministries(Ctx ctx, ScreenData.MinistriesData data) {
        var table = DataTable.of(ctx.t("ministries.table"), data.byMinistry()).id("ministries-table")
                .text(ctx.t("col.code"), StatusCount::code)
                .text(ctx.t("col.name"), s -> ctx.name(s.name()))
                .number(ctx.t("col.leads"), StatusCount::total, ctx::num)
                .number(ctx.rag(Rag.RED), s -> s.counts().get(Rag.RED), ctx::num)
                .number(ctx.rag(Rag.AMBER), s -> s.counts().get(Rag.AMBER), ctx::num)
                .number(ctx.rag(Rag.GREEN), s -> s.counts().get(Rag.GREEN), ctx::num)
                .number(ctx.rag(Rag.COMPLETED), s -> s.counts().get(Rag.COMPLETED), ctx::num)
                .onOpen(s -> ctx.nav().go(new Place.Ministry(s.id())));
        return new VBox(16, grid(ctx, data.grid()), table.build(ctx.m(), ctx.runner(), ctx.toast()));
    }

    /** Ministries × systems: each cell coloured by the worst status among the initiatives the ministry leads or coordinates there. */
    static Node grid(Ctx ctx, List<GridCell> cells) {
        GridPane g = new GridPane();
        g.getStyleClass().add("r57-status-grid");
        g.setHgap(4);
        g.setVgap(4);
        var systems = ctx.catalog().systemList();
        for (int c = 0; c < systems.size(); c++) {
            Label h = new Label(SystemScreens.systemLabel(ctx, systems.get(c).code()));
            h.getStyleClass().add("r57-grid-header");
            h.setTooltip(new Tooltip(ctx.name(systems.get(c).name())));
            g.add(h, c + 1, 0);
        }
        List<Agency> ministries = ctx.catalog().ministries();
        for (int r = 0; r < ministries.size(); r++) {
            Agency a = ministries.get(r);
            Label name = new Label(ctx.name(a.name()));
            name.getStyleClass().add("r57-grid-row");
            g.add(name, 0, r + 1);
            for (int c = 0; c < systems.size(); c++) {
                long sys = systems.get(c).id();
                GridCell cell = cells.stream().filter(x -> x.agencyId() == a.id() && x.systemId() == sys).findFirst().orElseThrow();
                int n = cell.counts().values().stream().mapToInt(Integer::intValue).sum();
                Label box = new Label(n == 0 ? "" : Integer.toString(n));
                box.getStyleClass().addAll("r57-grid-cell", StatusStyle.styleClass(cell.worst()));
                box.setMaxWidth(Double.MAX_VALUE);
                if (n > 0) {
                    box.setTooltip(new Tooltip(ctx.t("grid.cell", ctx.name(a.name()), n, ctx.rag(cell.worst()))));
                    box.setCursor(Cursor.HAND);
                    box.setOnMouseClicked(e -> ctx.nav().go(new Place.Ministry(a.id())));
                }
                g.add(box, c + 1, r + 1);
            }
        }
        Label title = new Label(ctx.t("ministries.grid"));
        title.getStyleClass().add("r57-section-title");
        return new VBox(6, title, g);
    }

    static Node ministry(Ctx ctx, Place.Ministry here, ScreenData.MinistryData data) {
        var s = data.summary();
        var t = s.tasks();
        Label tasks = new Label(ctx.t("tasks.summary", t.total(), t.overdue(), t.dueIn30(), ctx.pct(t.onTimeRate())));
        tasks.getStyleClass().add("r57-kpi-summary");
        VBox box = new VBox(14, tasks,
                SystemScreens.initiativeTable(ctx, ctx.t("ministry.leads", s.leads().size()), s.leads()).build(ctx.m(), ctx.runner(), ctx.toast()),
                SystemScreens.initiativeTable(ctx, ctx.t("ministry.coordinates", s.coordinates().size()), s.coordinates())
                        .build(ctx.m(), ctx.runner(), ctx.toast()));
        if (!s.kpis().isEmpty()) {
            box.getChildren().add(SystemScreens.kpiTable(ctx, ctx.t("ministry.kpis"), s.kpis(), here).build(ctx.m(), ctx.runner(), ctx.toast()));
        }
        box.getChildren().add(SystemScreens.taskTable(ctx, SystemScreens.tasksTitle(ctx, data.tasks().size()), data.tasks())
                .build(ctx.m(), ctx.runner(), ctx.toast()));
        var agency = ctx.catalog().agencies().get(here.agencyId());
        box.getChildren().add(FeedbackPanel.build(ctx, FeedbackPanel.AGENCY, agency.id(), ctx.name(agency.name()), null, data.feedback()));
        return box;
    }
}
