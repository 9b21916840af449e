package vn.r57desk.app.screens;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.Results.InitiativeRow;
import vn.r57desk.store.query.Results.KpiStatus;
import vn.r57desk.store.query.Results.StatusCount;
import vn.r57desk.store.query.Results.TaskRow;

/** Systems → a system's initiatives → one initiative. */
final class SystemScreens {
    private SystemScreens() {}

    static String systemLabel(Ctx ctx, String code) {
        return code.replace("SYS", ctx.m().english() ? "System " : "Hệ thống ");
    }

    static Node systems(Ctx ctx, ScreenData.SystemsData data) {
        var chart = Charts.statusBars(ctx, data.bySystem(), s -> systemLabel(ctx, s.code()),
                s -> ctx.nav().go(new Place.SystemInitiatives(s.id())));
        var table = DataTable.of(ctx.t("systems.table"), data.bySystem()).id("systems-table")
                .text(ctx.t("col.code"), s -> systemLabel(ctx, s.code()))
                .text(ctx.t("col.name"), s -> ctx.name(s.name()))
                .number(ctx.rag(Rag.COMPLETED), s -> s.counts().get(Rag.COMPLETED), ctx::num)
                .number(ctx.rag(Rag.GREEN), s -> s.counts().get(Rag.GREEN), ctx::num)
                .number(ctx.rag(Rag.AMBER), s -> s.counts().get(Rag.AMBER), ctx::num)
                .number(ctx.rag(Rag.RED), s -> s.counts().get(Rag.RED), ctx::num)
                .onOpen(s -> ctx.nav().go(new Place.SystemInitiatives(s.id())));
        return new VBox(12, chart, table.build(ctx.m(), ctx.runner(), ctx.toast()));
    }

    static DataTable<InitiativeRow> initiativeTable(Ctx ctx, String title, List<InitiativeRow> rows) {
        return DataTable.of(title, rows).id("initiatives-table")
                .text(ctx.t("col.code"), r -> r.initiative().code())
                .text(ctx.t("col.initiative"), r -> ctx.name(r.initiative().title()))
                .text(ctx.t("col.status"), r -> ctx.rag(r.rag()))
                .number(ctx.t("col.progress"), r -> r.initiative().progress(), ctx::pct)
                .number(ctx.t("col.expected"), r -> r.expectedProgress(), ctx::pct)
                .text(ctx.t("col.deadline"), r -> r.initiative().deadline().toString())
                .text(ctx.t("col.lead"), r -> ctx.catalog().agencies().get(r.initiative().leadAgencyId()).code())
                .number(ctx.t("col.overdue"), r -> r.tasks().overdue(), ctx::num)
                .number(ctx.t("col.onTime"), r -> r.tasks().onTimeRate(), ctx::pct)
                .onOpen(r -> ctx.nav().go(new Place.InitiativeDetail(r.initiative().id(), r.initiative().systemId())));
    }

    /** Ids of the initiative list's filters. */
    static final String FILTER_STATUS_ID = "filter-status";
    static final String FILTER_LEAD_ID = "filter-lead";
    static final String FILTER_DEADLINE_ID = "filter-deadline";

    /**
     * A system's initiatives, filterable by status, lead agency and the year of the deadline; every
     * column sorts. Each filter's first choice is "all".
     */
    static Node initiatives(Ctx ctx, List<InitiativeRow> rows) {
        List<Rag> statuses = List.of(Rag.COMPLETED, Rag.GREEN, Rag.AMBER, Rag.RED);
        ComboBox<String> status = filter(ctx, FILTER_STATUS_ID, statuses.stream().map(ctx::rag).toList());
        List<String> leads = rows.stream().map(r -> ctx.catalog().agencies().get(r.initiative().leadAgencyId()).code())
                .distinct().sorted().toList();
        ComboBox<String> agency = filter(ctx, FILTER_LEAD_ID, leads);
        List<Integer> years = rows.stream().map(r -> r.initiative().deadline().getYear()).distinct().sorted().toList();
        ComboBox<String> deadline = filter(ctx, FILTER_DEADLINE_ID, years.stream().map(y -> ctx.t("filter.deadlineYear", String.valueOf(y))).toList());
        VBox holder = new VBox();
        Runnable apply = () -> {
            // Index 0 is "all"; the others follow the lists above.
            int si = status.getSelectionModel().getSelectedIndex();
            int ai = agency.getSelectionModel().getSelectedIndex();
            int yi = deadline.getSelectionModel().getSelectedIndex();
            List<InitiativeRow> shown = rows.stream()
                    .filter(r -> si <= 0 || r.rag() == statuses.get(si - 1))
                    .filter(r -> ai <= 0 || ctx.catalog().agencies().get(r.initiative().leadAgencyId()).code().equals(leads.get(ai - 1)))
                    .filter(r -> yi <= 0 || r.initiative().deadline().getYear() == years.get(yi - 1))
                    .toList();
            holder.getChildren().setAll(initiativeTable(ctx, ctx.t("initiatives.table", shown.size()), shown)
                    .build(ctx.m(), ctx.runner(), ctx.toast()));
        };
        for (ComboBox<String> c : List.of(status, agency, deadline)) c.setOnAction(e -> apply.run());
        apply.run();
        HBox filters = new HBox(12, new Label(ctx.t("filter.status")), status, new Label(ctx.t("filter.lead")), agency,
                new Label(ctx.t("filter.deadline")), deadline);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        filters.getStyleClass().add("r57-filters");
        return new VBox(12, filters, holder);
    }

