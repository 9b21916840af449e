package vn.r57desk.app.meetings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import vn.r57desk.app.common.StatusStyle;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.notes.PrivateNotesPanel;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.widgets.Icons;
import vn.r57desk.store.meeting.MeetingAction;
import vn.r57desk.store.meeting.Note;
import vn.r57desk.store.meeting.Notes;
import vn.r57desk.store.meeting.Stocktake;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.query.Results.KpiSeries;
import vn.r57desk.store.query.Results.Point;

/**
 * One agenda item's stocktake drawn, for the stocktake page and for presenter mode: the status with
 * its trend arrow and reason, the trajectories to 2030, what changed since the last meeting, the
 * most overdue tasks and whose, earlier decisions with done / not done, this meeting's decisions,
 * and the private notes. The charts are kept apart so that presenter mode can spotlight one.
 */
final class StocktakeView {
    static final String STATUS_ID = "stocktake-status";
    static final String TREND_ID = "stocktake-trend";
    static final String AS_OF_ID = "stocktake-as-of";
    static final String SUBJECT_LINK_ID = "stocktake-subject";
    static final int MAX_LINES = 5;

    /** The drawn stocktake and its charts, in order. */
    record View(Node node, List<Node> charts) {}

    /** What a stocktake page shows: the stocktake, this meeting's decisions on the item, and the notes on it. */
    record Data(Stocktake stocktake, List<MeetingAction> decisions, List<Note> notes) {}

    private StocktakeView() {}

    /** Where the item's private notes are anchored: its subject's stable code, or the agenda item when it has none. */
    static String[] anchor(vn.r57desk.store.meeting.AgendaItem item) {
        return item.subject() != null ? new String[] {item.subject().kind().db(), item.subject().code()}
                : new String[] {"agenda_item", Notes.agendaAnchor(item)};
    }

