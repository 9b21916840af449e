package vn.r57desk.app.changes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.StatusStyle;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.model.Meeting;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.ChangeSummary;

/**
 * What the syncs of the last days changed: the initiatives that moved (a change of RAG status
 * first), the tasks completed, added and withdrawn, and the KPI values reported, revised and
 * withdrawn. For a meeting's "what changed since last time"; each row opens its initiative or KPI.
 */
public final class ChangesScreen implements Screen<Place.Changes, ChangesScreen.Data> {
    /** The spans offered: since the last meeting, then in days (0: every sync the cache remembers). */
    static final List<Integer> SPANS = List.of(Place.Changes.SINCE_MEETING, 1, 7, 30, 0);
    static final String SPAN_ID = "changes-span";
    static final String SUMMARY_ID = "changes-summary";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /**
     * {@code since}: the meeting a "since the last meeting" span counts from (null for a span of
     * days, or none found); {@code tasks} and {@code values}: the page of changed tasks and KPI
     * values the place's filters choose.
     */
    public record Data(ChangeSummary summary, Meeting since, ChangeSummary.Page<ChangeSummary.TaskChange> tasks,
                       ChangeSummary.Page<ChangeSummary.ValueChange> values) {}

    /** Rows per page of the changed tasks and of the changed KPI values. */
    static final int PAGE = 50;
    static final String TASKS_ID = "changes-task-table";
    static final String VALUES_ID = "changes-value-table";
    static final String FILTER_KIND_ID = "changes-filter-kind";
    static final String FILTER_SYSTEM_ID = "changes-filter-system";
    static final String FILTER_AGENCY_ID = "changes-filter-agency";
    static final String FILTER_PROVINCE_ID = "changes-filter-province";

    @Override
    public Class<Place.Changes> placeType() {
        return Place.Changes.class;
    }

    /**
     * A span of days back from now, or from the last meeting before today's date on Vietnam's
     * clock (the real one: a meeting is held today, whatever the data's as-of date).
     */
    @Override
    public Data load(DrillDown dd, Place.Changes ch, LocalDate today) throws CacheException {
        Instant now = Instant.now();
        Meeting meeting = null;
        Instant since;
        if (ch.days() == Place.Changes.SINCE_MEETING) {
            meeting = dd.meetingBefore(LocalDate.now(Meeting.ZONE)).orElse(null);
            // With no meeting to count from, nothing is counted (a span from now).
            since = meeting == null ? now : meeting.startsAt().atZone(Meeting.ZONE).toInstant();
        } else {
            since = ch.days() == 0 ? Instant.EPOCH : now.minus(Duration.ofDays(ch.days()));
        }
        Place.Changes.Rows r = ch.rows();
        return new Data(dd.changesSince(since, today), meeting, dd.taskChangesSince(since, r.filter(), r.taskOffset(), PAGE),
                dd.valueChangesSince(since, r.filter(), r.valueOffset(), PAGE));
    }

    @Override
    public Node render(Ctx ctx, Place.Changes here, Data data) {
        ChangeSummary s = data.summary();
        ComboBox<Integer> span = new ComboBox<>();
        span.setId(SPAN_ID);
        span.getItems().setAll(SPANS);
        span.setValue(here.days());
        span.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer d) {
                return d == null ? "" : d == Place.Changes.SINCE_MEETING ? ctx.t("changes.span.meeting")
                        : d == 0 ? ctx.t("changes.span.all") : ctx.t("changes.span.days", d);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        span.setOnAction(e -> {
            if (span.getValue() != null && span.getValue() != here.days()) ctx.nav().go(new Place.Changes(span.getValue(),
                    new Place.Changes.Rows(here.rows().kind(), here.rows().systemId(), here.rows().agencyId(), here.rows().provinceId(), 0, 0)));
        });
        HBox chooser = new HBox(12, new Label(ctx.t("changes.span")), span);
        chooser.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label(here.days() != Place.Changes.SINCE_MEETING ? spanText(ctx, s)
                : data.since() == null ? ctx.t("changes.noMeeting")
                : ctx.t("changes.sinceMeeting", ctx.name(data.since().title()), WHEN.format(data.since().startsAt())) + " " + spanText(ctx, s));
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.MUTED);
        VBox out = new VBox(16, chooser, summary);
        if (s.span().reloaded()) {
            Label reloaded = new Label(ctx.t("changes.reloaded"));
            reloaded.setWrapText(true);
            out.getChildren().add(reloaded);
        }
        if (s.isEmpty()) return out;

