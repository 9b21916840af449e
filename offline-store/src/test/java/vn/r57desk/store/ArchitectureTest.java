package vn.r57desk.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** offline-store runs headless (CLI, server, benchmarks): it must never depend on JavaFX or UI libraries. */
class ArchitectureTest {
    private final JavaClasses store = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.r57desk.store");

    @Test
    void offlineStoreImportsNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "eu.hansolo..", "atlantafx..")
                .check(store);
    }

    @Test
    void queriesDoNotDependOnTheCliOrTheGenerator() {
        noClasses().that().resideInAnyPackage("vn.r57desk.store.query..", "vn.r57desk.store.metrics..", "vn.r57desk.store.db..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.r57desk.store.cli..", "vn.r57desk.store.generate..")
                .check(store);
    }

    /**
     * The figures are read the same whatever brought the data: the query, metrics and model layers
     * never reach into the sync client or the outbox (DrillDown once listed the outbox's notes).
     */
    @Test
    void queriesNeverDependOnSync() {
        noClasses().that().resideInAnyPackage("vn.r57desk.store.query..", "vn.r57desk.store.metrics..", "vn.r57desk.store.model..",
                        "vn.r57desk.store.db..", "vn.r57desk.store.change..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.r57desk.store.sync..")
                .check(store);
    }

    /** The status rules are pure: a record in, a status out; they read no table and call no query. */
    @Test
    void metricsArePure() {
        noClasses().that().resideInAnyPackage("vn.r57desk.store.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.r57desk.store.db..", "vn.r57desk.store.query..", "java.sql..")
                .check(store);
    }

    /** Packs are used by the CLI, the server and the app: they never reach back into the CLI. */
    @Test
    void packsDoNotDependOnTheCli() {
        noClasses().that().resideInAnyPackage("vn.r57desk.store.pack..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.r57desk.store.cli..", "vn.r57desk.store.generate..")
                .check(store);
    }
}