    /** {@code presenting}: for the projector (no drill-down links, no notes: they are private). */
    static View build(Ctx ctx, Place here, Data data, boolean presenting) {
        Stocktake st = data.stocktake();
        var item = st.item();
        VBox box = new VBox(14);
        box.getStyleClass().add(Styles.STOCKTAKE);

        Label title = new Label(item.position() + ". " + ctx.name(item.title()));
        title.setWrapText(true);
        title.getStyleClass().add(Styles.STOCKTAKE_TITLE);
        box.getChildren().add(title);

        List<Node> about = new ArrayList<>();
        if (item.subjectName() != null) {
            String name = ctx.t("subject.kind." + item.subject().kind().db()) + ": " + ctx.name(item.subjectName());
            var target = presenting ? java.util.Optional.<Place>empty() : SubjectPlaces.of(ctx.catalog(), item.subject(), here);
            if (target.isPresent()) {
                Hyperlink link = new Hyperlink(name);
                link.setId(SUBJECT_LINK_ID);
                link.setWrapText(true);
                link.setOnAction(e -> ctx.nav().go(target.get()));
                about.add(link);
            } else {
                Label l = new Label(name);
                l.setWrapText(true);
                about.add(l);
            }
        }
        about.add(wrapped(presenterLine(ctx, item), Styles.MUTED));
        box.getChildren().add(new VBox(2, about.toArray(Node[]::new)));

        Label asOf = wrapped(st.previous() == null ? ctx.t("stocktake.asOf", ctx.date(st.asOf()))
                : ctx.t("stocktake.asOfCompared", ctx.date(st.asOf()), ctx.date(st.previousAsOf()), ctx.name(st.previous().title())), Styles.MUTED);
        asOf.setId(AS_OF_ID);
        box.getChildren().add(asOf);

        // The status says why: the rule's inputs in words, now and at the last meeting.
        Label status = new Label(ctx.rag(st.now().rag()) + kpiAge(ctx, st));
        status.setId(STATUS_ID);
        status.getStyleClass().addAll(Styles.STOCKTAKE_STATUS, StatusStyle.styleClass(st.now().rag()));
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label trend = new Label(ctx.name(vn.r57desk.store.meeting.Words.trend(st.trend()))
                + (st.then() == null ? "" : " · " + ctx.t("stocktake.then", ctx.rag(st.then().rag()))));
        trend.setId(TREND_ID);
        trend.setWrapText(true);
        Icons.on(trend, arrow(st.trend()));
        trend.getStyleClass().addAll(Styles.STOCKTAKE_TREND, switch (st.trend()) {
            case BETTER -> StatusStyle.styleClass(vn.r57desk.store.metrics.Rag.GREEN);
            case WORSE -> StatusStyle.styleClass(vn.r57desk.store.metrics.Rag.RED);
            default -> Styles.MUTED;
        });
        HBox head = new HBox(16, status, trend);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(trend, Priority.ALWAYS);
        box.getChildren().addAll(head, wrapped(ctx.name(st.now().reason()), Styles.FACT_VALUE));
        if (st.then() != null) box.getChildren().add(wrapped(ctx.t("stocktake.thenReason", ctx.name(st.then().reason())), Styles.MUTED));

        List<Node> charts = new ArrayList<>();
        if (st.progress() != null) charts.add(progressChart(ctx, st.progress()));
        for (KpiSeries s : st.trajectories()) charts.add(kpiChart(ctx, s, here, presenting));
        if (!charts.isEmpty()) {
            // One under another: a chart's heading wraps at the page's width (a FlowPane measured
            // it on one line and cut it to "…" on a projector's 1024 pixels).
            VBox chartPane = new VBox(12);
            chartPane.getChildren().addAll(charts);
            box.getChildren().addAll(section(ctx.t("stocktake.trajectories")), chartPane);
        }

        var ch = st.changes();
        box.getChildren().add(section(ch.from() == null ? ctx.t("stocktake.changesNoPrevious", ctx.date(ch.to()))
                : ctx.t("stocktake.changes", ctx.date(ch.from()), ctx.date(ch.to()))));
        box.getChildren().add(wrapped(ctx.t("stocktake.changeCounts", ch.tasksCompleted(), ch.tasksAdded(), ch.tasksWithdrawnProgrammeWide(),
                ch.valuesReported()), null));
        VBox changes = new VBox(4);
        for (var m : ch.initiatives().stream().limit(MAX_LINES).toList()) {
            changes.getChildren().add(wrapped(ctx.t("stocktake.moved", m.initiative().code(), ctx.name(m.initiative().title()),
                    ctx.pct(m.progressThen()), ctx.rag(m.ragThen()), ctx.pct(m.progressNow()), ctx.rag(m.ragNow())), StatusStyle.styleClass(m.ragNow())));
        }
        for (var t : ch.recentlyCompleted().stream().limit(MAX_LINES).toList()) {
            changes.getChildren().add(wrapped(ctx.t("stocktake.completed", ctx.name(t.title()), ctx.name(t.assignee()), ctx.date(t.completedAt())), null));
        }
        for (var v : ch.values().stream().limit(MAX_LINES).toList()) {
            changes.getChildren().add(wrapped(ctx.t("stocktake.reported", ctx.name(v.kpi().shortName()), ctx.name(v.scope()), ctx.period(v.period()),
                    ctx.num(v.value()), ctx.name(v.kpi().unit()), ctx.date(v.reportedAt())), null));
        }
        if (!changes.getChildren().isEmpty()) box.getChildren().add(changes);

        var od = st.overdue();
        box.getChildren().add(section(ctx.t("stocktake.overdue", od.count(), ctx.date(st.asOf()))));
        VBox overdue = new VBox(4);
        for (var o : od.oldest().stream().limit(MAX_LINES).toList()) {
            overdue.getChildren().add(wrapped(ctx.t("stocktake.overdueTask", ctx.name(o.task().title()), ctx.name(o.task().assignee()),
                    ctx.date(o.task().deadline()), o.daysLate()), Styles.RAG_RED));
        }
        if (!od.byAssignee().isEmpty()) {
            overdue.getChildren().add(wrapped(ctx.t("stocktake.whose", String.join("; ", od.byAssignee().stream().limit(MAX_LINES)
                    .map(a -> ctx.t("stocktake.load", ctx.name(a.assignee()), a.overdue(), a.mostDaysLate())).toList())), null));
        }
        if (!overdue.getChildren().isEmpty()) box.getChildren().add(overdue);

        box.getChildren().add(section(ctx.t("stocktake.earlier", st.earlierActions().size(), st.openActions())));
        VBox earlier = new VBox(4);
        if (st.earlierActions().isEmpty()) earlier.getChildren().add(wrapped(ctx.t("stocktake.earlierNone"), Styles.MUTED));
        for (MeetingAction a : st.earlierActions()) {
            earlier.getChildren().add(wrapped((a.done() ? ctx.t("stocktake.done") : ctx.t("stocktake.notDone")) + " · "
                    + ctx.t("decision.kind." + a.kind().name()) + " (" + ctx.date(a.meetingStartsAt().toLocalDate()) + "): " + a.text()
                    + " — " + DecisionsPanel.who(ctx, a), a.done() ? StatusStyle.styleClass(vn.r57desk.store.metrics.Rag.GREEN)
                    : a.overdueOn(st.asOf()) ? Styles.RAG_RED : Styles.RAG_AMBER));
        }
        box.getChildren().add(earlier);

        box.getChildren().add(DecisionsPanel.build(ctx, st.meeting(), item, data.decisions()));
        if (!presenting) {
            String[] anchor = anchor(item);
            box.getChildren().add(PrivateNotesPanel.build(ctx, anchor[0], anchor[1], st.meeting().meeting().id(),
                    item.position() + ". " + ctx.name(item.title()), data.notes()));
        }
        return new View(box, charts);
    }

