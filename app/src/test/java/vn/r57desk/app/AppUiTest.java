package vn.r57desk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.overview.OverviewView;
import vn.r57desk.app.shell.R57DeskApp;

/** Drives the real window headless (Monocle): first start on demo data, the overview, the language switch. */
class AppUiTest extends FxRobot {
    @TempDir static Path dataDir;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("r57.dataDir", dataDir.toString());
        FxToolkit.registerPrimaryStage();
    }

    private javafx.application.Application app;

    @AfterEach
    void cleanup() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
    }

    @Test
    void startsOnDemoDataShowsTheOverviewAndSwitchesLanguage() throws Exception {
        app = FxToolkit.setupApplication(R57DeskApp.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#" + OverviewView.CONTENT_ID).tryQuery().isPresent());
        Label badge = lookup("#" + R57DeskApp.DEMO_BADGE_ID).queryAs(Label.class);
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo("DỮ LIỆU MINH HỌA");
        assertThat(lookup("#" + R57DeskApp.AS_OF_ID).queryAs(Label.class).getText()).isEqualTo("Số liệu tính đến 20/11/2026");
        assertThat(lookup("Chỉ tiêu chủ yếu (toàn quốc)").tryQuery()).isPresent();

        clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge.getText()).isEqualTo("DEMO DATA");
        assertThat(lookup("Headline KPIs (national)").tryQuery()).isPresent();
        assertThat(lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).queryAs(Button.class).getText()).isEqualTo("Tiếng Việt");
        Stage stage = (Stage) badge.getScene().getWindow();
        assertThat(stage.getTitle()).contains("Resolution 57-NQ/TW");
    }
}
