package vn.r57desk.app.screens;

import java.util.List;

import javafx.scene.Node;

import vn.r57desk.app.nav.Place;
import vn.r57desk.store.query.Results;

/** Draws a loaded place. */
public final class Screens {
    public static final String CONTENT_ID = "screen-content";

    private Screens() {}

    @SuppressWarnings("unchecked")
    public static Node render(Ctx ctx, ScreenViewModel.Loaded loaded) {
        Object d = loaded.data();
        Node n = switch (loaded.place()) {
            case Place.Overview o -> OverviewScreen.render(ctx, (Results.Overview) d);
            case Place.Systems s -> SystemScreens.systems(ctx, (ScreenData.SystemsData) d);
            case Place.SystemInitiatives s -> SystemScreens.initiatives(ctx, (List<Results.InitiativeRow>) d);
            case Place.InitiativeDetail i -> SystemScreens.initiative(ctx, i, (ScreenData.InitiativeData) d);
            case Place.KpiSeries k -> KpiScreen.render(ctx, k, (ScreenData.KpiData) d);
            case Place.Ministries m -> MinistryScreens.ministries(ctx, (ScreenData.MinistriesData) d);
            case Place.Ministry m -> MinistryScreens.ministry(ctx, m, (ScreenData.MinistryData) d);
            case Place.Localities l -> LocalityScreens.provinces(ctx, l, (ScreenData.LocalitiesData) d);
            case Place.Province p -> LocalityScreens.province(ctx, p, (ScreenData.ProvinceData) d);
            case Place.Commune c -> LocalityScreens.commune(ctx, c, (ScreenData.CommuneData) d);
            case Place.Deadlines x -> DeadlineRankingScreens.deadlines(ctx, (ScreenData.DeadlinesData) d);
            case Place.Rankings x -> DeadlineRankingScreens.rankings(ctx, (ScreenData.RankingsData) d);
            case Place.Changes x -> ChangesScreen.render(ctx, x, (ScreenData.ChangesData) d);
        };
        n.setId(CONTENT_ID);
        return n;
    }

    /** The place a sidebar entry opens. */
    public static Place section(String key, vn.r57desk.store.query.Catalog catalog) {
        return switch (key) {
            case "nav.systems" -> new Place.Systems();
            case "nav.ministries" -> new Place.Ministries();
            case "nav.localities" -> new Place.Localities(defaultKpi(catalog));
            case "nav.deadlines" -> new Place.Deadlines();
            case "nav.rankings" -> new Place.Rankings();
            case "nav.changes" -> new Place.Changes(7);
            default -> new Place.Overview();
        };
    }

    /** The KPI the locality screens open on: online public service use (R57-04), reported down to communes. */
    public static long defaultKpi(vn.r57desk.store.query.Catalog catalog) {
        return catalog.kpis().values().stream().filter(k -> k.code().equals("R57-04")).findFirst()
                .orElse(catalog.kpis().values().iterator().next()).id();
    }

    public static final List<String> SECTIONS = List.of("nav.overview", "nav.systems", "nav.ministries", "nav.localities",
            "nav.deadlines", "nav.rankings", "nav.changes");
}