    /** A filter's choices: "all", then {@code choices}; "all" selected. */
    private static ComboBox<String> filter(Ctx ctx, String id, List<String> choices) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().add(ctx.t("filter.all"));
        c.getItems().addAll(choices);
        c.getSelectionModel().selectFirst();
        return c;
    }

    static Node initiative(Ctx ctx, Place here, ScreenData.InitiativeData data) {
        var d = data.detail();
        var i = d.row().initiative();
        GridPane facts = new GridPane();
        facts.getStyleClass().add("r57-facts");
        facts.setHgap(16);
        facts.setVgap(6);
        int row = 0;
        row = fact(facts, row, ctx.t("col.status"), ctx.rag(d.row().rag()) + " · " + ctx.t("initiative.progress",
                ctx.pct(i.progress()), ctx.pct(d.row().expectedProgress())), d.row().rag());
        row = fact(facts, row, ctx.t("col.deadline"), ctx.date(i.deadline()) + " · " + ctx.t("initiative.phase", i.phase()), null);
        row = fact(facts, row, ctx.t("col.lead"), ctx.name(d.lead().name()), null);
        row = fact(facts, row, ctx.t("initiative.coordinating"),
                String.join("; ", d.coordinators().stream().map(a -> ctx.name(a.name())).toList()), null);
        row = fact(facts, row, ctx.t("initiative.chief"), i.chiefEngineer(), null);
        row = fact(facts, row, ctx.t("initiative.orientation"), ctx.name(i.orientation()), null);
        row = fact(facts, row, ctx.t("initiative.outputs"), ctx.name(i.outputs()), null);
        row = fact(facts, row, ctx.t("initiative.criteria"), ctx.name(i.criteria()), null);
        var t = d.row().tasks();
        fact(facts, row, ctx.t("overview.tasks"), ctx.t("tasks.summary", t.total(), t.overdue(), t.dueIn30(), ctx.pct(t.onTimeRate())), null);

        VBox box = new VBox(12, facts);
        if (!d.kpis().isEmpty()) {
            box.getChildren().add(kpiTable(ctx, ctx.t("initiative.kpis"), d.kpis(), here).build(ctx.m(), ctx.runner(), ctx.toast()));
        }
        box.getChildren().add(taskTable(ctx, SystemScreens.tasksTitle(ctx, data.tasks().size()), data.tasks())
                .build(ctx.m(), ctx.runner(), ctx.toast()));
        box.getChildren().add(FeedbackPanel.build(ctx, FeedbackPanel.INITIATIVE, i.id(), i.code() + " · " + ctx.name(i.title()), null, data.feedback()));
        return box;
    }

    private static int fact(GridPane g, int row, String label, String value, Rag rag) {
        Label l = new Label(label);
        l.getStyleClass().add("r57-fact-label");
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add("r57-fact-value");
        if (rag != null) v.getStyleClass().add(StatusStyle.styleClass(rag));
        g.addRow(row, l, v);
        GridPane.setMargin(l, new Insets(0, 0, 0, 0));
        return row + 1;
    }

    /** KPIs at one scope; opening one shows its series from {@code here}. */
    static DataTable<KpiStatus> kpiTable(Ctx ctx, String title, List<KpiStatus> kpis, Place here) {
        return DataTable.of(title, kpis).id("kpi-table")
                .text(ctx.t("col.code"), s -> s.kpi().code())
                .text(ctx.t("col.kpi"), s -> ctx.name(s.kpi().name()))
                .number(ctx.t("col.value"), KpiStatus::value, ctx::num)
                .text(ctx.t("col.unit"), s -> ctx.name(s.kpi().unit()))
                .text(ctx.t("col.period"), s -> ctx.period(s.period()))
                .number(ctx.t("col.expected"), KpiStatus::expected, ctx::num)
                .text(ctx.t("col.target2030"), s -> s.kpi().target2030Text() == null ? "–" : s.kpi().target2030Text())
                .text(ctx.t("col.status"), s -> ctx.rag(s.rag()))
                .onOpen(s -> ctx.nav().go(new Place.KpiSeries(s.kpi().id(), s.scopeId(), here)));
    }

    static String tasksTitle(Ctx ctx, int shown) {
        return ctx.t(shown >= ScreenData.TASK_ROWS ? "tasks.tableCapped" : "tasks.table", shown);
    }

    static DataTable<TaskRow> taskTable(Ctx ctx, String title, List<TaskRow> tasks) {
        return DataTable.of(title, tasks).id("task-table")
                .text(ctx.t("col.deadline"), r -> r.task().deadline().toString())
                .text(ctx.t("col.status"), r -> r.overdue() ? ctx.t("task.overdue") : r.task().done()
                        ? ctx.t("task.done", ctx.date(r.task().completedAt())) : ctx.t("task.open"))
                .text(ctx.t("col.assignee"), r -> ctx.name(r.assignee()))
                .text(ctx.t("col.code"), TaskRow::initiativeCode)
                .text(ctx.t("col.task"), r -> ctx.name(r.task().title()));
    }

}