        if (!s.initiatives().isEmpty()) {
            out.getChildren().add(DataTable.of(ctx.t("changes.initiatives", s.initiatives().size()), s.initiatives()).id("changes-initiatives")
                    .text(ctx.t("col.code"), m -> m.initiative().code())
                    .text(ctx.t("col.initiative"), m -> ctx.name(m.initiative().title()))
                    .number(ctx.t("changes.col.progressBefore"), m -> m.oldStatus() == null ? null : m.oldProgress(), ctx::pct)
                    .number(ctx.t("changes.col.progressAfter"), m -> m.newStatus() == null ? null : m.newProgress(), ctx::pct)
                    .text(ctx.t("changes.col.status"), m -> m.ragChanged() ? ragText(ctx, m.oldRag()) + " → " + ragText(ctx, m.newRag())
                            : ragText(ctx, m.newRag()))
                    .onOpen(m -> ctx.nav().go(new Place.InitiativeDetail(m.initiative().id(), m.initiative().systemId())))
                    .build(ctx.tables()));
        }
        ChangeSummary.TaskMoves t = s.tasks();
        if (t.total() > 0 || !s.kpis().isEmpty()) out.getChildren().add(filters(ctx, here));
        if (t.total() > 0) {
            Label title = new Label(ctx.t("changes.tasks"));
            title.getStyleClass().add(Styles.SECTION_TITLE);
            Label counts = new Label(ctx.t("changes.taskCounts", ctx.num(t.completed()), ctx.num(t.added()), ctx.num(t.withdrawn()),
                    ctx.num(t.otherwise())));
            counts.setId("changes-tasks");
            counts.setWrapText(true);
            var page = data.tasks();
            var table = DataTable.of(ctx.t("changes.taskTable", page.total()), page.rows()).id(TASKS_ID)
                    .styled(ctx.t("changes.col.change"), c -> ctx.t("changes.kind." + c.kind().name()),
                            c -> c.kind() == ChangeSummary.TaskKind.COMPLETED ? StatusStyle.styleClass(Rag.COMPLETED)
                                    : c.kind() == ChangeSummary.TaskKind.WITHDRAWN ? StatusStyle.styleClass(Rag.NO_DATA) : null)
                    .text(ctx.t("col.code"), c -> c.initiative() == null ? "" : c.initiative().code())
                    .text(ctx.t("col.task"), c -> c.title() == null ? ctx.t("changes.taskGone", c.taskId()) : ctx.name(c.title()))
                    .text(ctx.t("col.assignee"), c -> c.assignee() == null ? "" : c.agencyId() != null ? ctx.agency(c.agencyId()) : ctx.name(c.assignee()))
                    .text(ctx.t("col.deadline"), c -> ctx.date(c.deadline()))
                    .text(ctx.t("changes.col.completed"), c -> ctx.date(c.completedAt()))
                    .onOpen(c -> {
                        if (c.initiative() != null) ctx.nav().go(new Place.InitiativeDetail(c.initiative().id(), c.initiative().systemId()));
                    });
            Node pager = pager(ctx, page.offset(), page.rows().size(), page.total(), "changes-tasks-",
                    o -> new Place.Changes.Rows(here.rows().kind(), here.rows().systemId(), here.rows().agencyId(), here.rows().provinceId(), o,
                            here.rows().valueOffset()), here);
            out.getChildren().add(new VBox(4, title, counts, pager, table.build(ctx.tables())));
        }
        if (!s.kpis().isEmpty()) {
            long scope = ctx.catalog().nationalScope();
            out.getChildren().add(DataTable.of(ctx.t("changes.kpis", s.kpis().size()), s.kpis()).id("changes-kpis")
                    .text(ctx.t("col.code"), m -> m.kpi().code())
                    .text(ctx.t("col.kpi"), m -> ctx.name(m.kpi().shortName()))
                    .number(ctx.t("changes.col.reported"), ChangeSummary.KpiMove::reported, ctx::num)
                    .number(ctx.t("changes.col.revised"), ChangeSummary.KpiMove::revised, ctx::num)
                    .number(ctx.t("changes.col.withdrawn"), ChangeSummary.KpiMove::withdrawn, ctx::num)
                    .onOpen(m -> ctx.nav().go(new Place.KpiSeries(m.kpi().id(), scope, here)))
                    .build(ctx.tables()));
            var page = data.values();
            var values = DataTable.of(ctx.t("changes.valueTable", page.total()), page.rows()).id(VALUES_ID)
                    .text(ctx.t("changes.col.change"), v -> ctx.t("changes.op." + v.op()))
                    .text(ctx.t("col.code"), v -> v.kpi().code())
                    .text(ctx.t("col.kpi"), v -> ctx.name(v.kpi().shortName()))
                    .text(ctx.t("changes.col.scope"), v -> scopeName(ctx, v.scopeId()))
                    .text(ctx.t("col.period"), v -> ctx.period(v.period()))
                    .number(ctx.t("changes.col.before"), ChangeSummary.ValueChange::oldValue, (v, x) -> ctx.kpiValue(v.kpi(), x))
                    .number(ctx.t("changes.col.after"), ChangeSummary.ValueChange::newValue, (v, x) -> ctx.kpiValue(v.kpi(), x))
                    .onOpen(v -> ctx.nav().go(new Place.KpiSeries(v.kpi().id(), v.scopeId(), here)));
            Node pager = pager(ctx, page.offset(), page.rows().size(), page.total(), "changes-values-",
                    o -> new Place.Changes.Rows(here.rows().kind(), here.rows().systemId(), here.rows().agencyId(), here.rows().provinceId(),
                            here.rows().taskOffset(), o), here);
            out.getChildren().add(new VBox(4, pager, values.build(ctx.tables())));
        }
        return out;
    }

    /** Whose value: the nation, an agency, a province, or a commune (not in the catalogue: said as such). */
    static String scopeName(Ctx ctx, long scopeId) {
        var cat = ctx.catalog();
        if (scopeId == cat.nationalScope()) return ctx.t("scope.national");
        for (var e : cat.provinceScopes().entrySet()) if (e.getValue() == scopeId) return ctx.name(cat.provinces().get(e.getKey()).name());
        for (var e : cat.agencyScopes().entrySet()) if (e.getValue() == scopeId) return ctx.agency(e.getKey());
        return ctx.t("changes.scope.commune");
    }

    /** "Rows 1–50 of 754" with the previous and next page; the buttons' ids start with {@code idPrefix}. */
    private static Node pager(Ctx ctx, int offset, int shown, long total, String idPrefix, java.util.function.IntFunction<Place.Changes.Rows> at,
                              Place.Changes here) {
        Button prev = new Button(ctx.t("page.previous"));
        prev.setId(idPrefix + "previous");
        prev.setDisable(offset == 0);
        prev.setOnAction(e -> ctx.nav().go(new Place.Changes(here.days(), at.apply(Math.max(0, offset - PAGE)))));
        Button next = new Button(ctx.t("page.next"));
        next.setId(idPrefix + "next");
        next.setDisable(offset + shown >= total);
        next.setOnAction(e -> ctx.nav().go(new Place.Changes(here.days(), at.apply(offset + PAGE))));
        Label range = new Label(total == 0 ? ctx.t("changes.noRows") : ctx.t("changes.range", offset + 1, offset + shown, total));
        HBox box = new HBox(12, prev, range, next);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The filters of the lists of changed tasks and values: kind of change (tasks), system, agency, province. */
    private static Node filters(Ctx ctx, Place.Changes here) {
        Place.Changes.Rows r = here.rows();
        var cat = ctx.catalog();
        List<ChangeSummary.TaskKind> kinds = List.of(ChangeSummary.TaskKind.values());
        ComboBox<String> kind = choice(ctx, FILTER_KIND_ID, kinds.stream().map(k -> ctx.t("changes.kind." + k.name())).toList(),
                r.kind() == null ? 0 : kinds.indexOf(r.kind()) + 1);
        var systems = cat.systemList();
        ComboBox<String> system = choice(ctx, FILTER_SYSTEM_ID, systems.stream().map(x -> ctx.name(x.name())).toList(),
                indexOf(systems.stream().map(x -> x.id()).toList(), r.systemId()));
        var agencies = cat.agencies().values().stream()
                .sorted(java.util.Comparator.comparing(a -> ctx.name(a.name()), vn.r57desk.store.text.VietnameseText.collator())).toList();
        ComboBox<String> agency = choice(ctx, FILTER_AGENCY_ID, agencies.stream().map(a -> ctx.name(a.name())).toList(),
                indexOf(agencies.stream().map(a -> a.id()).toList(), r.agencyId()));
        var provinces = cat.provinces().values().stream()
                .sorted(java.util.Comparator.comparing(p -> ctx.name(p.name()), vn.r57desk.store.text.VietnameseText.collator())).toList();
        ComboBox<String> province = choice(ctx, FILTER_PROVINCE_ID, provinces.stream().map(p -> ctx.name(p.name())).toList(),
                indexOf(provinces.stream().map(p -> p.id()).toList(), r.provinceId()));
        Runnable apply = () -> {
            int k = kind.getSelectionModel().getSelectedIndex();
            int sy = system.getSelectionModel().getSelectedIndex();
            int ag = agency.getSelectionModel().getSelectedIndex();
            int pr = province.getSelectionModel().getSelectedIndex();
            ctx.nav().go(new Place.Changes(here.days(), new Place.Changes.Rows(k <= 0 ? null : kinds.get(k - 1),
                    sy <= 0 ? null : systems.get(sy - 1).id(), ag <= 0 ? null : agencies.get(ag - 1).id(),
                    pr <= 0 ? null : provinces.get(pr - 1).id(), 0, 0)));
        };
        for (ComboBox<String> c : List.of(kind, system, agency, province)) c.setOnAction(e -> apply.run());
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(12, 8, new Label(ctx.t("changes.filter.kind")), kind,
                new Label(ctx.t("changes.filter.system")), system, new Label(ctx.t("changes.filter.agency")), agency,
                new Label(ctx.t("changes.filter.province")), province);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(Styles.FILTERS);
        return box;
    }

    private static int indexOf(List<Long> ids, Long id) {
        return id == null ? 0 : ids.indexOf(id) + 1;
    }

    /** A filter's choices: "all", then {@code choices}, with {@code selected} chosen. */
    private static ComboBox<String> choice(Ctx ctx, String id, List<String> choices, int selected) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().add(ctx.t("filter.all"));
        c.getItems().addAll(choices);
        c.getSelectionModel().select(Math.max(0, selected));
        c.setVisibleRowCount(12);
        // As wide as a short name: a long one ("Ban Chỉ đạo Trung ương về …") made the box as wide as the screen.
        c.setPrefWidth(14 * 16);
        c.setMaxWidth(14 * 16);
        return c;
    }

    /** "Syncs from 20:43 04/12/2026 to 20:50 04/12/2026.", or that there was none. */
    static String spanText(Ctx ctx, ChangeSummary s) {
        ChangeSummary.Span sp = s.span();
        if (sp.runs() == 0) return ctx.t(ctx.catalog().isDemo() ? "changes.none.demo" : "changes.none");
        ZoneId zone = ZoneId.systemDefault();
        String text = ctx.t("changes.runs", WHEN.format(sp.from().atZone(zone)), WHEN.format(sp.to().atZone(zone)));
        return s.isEmpty() ? text + " " + ctx.t("changes.nothing") : text;
    }

    private static String ragText(Ctx ctx, Rag r) {
        return r == null ? ctx.t("changes.absent") : ctx.rag(r);
    }
}
