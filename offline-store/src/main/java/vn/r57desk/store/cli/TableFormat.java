package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.r57desk.store.metrics.RankingIndex;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.Results.*;
import vn.r57desk.store.query.TaskCounts;

/** Readable tables for the terminal: one row per line, columns padded, numbers in the user's format. */
final class TableFormat {
    private TableFormat() {}

    static void print(PrintWriter out, QueryId id, Object result, Locale locale) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMaximumFractionDigits(2);
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        switch (result) {
            case Overview o -> {
                out.println("Headline KPIs (national)");
                kpiTable(o.headline(), locale, nf, out);
                out.println();
                out.println("Initiatives by status per system");
                statusTable(o.bySystem(), locale, out);
                out.println();
                out.println("Tasks: " + tasks(o.tasks(), nf));
                out.println();
                out.println("Biggest movers since the previous period");
                kpiTable(o.movers().stream().map(Mover::status).toList(), locale, nf, out);
                return;
            }
            case InitiativeDetail d -> {
                var i = d.row().initiative();
                out.println(i.code() + "  " + i.title().in(locale) + "  [" + d.row().rag() + "]");
                out.println("system:        " + d.system().name().in(locale));
                out.println("lead agency:   " + d.lead().name().in(locale));
                out.println("coordinating:  " + String.join("; ", d.coordinators().stream().map(a -> a.name().in(locale)).toList()));
                out.println("chief engineer: " + i.chiefEngineer());
                out.println("deadline:      " + i.deadline() + " (phase " + i.phase() + "), progress " + pct(i.progress(), nf)
                        + " vs expected " + pct(d.row().expectedProgress(), nf));
                out.println("outputs:       " + i.outputs().in(locale));
                out.println("criteria:      " + i.criteria().in(locale));
                out.println("tasks:         " + tasks(d.row().tasks(), nf));
                kpiTable(d.kpis(), locale, nf, out);
                return;
            }
            case MinistrySummary m -> {
                out.println(m.agency().code() + "  " + m.agency().name().in(locale));
                out.println("tasks: " + tasks(m.tasks(), nf));
                out.println("leads:");
                initiativeTable(m.leads(), locale, nf, out);
                out.println("coordinates:");
                initiativeTable(m.coordinates(), locale, nf, out);
                kpiTable(m.kpis(), locale, nf, out);
                return;
            }
            case LocalityDetail l -> {
                out.println(l.locality().code() + "  " + l.locality().name().in(locale)
                        + (l.parent() != null ? ", " + l.parent().name().in(locale) : "") + (l.locality().synthetic() ? "  (synthetic commune)" : ""));
                out.println("tasks: " + tasks(l.tasks(), nf));
                out.println("reporting on time: " + pct(l.reportingTimeliness(), nf));
                kpiTable(l.kpis(), locale, nf, out);
                if (!l.activeInitiatives().isEmpty()) initiativeTable(l.activeInitiatives(), locale, nf, out);
                return;
            }
            case KpiSeries s -> {
                out.println(s.kpi().code() + "  " + s.kpi().name().in(locale) + " (" + s.kpi().unit().in(locale) + ")  ["
                        + s.status().rag() + "]");
                if (s.trajectoryStart() != null) {
                    out.println("trajectory: " + nf.format(s.trajectoryStart().value()) + " (" + s.trajectoryStart().period() + ") → "
                            + nf.format(s.trajectoryEnd().value()) + " (" + s.trajectoryEnd().period() + ")");
                }
                header.addAll(List.of("period", "value"));
                for (Point p : s.points()) rows.add(List.of(String.valueOf(p.period()), nf.format(p.value())));
            }
            case CommunePage page -> {
                out.println("communes " + (page.offset() + 1) + "–" + (page.offset() + page.rows().size()) + " of " + page.total());
                print(out, id, page.rows(), locale);
                return;
            }
            case List<?> list when !list.isEmpty() && list.getFirst() instanceof StatusCount -> {
                statusTable(list.stream().map(StatusCount.class::cast).toList(), locale, out);
                return;
            }
            case List<?> list when !list.isEmpty() && list.getFirst() instanceof InitiativeRow -> {
                initiativeTable(list.stream().map(InitiativeRow.class::cast).toList(), locale, nf, out);
                return;
            }
            case List<?> list when !list.isEmpty() && list.getFirst() instanceof TaskRow -> {
                header.addAll(List.of("deadline", "done", "overdue", "initiative", "assignee", "task"));
                for (Object o : list) {
                    TaskRow t = (TaskRow) o;
                    rows.add(List.of(t.task().deadline().toString(), t.task().completedAt() == null ? "" : t.task().completedAt().toString(),
                            t.overdue() ? "OVERDUE" : "", t.initiativeCode(), t.assignee().in(locale), t.task().title().in(locale)));
                }
            }
            case List<?> list when !list.isEmpty() && list.getFirst() instanceof GridCell -> {
                header.addAll(List.of("agency", "system", "worst", "counts"));
                for (Object o : list) {
                    GridCell g = (GridCell) o;
                    if (g.worst() != Rag.NO_DATA) rows.add(List.of(String.valueOf(g.agencyId()), String.valueOf(g.systemId()), g.worst().name(), g.counts().toString()));
                }
            }
            case List<?> list when !list.isEmpty() && list.getFirst() instanceof LocalityRow -> {
                header.addAll(List.of("code", "name", "KPI value", "period", "status", "overdue", "on-time", "reporting"));
                for (Object o : list) {
                    LocalityRow r = (LocalityRow) o;
                    rows.add(List.of(r.locality().code(), r.locality().name().in(locale), num(r.kpi().value(), nf),
                            r.kpi().period() == null ? "" : r.kpi().period().toString(), r.kpi().rag().name(),
                            String.valueOf(r.tasks().overdue()), pct(r.tasks().onTimeRate(), nf), pct(r.reportingTimeliness(), nf)));
                }
            }
            case List<?> list when !list.isEmpty() && list.getFirst() instanceof DeadlineRow -> {
                header.addAll(List.of("code", "name", "tasks", "overdue", "due ≤30 d from today", "due ≤90 d from today", "on-time"));
                for (Object o : list) {
                    DeadlineRow d = (DeadlineRow) o;
                    rows.add(List.of(d.code(), d.name().in(locale), String.valueOf(d.counts().total()), String.valueOf(d.counts().overdue()), String.valueOf(d.counts().dueIn30()),
                            String.valueOf(d.counts().dueIn90()), pct(d.counts().onTimeRate(), nf)));
                }
            }
            case List<?> list when !list.isEmpty() && list.getFirst() instanceof RankRow -> {
                header.addAll(List.of("rank", "code", "name", "index", "components"));
                for (Object o : list) {
                    RankRow r = (RankRow) o;
                    StringBuilder parts = new StringBuilder();
                    for (RankingIndex.Part p : r.parts()) {
                        parts.append(p.component().name().toLowerCase(Locale.ROOT)).append('=').append(pct(p.value(), nf)).append(' ');
                    }
                    rows.add(List.of(String.valueOf(r.rank()), r.code(), r.name().in(locale), num(r.index(), nf), parts.toString().trim()));
                }
            }
            default -> {
                out.println("(no rows)");
                return;
            }
        }
        table(out, header, rows);
    }

    private static String tasks(TaskCounts t, NumberFormat nf) {
        return t.total() + " with a deadline in the periods, " + t.open() + " open, " + t.overdue() + " overdue, " + t.dueIn30() + " due within 30 days (from today), "
                + t.dueIn90() + " within 90; on time " + pct(t.onTimeRate(), nf);
    }

    private static void kpiTable(List<KpiStatus> list, Locale locale, NumberFormat nf, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        for (KpiStatus s : list) {
            // "no data yet" rather than a blank: a headline KPI nobody reported is still on the screen.
            String status = !s.hasData() ? "no data yet" : s.old() ? s.rag().name() + " (" + s.monthsOld() + " months old)" : s.rag().name();
            rows.add(List.of(s.kpi().code(), s.kpi().name().in(locale), num(s.value(), nf), s.period() == null ? "" : s.period().toString(),
                    num(s.expected(), nf), vn.r57desk.store.metrics.TargetText.display(s.kpi().target2030Text()), status, num(s.change(), nf)));
        }
        table(out, List.of("KPI", "name", "value", "period", "expected", "2030", "status", "change"), rows);
    }

    private static void statusTable(List<StatusCount> list, Locale locale, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        for (StatusCount s : list) {
            rows.add(List.of(s.code(), s.name().in(locale), n(s, Rag.COMPLETED), n(s, Rag.GREEN), n(s, Rag.AMBER), n(s, Rag.RED)));
        }
        table(out, List.of("code", "name", "completed", "green", "amber", "red"), rows);
    }

    private static String n(StatusCount s, Rag r) {
        return String.valueOf(s.counts().getOrDefault(r, 0));
    }

    private static void initiativeTable(List<InitiativeRow> list, Locale locale, NumberFormat nf, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        for (InitiativeRow r : list) {
            rows.add(List.of(r.initiative().code(), r.initiative().title().in(locale), r.rag().name(), pct(r.initiative().progress(), nf),
                    pct(r.expectedProgress(), nf), r.initiative().deadline().toString(), String.valueOf(r.tasks().overdue())));
        }
        table(out, List.of("code", "title", "status", "progress", "expected", "deadline", "overdue tasks"), rows);
    }

    private static String num(Double v, NumberFormat nf) {
        return v == null ? "–" : nf.format(v);
    }

    private static String pct(Double v, NumberFormat nf) {
        return v == null ? "–" : nf.format(v * 100) + " %";
    }

    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) w[i] = header.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.min(60, Math.max(w[i], r.get(i).length()));
        line(out, header, w);
        StringBuilder sep = new StringBuilder();
        for (int x : w) sep.append("-".repeat(x)).append("  ");
        out.println(sep.toString().stripTrailing());
        for (List<String> r : rows) line(out, r, w);
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            if (c.length() > w[i]) c = c.substring(0, w[i] - 1) + "…";
            b.append(c).append(" ".repeat(w[i] - c.length())).append("  ");
        }
        out.println(b.toString().stripTrailing());
    }
}
