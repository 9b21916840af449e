package vn.r57desk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The app's layers, as rules that fail the build. From the bottom: {@code core} (background work),
 * {@code theme}, {@code i18n}, {@code nav}; {@code widgets}; {@code screens} (the Screen unit and
 * its context) with {@code common} (shared tables and charts) and {@code notes}; one package per
 * feature ({@code overview}, {@code systems}, …); on top {@code shell}, which lays them out.
 */
class ArchitectureTest {
    private static final String APP = "vn.r57desk.app";
    /** One package per screen feature; none knows another (shared parts live in common and notes). */
    static final List<String> FEATURES = List.of("overview", "systems", "kpis", "ministries", "localities", "deadlines", "rankings", "changes", "meetings");

    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP);

    private static String[] pkgs(String... names) {
        return Arrays.stream(names).map(n -> APP + "." + n + "..").toArray(String[]::new);
    }

    private static String[] features() {
        return pkgs(FEATURES.toArray(String[]::new));
    }

    @Test
    void viewModelsNeverTouchNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "eu.hansolo..", "org.controlsfx..", "org.kordamp..")
                .check(app);
    }

    /** A view-model is tested without a window: it knows no view (a screen, a panel, a widget, the window). */
    @Test
    void viewModelsKnowNoViews() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("widgets", "common", "notes", "overview", "systems", "kpis",
                        "ministries", "localities", "deadlines", "rankings", "changes", "meetings"))
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("View")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Window")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Bar")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Panel")
                .check(app);
    }

    @Test
    void onlyTheTileFactoryBuildsTiles() {
        noClasses().that().doNotHaveSimpleName("Tiles")
                .should().dependOnClassesThat().resideInAnyPackage("eu.hansolo.tilesfx..")
                .check(app);
    }

    /** Widgets are parts any screen can use: they know neither the window nor the screens nor the data's places. */
    @Test
    void widgetsKnowNeitherShellNorScreens() {
        noClasses().that().resideInAPackage(APP + ".widgets..")
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("shell", "screens", "common", "notes", "nav", "sync", "search", "bench"))
                .orShould().dependOnClassesThat().resideInAnyPackage(features())
                .check(app);
    }

    /** The bottom layers: background work, the look, the words and the places depend on nothing above them. */
    @Test
    void coreThemeAndNavigationDependOnNothingAbove() {
        noClasses().that().resideInAnyPackage(pkgs("core", "theme", "i18n", "nav"))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("widgets", "screens", "common", "notes", "shell", "sync", "search", "bench"))
                .orShould().dependOnClassesThat().resideInAnyPackage(features())
                .check(app);
    }

    /** Screens are drawn by the shell, never the other way round: no screen reaches into the window or the sync. */
    @Test
    void screensNeverReachIntoTheShell() {
        noClasses().that().resideInAnyPackage(features()).or().resideInAnyPackage(pkgs("screens", "common", "notes"))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("shell", "sync", "search", "bench"))
                .check(app);
    }

    /** A feature is one folder: it uses common parts, never another feature's classes. */
    @Test
    void featuresDoNotDependOnEachOther() {
        for (String f : FEATURES) {
            String[] others = FEATURES.stream().filter(o -> !o.equals(f)).map(o -> APP + "." + o + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(APP + "." + f + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(app);
        }
    }

    /**
     * Briefing packs are a part of the shell's, not of the screens': the shell hands them a way to
     * open and close data, and they know neither the window nor the sync nor any screen.
     */
    @Test
    void packsKnowNeitherShellNorSyncNorScreens() {
        noClasses().that().resideInAPackage(APP + ".packs..")
                .should().dependOnClassesThat().resideInAnyPackage(pkgs("shell", "sync", "search", "bench", "screens", "common", "notes"))
                .orShould().dependOnClassesThat().resideInAnyPackage(features())
                .check(app);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(APP + ".(*)..").should().beFreeOfCycles().check(app);
    }
}
