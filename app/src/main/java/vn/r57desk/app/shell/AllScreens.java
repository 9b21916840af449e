package vn.r57desk.app.shell;

import java.util.List;

import vn.r57desk.app.changes.ChangesScreen;
import vn.r57desk.app.deadlines.DeadlinesScreen;
import vn.r57desk.app.kpis.KpiScreen;
import vn.r57desk.app.localities.CommuneScreen;
import vn.r57desk.app.meetings.MeetingScreen;
import vn.r57desk.app.meetings.MeetingsScreen;
import vn.r57desk.app.meetings.MyNotesScreen;
import vn.r57desk.app.meetings.StocktakeScreen;
import vn.r57desk.app.localities.LocalitiesScreen;
import vn.r57desk.app.localities.ProvinceScreen;
import vn.r57desk.app.ministries.MinistriesScreen;
import vn.r57desk.app.ministries.MinistryScreen;
import vn.r57desk.app.overview.OverviewScreen;
import vn.r57desk.app.rankings.RankingsScreen;
import vn.r57desk.app.screens.ScreenRegistry;
import vn.r57desk.app.systems.InitiativeScreen;
import vn.r57desk.app.systems.InitiativesScreen;
import vn.r57desk.app.systems.SystemsScreen;

/** The app's screens, registered once: a new screen is one line here (and its place in {@code Place}). */
public final class AllScreens {
    private AllScreens() {}

    public static final ScreenRegistry REGISTRY = new ScreenRegistry(List.of(
            new OverviewScreen(),
            new SystemsScreen(), new InitiativesScreen(), new InitiativeScreen(), new KpiScreen(),
            new MinistriesScreen(), new MinistryScreen(),
            new LocalitiesScreen(), new ProvinceScreen(), new CommuneScreen(),
            new DeadlinesScreen(), new RankingsScreen(),
            new ChangesScreen(),
            new MeetingsScreen(), new MeetingScreen(), new StocktakeScreen(), new MyNotesScreen()));
}
