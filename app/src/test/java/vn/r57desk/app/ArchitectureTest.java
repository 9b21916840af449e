package vn.r57desk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.r57desk.app");

    @Test
    void viewModelsNeverTouchNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "eu.hansolo..", "org.controlsfx..")
                .check(app);
    }

    @Test
    void onlyTheTileFactoryBuildsTiles() {
        noClasses().that().doNotHaveSimpleName("Tiles")
                .should().dependOnClassesThat().resideInAnyPackage("eu.hansolo.tilesfx..")
                .check(app);
    }
}
