package vn.r57desk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.AppRobot;
import vn.r57desk.app.screens.ScreenRegistry;

/** A damaged synced cache at start: said, kept aside (never deleted), and the demo data opens meanwhile. */
class DamagedCacheUiTest extends AppRobot {
    @TempDir static Path dataDir;
    private javafx.application.Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("r57.dataDir", dataDir.toString());
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanup() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
    }

    @Test
    void aDamagedSyncedCacheIsSaidKeptAsideAndTheDemoOpens() throws Exception {
        Files.createDirectories(AppData.syncedCache().getParent());
        // A server is set (so the synced data is what opens), but no token: no sync starts by itself.
        Settings.DEFAULT.withServer("https://me.example.vn/").save(Settings.file());
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(junk);
        Files.write(AppData.syncedCache(), junk);

        app = FxToolkit.setupApplication(R57DeskApp.class);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#" + MainWindow.CACHE_PROBLEM_ID).tryQuery().isPresent());
        Label problem = lookup("#" + MainWindow.CACHE_PROBLEM_ID).queryAs(Label.class);
        assertThat(problem.getText()).startsWith("Không mở được dữ liệu đã đồng bộ").contains("không xóa gì").contains("đồng bộ lại");
        assertThat(problem.isVisible()).isTrue();
        assertThat(lookup("#" + MainWindow.SYNC_AGAIN_ID).queryButton().getText()).isEqualTo("Đồng bộ lại");
        assertThat(lookup("#" + MainWindow.DEMO_BADGE_ID).query().isVisible()).as("the demo data is on screen meanwhile").isTrue();
        // kept aside, byte for byte; nothing deleted
        try (var files = Files.list(AppData.syncedCache().getParent())) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("cache.db.damaged-")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(junk);
        }
        assertThat(Files.exists(AppData.syncedCache())).isFalse();
        clickOn("#" + MainWindow.LANGUAGE_BUTTON_ID);
        assertThat(problem.getText()).startsWith("The synced data could not be opened");
    }
}
