package vn.r57desk.app.systems;

import java.time.LocalDate;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.common.Tables;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.InitiativeRow;

/** A system's initiatives, filterable by status, lead agency and the year of the deadline; every column sorts. */
public final class InitiativesScreen implements Screen<Place.SystemInitiatives, List<InitiativeRow>> {
    @Override
    public Class<Place.SystemInitiatives> placeType() {
        return Place.SystemInitiatives.class;
    }

    @Override
    public List<InitiativeRow> load(DrillDown dd, Place.SystemInitiatives place, LocalDate today) throws CacheException {
        return dd.initiatives(place.systemId(), null, today, SpanNote.range(today));
    }

    @Override
    public Node render(Ctx ctx, Place.SystemInitiatives place, List<InitiativeRow> rows) {
        if (place.agencyId() == null) return new VBox(12, SpanNote.label(ctx, false), initiatives(ctx, rows, place.status()));
        // A cell of the ministries × systems grid: what the agency leads or coordinates here.
        long a = place.agencyId();
        List<InitiativeRow> its = rows.stream()
                .filter(r -> r.initiative().leadAgencyId() == a || r.initiative().coordinatingAgencyIds().contains(a)).toList();
        Label who = new Label(ctx.t("initiatives.ofAgency", ctx.name(ctx.catalog().agencies().get(a).name())));
        who.setId(AGENCY_ID);
        who.setWrapText(true);
        return new VBox(12, who, SpanNote.label(ctx, false), initiatives(ctx, its, place.status()));
    }

    /** Id of the line that says whose initiatives a grid cell opened. */
    public static final String AGENCY_ID = "initiatives-agency";

    /** Ids of the initiative list's filters. */
    public static final String FILTER_STATUS_ID = "filter-status";
    public static final String FILTER_LEAD_ID = "filter-lead";
    public static final String FILTER_DEADLINE_ID = "filter-deadline";

    /**
     * A system's initiatives, filterable by status, lead agency and the year of the deadline; every
     * column sorts. Each filter's first choice is "all".
     */
    static Node initiatives(Ctx ctx, List<InitiativeRow> rows, Rag preselected) {
        List<Rag> statuses = List.of(Rag.COMPLETED, Rag.GREEN, Rag.AMBER, Rag.RED);
        ComboBox<String> status = filter(ctx, FILTER_STATUS_ID, statuses.stream().map(ctx::rag).toList());
        List<String> leads = rows.stream().map(r -> ctx.agency(r.initiative().leadAgencyId()))
                .distinct().sorted(vn.r57desk.store.text.VietnameseText.collator()).toList();
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
                    .filter(r -> ai <= 0 || ctx.agency(r.initiative().leadAgencyId()).equals(leads.get(ai - 1)))
                    .filter(r -> yi <= 0 || r.initiative().deadline().getYear() == years.get(yi - 1))
                    .toList();
            holder.getChildren().setAll(Tables.initiativeTable(ctx, ctx.t("initiatives.table", shown.size()), shown)
                    .build(ctx.tables()));
        };
        if (preselected != null && statuses.contains(preselected)) status.getSelectionModel().select(statuses.indexOf(preselected) + 1);
        for (ComboBox<String> c : List.of(status, agency, deadline)) c.setOnAction(e -> apply.run());
        apply.run();
        // Each filter keeps its name beside its list; on a narrow window (a 1024-pixel projector)
        // the filters go onto a second line instead of cutting the names to "Trạng t…".
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(16, 8,
                named(ctx.t("filter.status"), status), named(ctx.t("filter.lead"), agency), named(ctx.t("filter.deadline"), deadline));
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        filters.getStyleClass().add(Styles.FILTERS);
        return new VBox(12, filters, holder);
    }

    /** A filter beside its name, the name never cut. */
    private static HBox named(String name, ComboBox<String> filter) {
        Label l = new Label(name);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setLabelFor(filter);
        HBox box = new HBox(6, l, filter);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
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

}
