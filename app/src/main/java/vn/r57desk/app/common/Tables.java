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

    /** A system's name short enough for a chart's axis or a grid's header ("Hạ tầng, dữ liệu"); its full name is {@link #systemName}. */
    public static String systemLabel(Ctx ctx, String code) {
        String key = "system.short." + code;
        return ctx.m().has(key) ? ctx.t(key) : systemName(ctx, code);
    }

    /** A system's full name ("Hệ thống hạ tầng thông tin và dữ liệu"), for tooltips and titles. */
    public static String systemName(Ctx ctx, String code) {
        return ctx.catalog().systemList().stream().filter(s -> s.code().equals(code)).findFirst()
                .map(s -> ctx.name(s.name())).orElse(code);
    }

    /** Initiatives in a status (COMPLETED, GREEN…), the status coloured as everywhere else (theme's Palette). */
    public static String statusStyle(vn.r57desk.store.metrics.Rag r) {
        return r == null ? null : StatusStyle.styleClass(r);
    }

    public static DataTable<InitiativeRow> initiativeTable(Ctx ctx, String title, List<InitiativeRow> rows) {
        return DataTable.of(title, rows).id("initiatives-table")
                .text(ctx.t("col.code"), r -> r.initiative().code())
                .text(ctx.t("col.initiative"), r -> ctx.name(r.initiative().title()))
                .styled(ctx.t("col.status"), r -> ctx.rag(r.rag()), r -> statusStyle(r.rag()))
                .number(ctx.t("col.progress"), r -> r.initiative().progress(), ctx::pct)
                .number(ctx.t("col.expected"), r -> r.expectedProgress(), ctx::pct).optional()
                .text(ctx.t("col.deadline"), r -> ctx.date(r.initiative().deadline()))
                .text(ctx.t("col.lead"), r -> ctx.agency(r.initiative().leadAgencyId()))
                .number(ctx.t("col.overdue"), r -> r.tasks().overdue(), ctx::num)
                .number(ctx.t("col.onTime"), r -> r.tasks().onTimeRate(), ctx::pct).optional()
                .onOpen(r -> ctx.nav().go(new Place.InitiativeDetail(r.initiative().id(), r.initiative().systemId())));
    }

    /** KPIs at one scope; opening one shows its series from {@code here}. */
    public static DataTable<KpiStatus> kpiTable(Ctx ctx, String title, List<KpiStatus> kpis, Place here) {
        return DataTable.of(title, kpis).id("kpi-table")
                .text(ctx.t("col.code"), s -> s.kpi().code())
                .text(ctx.t("col.kpi"), s -> ctx.name(s.kpi().name()))
                .number(ctx.t("col.value"), KpiStatus::value, (s, v) -> ctx.kpiValue(s.kpi(), v))
                .text(ctx.t("col.unit"), s -> ctx.name(s.kpi().unit())).optional()
                .text(ctx.t("col.period"), s -> ctx.period(s.period())).optional()
                .number(ctx.t("col.expected"), KpiStatus::expected, (s, v) -> ctx.kpiValue(s.kpi(), v)).optional()
                .text(ctx.t("col.target2030"), s -> ctx.target(s.kpi(), s.kpi().target2030Text()))
                .styled(ctx.t("col.status"), ctx::kpiStatus, s -> statusStyle(s.rag()))
                .onOpen(s -> ctx.nav().go(new Place.KpiSeries(s.kpi().id(), s.scopeId(), here)));
    }

    public static String tasksTitle(Ctx ctx, int shown) {
        return ctx.t(shown >= TASK_ROWS ? "tasks.tableCapped" : "tasks.table", shown);
    }

    public static DataTable<TaskRow> taskTable(Ctx ctx, String title, List<TaskRow> tasks) {
        return DataTable.of(title, tasks).id("task-table")
                .text(ctx.t("col.deadline"), r -> ctx.date(r.task().deadline()))
                .styled(ctx.t("col.status"), r -> r.overdue() ? ctx.t("task.overdue") : r.task().done()
                        ? ctx.t("task.done", ctx.date(r.task().completedAt())) : ctx.t("task.open"),
                        r -> r.overdue() ? statusStyle(vn.r57desk.store.metrics.Rag.RED) : r.task().done() ? statusStyle(vn.r57desk.store.metrics.Rag.COMPLETED) : null)
                .text(ctx.t("col.assignee"), r -> ctx.name(r.assignee()))
                .text(ctx.t("col.code"), TaskRow::initiativeCode)
                .text(ctx.t("col.task"), r -> ctx.name(r.task().title()));
    }
}