    static String presenterLine(Ctx ctx, vn.r57desk.store.meeting.AgendaItem item) {
        String who = item.presenter() == null ? ctx.t("agenda.noPresenter") : ctx.name(item.presenter())
                + (item.presenterAgency() == null ? "" : " (" + ctx.name(item.presenterAgency()) + ")");
        return ctx.t("agenda.presenter", who) + " · " + (item.minutes() == null ? ctx.t("agenda.noMinutes") : ctx.t("agenda.minutes", item.minutes()));
    }

    static Ikon arrow(Stocktake.Trend t) {
        return switch (t) {
            case BETTER -> Material2AL.ARROW_UPWARD;
            case WORSE -> Material2AL.ARROW_DOWNWARD;
            case SAME -> Material2AL.ARROW_FORWARD;
            case NO_COMPARISON -> Material2MZ.REMOVE;
        };
    }

    static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        if (style != null) l.getStyleClass().add(style);
        return l;
    }

    static Label section(String text) {
        Label l = wrapped(text, Styles.SECTION_TITLE);
        return l;
    }

    /** Months since January 2025: a numeric axis keeps a trajectory a straight line (as on the KPI screen). */
    static double x(YearMonth m) {
        return (m.getYear() - 2025) * 12 + m.getMonthValue() - 1;
    }

    private static NumberAxis years(double start, double end) {
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
        return xAxis;
    }

    private static VBox chartBox(Ctx ctx, String heading, LineChart<Number, Number> chart, Node link) {
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setVerticalZeroLineVisible(false);
        chart.setPrefHeight(320);
        chart.setMinHeight(260);
        chart.getStyleClass().add(Styles.KPI_CHART);
        Label h = wrapped(heading, Styles.KPI_NAME);
        VBox b = link == null ? new VBox(4, h, chart) : new VBox(4, h, chart, link);
        b.getStyleClass().add(Styles.STOCKTAKE_CHART);
        return b;
    }

    /** An initiative's progress against the straight line from 0 % at its start to 100 % at its deadline. */
    private static Node progressChart(Ctx ctx, Stocktake.ProgressTrack p) {
        double start = x(YearMonth.from(p.start())), end = x(YearMonth.from(p.deadline()));
        NumberAxis yAxis = new NumberAxis(0, 100, 20);
        yAxis.setLabel("%");
        LineChart<Number, Number> chart = new LineChart<>(years(Math.min(0, start), end), yAxis);
        XYChart.Series<Number, Number> actual = new XYChart.Series<>();
        actual.setName(ctx.t("stocktake.progressActual"));
        for (var v : p.actual()) actual.getData().add(new XYChart.Data<>(monthsOf(v.date()), v.value() * 100));
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(ctx.t("stocktake.progressExpected"));
        line.getData().add(new XYChart.Data<>(monthsOf(p.start()), 0));
        line.getData().add(new XYChart.Data<>(monthsOf(p.deadline()), 100));
        chart.getData().add(actual);
        chart.getData().add(line);
        return chartBox(ctx, ctx.t("stocktake.progressChart", p.initiative().code(), ctx.date(p.deadline())), chart, null);
    }

    private static double monthsOf(LocalDate d) {
        YearMonth m = YearMonth.from(d);
        return x(m) + (d.getDayOfMonth() - 1) / (double) m.lengthOfMonth();
    }

    private static Node kpiChart(Ctx ctx, KpiSeries s, Place here, boolean presenting) {
        double end = s.trajectoryEnd() != null ? x(Period.toYearMonth(s.trajectoryEnd().period())) : x(Period.toYearMonth(s.points().getLast().period()));
        double start = Math.min(0, s.trajectoryStart() != null ? x(Period.toYearMonth(s.trajectoryStart().period())) : 0);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setForceZeroInRange(false);
        yAxis.setLabel(ctx.name(s.kpi().unit()));
        LineChart<Number, Number> chart = new LineChart<>(years(start, end), yAxis);
        XYChart.Series<Number, Number> actual = new XYChart.Series<>();
        actual.setName(ctx.t("kpi.actual"));
        for (Point p : s.points()) actual.getData().add(new XYChart.Data<>(x(Period.toYearMonth(p.period())), p.value()));
        chart.getData().add(actual);
        if (s.trajectoryStart() != null) {
            XYChart.Series<Number, Number> trajectory = new XYChart.Series<>();
            trajectory.setName(ctx.t("kpi.trajectory"));
            trajectory.getData().add(new XYChart.Data<>(x(Period.toYearMonth(s.trajectoryStart().period())), s.trajectoryStart().value()));
            trajectory.getData().add(new XYChart.Data<>(x(Period.toYearMonth(s.trajectoryEnd().period())), s.trajectoryEnd().value()));
            chart.getData().add(trajectory);
        }
        var st = s.status();
        String heading = heading(ctx, s);
        Node link = null;
        if (!presenting) {
            Hyperlink open = new Hyperlink(ctx.t("stocktake.openKpi"));
            open.setOnAction(e -> ctx.nav().go(new Place.KpiSeries(s.kpi().id(), s.scopeId(), here)));
            link = open;
        }
        VBox b = chartBox(ctx, heading, chart, link);
        ((Label) b.getChildren().getFirst()).getStyleClass().add(StatusStyle.styleClass(st.rag()));
        return b;
    }

    /**
     * A KPI chart's heading: "R57-05 · … — Đúng tiến độ · số liệu cũ 7 tháng · hiện 2,1, theo lộ
     * trình 2,5, mục tiêu 2030 ≤ 3 %": the values with the KPI's decimals and the target as every
     * other screen writes it ({@link Ctx#target}; the source's "<=3" showed here), the status's age when old.
     */
    static String heading(Ctx ctx, KpiSeries s) {
        var st = s.status();
        var k = s.kpi();
        return k.code() + " · " + ctx.name(k.shortName()) + " — " + ctx.kpiStatus(st) + " · "
                + ctx.t("stocktake.kpiTarget", ctx.kpiValue(k, st.value()), ctx.kpiValue(k, st.expected()), ctx.target(k, k.target2030Text()));
    }

    /**
     * " · số liệu cũ 7 tháng" when the item is about one KPI whose latest value is old (its chart's
     * status, over the same months), "" otherwise: the status alone read as current.
     */
    static String kpiAge(Ctx ctx, Stocktake st) {
        var subject = st.item().subject();
        if (subject == null || subject.kind() != vn.r57desk.store.meeting.Subject.Kind.KPI) return "";
        return st.trajectories().stream().filter(s -> s.kpi().code().equals(subject.code()) && s.status().old())
                .findFirst().map(s -> " · " + ctx.old(s.status())).orElse("");
    }

    static long daysBetween(LocalDate a, LocalDate b) {
        return ChronoUnit.DAYS.between(a, b);
    }
}
