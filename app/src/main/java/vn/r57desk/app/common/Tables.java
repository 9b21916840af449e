package vn.r57desk.app.common;

import java.util.List;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.query.Results.InitiativeRow;
import vn.r57desk.store.query.Results.KpiStatus;
import vn.r57desk.store.query.Results.TaskRow;

/** The tables several screens share: initiatives, KPIs at a scope, tasks; and how a system is named. */
public final class Tables {
    /** Rows shown in a task table; the counts above it cover all tasks. */
    public static final int TASK_ROWS = 200;

    private Tables() {}

    public static String systemLabel(Ctx ctx, String code) {
        return code.replace("SYS", ctx.m().english() ? "System " : "Hệ thống ");
    }

    public static DataTable<InitiativeRow> initiativeTable(Ctx ctx, String title, List<InitiativeRow> rows) {
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

    /** KPIs at one scope; opening one shows its series from {@code here}. */
    public static DataTable<KpiStatus> kpiTable(Ctx ctx, String title, List<KpiStatus> kpis, Place here) {
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

    public static String tasksTitle(Ctx ctx, int shown) {
        return ctx.t(shown >= TASK_ROWS ? "tasks.tableCapped" : "tasks.table", shown);
    }

    public static DataTable<TaskRow> taskTable(Ctx ctx, String title, List<TaskRow> tasks) {
        return DataTable.of(title, tasks).id("task-table")
                .text(ctx.t("col.deadline"), r -> r.task().deadline().toString())
                .text(ctx.t("col.status"), r -> r.overdue() ? ctx.t("task.overdue") : r.task().done()
                        ? ctx.t("task.done", ctx.date(r.task().completedAt())) : ctx.t("task.open"))
                .text(ctx.t("col.assignee"), r -> ctx.name(r.assignee()))
                .text(ctx.t("col.code"), TaskRow::initiativeCode)
                .text(ctx.t("col.task"), r -> ctx.name(r.task().title()));
    }
}
