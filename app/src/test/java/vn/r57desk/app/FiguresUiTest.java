package vn.r57desk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.ministries.MinistriesScreen;
import vn.r57desk.app.screens.ScreenRegistry;
import vn.r57desk.app.shell.MainWindow;
import vn.r57desk.app.shell.R57DeskApp;

/**
 * Issue 22 in the real window, headless on the demo data (as of 20/11/2026): each screen states
 * the span of its figures once, F1 says what the program is, the ministries grid fits 1024 pixels.
 */
class FiguresUiTest extends AppRobot {
    @TempDir static Path dataDir;
    private javafx.application.Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("r57.dataDir", dataDir.toString());
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        java.nio.file.Files.deleteIfExists(dataDir.resolve("settings.properties"));
        app = FxToolkit.setupApplication(R57DeskApp.class);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
    }

    @AfterEach
    void cleanup() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
    }

    private static final String SPAN = "Số liệu tính trên kỳ 01/2025 – 11/2026, đến ngày 20/11/2026.";

    private String spanOnce() throws Exception {
        waitFor("#" + SpanNote.ID);
        WaitForAsyncUtils.waitForFxEvents();
        var notes = lookup("#" + SpanNote.ID).queryAllAs(Label.class);
        assertThat(notes).as("one span line per screen").hasSize(1);
        return notes.iterator().next().getText();
    }

    @Test
    void eachScreenWithFiguresOverASpanSaysWhichOnceAboveItsTables() throws Exception {
        clickOn("#nav-deadlines");
        waitFor("#deadlines-agency");
        assertThat(spanOnce()).startsWith(SPAN).contains("«Đến hạn trong 30/90 ngày» tính từ hôm nay").contains("không theo kỳ");
        Node note = lookup("#" + SpanNote.ID).query();
        Node table = lookup("#deadlines-agency").query();
        assertThat(note.localToScene(note.getLayoutBounds()).getMaxY()).as("above the tables")
                .isLessThan(table.localToScene(table.getLayoutBounds()).getMinY());
        clickOn("#nav-rankings");
        waitFor("#rank-ministries");
        assertThat(spanOnce()).isEqualTo(SPAN);
        clickOn("#nav-overview");
        waitFor("#overview-tiles");
        assertThat(spanOnce()).startsWith(SPAN).contains("30/90");
        clickOn("#nav-localities");
        waitFor("#provinces-table");
        assertThat(spanOnce()).isEqualTo(SPAN);
        open("provinces-table", 0);
        waitFor("#communes-table");
        assertThat(spanOnce()).startsWith(SPAN);
        clickOn("#nav-deadlines");
        open("deadlines-agency", 0);
        waitFor("#task-table");
        assertThat(spanOnce()).startsWith(SPAN);
        // in English too, the window's own words
        clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#" + SpanNote.ID).tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Figures over 01/2025 – 11/2026, as of 20/11/2026.")).orElse(false));
    }

    @Test
    void f1SaysWhatTheProgramIsWhoMaintainsItAndWhichDataIsOpen() throws Exception {
        type(KeyCode.F1);
        waitFor("#about-version");
        assertThat(lookup("#about-version").queryAs(Label.class).getText()).startsWith("Phiên bản ").doesNotContain("dev").doesNotContain("${");
        assertThat(lookup("#about-licence").queryAs(Label.class).getText()).contains("Apache-2.0");
        assertThat(lookup("#about-maintainers").queryAs(Label.class).getText()).startsWith("Duy trì: R57 Desk maintainers <").contains("@");
        assertThat(lookup("#about-data").queryAs(Label.class).getText()).contains("20/11/2026");
        assertThat(lookup("#about-notices").queryAs(Label.class).getText()).contains("Noto Sans", "OFL");
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#about-version").tryQuery().isEmpty());
        // the header's button opens it too
        clickOn("#" + MainWindow.ABOUT_BUTTON_ID);
        waitFor("#about-version");
        type(KeyCode.ESCAPE);
    }

    /** On a 1024 x 768 projector in the projector's type the About text scrolls and its Close button stays in the window. */
    @Test
    void aboutFitsA768PixelProjector() throws Exception {
        Stage stage = (Stage) lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene().getWindow();
        double w = stage.getWidth(), h = stage.getHeight();
        try {
            interact(() -> {
                stage.setWidth(1024);
                stage.setHeight(768);
            });
            clickOn("#" + MainWindow.THEME_BUTTON_ID);
            clickOn("#theme-projector");
            clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
            type(KeyCode.F1);
            waitFor("#about-version");
            WaitForAsyncUtils.waitForFxEvents();
            Node close = lookup(".dialog-pane .button").query();
            Bounds b = close.localToScreen(close.getLayoutBounds());
            assertThat(b.getMaxY()).as("Close within the window").isLessThanOrEqualTo(stage.getY() + stage.getHeight());
            assertThat(b.getMinY()).isGreaterThanOrEqualTo(stage.getY());
            type(KeyCode.ESCAPE);
        } finally {
            interact(() -> {
                stage.setWidth(w);
                stage.setHeight(h);
            });
        }
    }

    /** The grid within the content's width, nothing to scroll sideways, every header and name shown whole. */
    private void assertGridFits(String when) throws Exception {
        clickOn("#nav-systems");
        clickOn("#nav-ministries");
        waitFor("#" + MinistriesScreen.GRID_ID);
        GridPane grid = lookup("#" + MinistriesScreen.GRID_ID).queryAs(GridPane.class);
        ScrollPane scroll = lookup("#" + MainWindow.CONTENT_SCROLL_ID).queryAs(ScrollPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((Region) scroll.getContent()).getWidth() <= scroll.getViewportBounds().getWidth() + 0.5
                && right(grid) <= right((Region) scroll.getContent()) + 0.5);
        WaitForAsyncUtils.waitForFxEvents();
        for (Node n : grid.getChildren()) {
            assertThat(right(n)).as(when + ": " + (n instanceof Label l ? l.getText() : n) + " inside the content").isLessThanOrEqualTo(right(grid) + 0.5);
            if (n instanceof Label l && !l.getText().isEmpty() && l.lookup(".text") instanceof javafx.scene.text.Text shown) {
                assertThat(shown.getText().replace("\n", " ").replaceAll("\\s+", " ").strip()).as(when + ": shown whole").isEqualTo(l.getText().replace("\n", " ").replaceAll("\\s+", " ").strip());
            }
        }
    }

    private static double right(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getMaxX();
    }

    @Test
    void theMinistriesGridFitsA1024PixelWindowInEnglishAndVietnameseLightAndProjector() throws Exception {
        Stage stage = (Stage) lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene().getWindow();
        double w = stage.getWidth(), h = stage.getHeight();
        try {
            interact(() -> {
                stage.setWidth(1024);
                stage.setHeight(768);
            });
            clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
            assertGridFits("light, English");
            clickOn("#" + MainWindow.THEME_BUTTON_ID);
            clickOn("#theme-projector");
            assertGridFits("projector, English");
            clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
            assertGridFits("projector, Vietnamese");
            clickOn("#" + MainWindow.THEME_BUTTON_ID);
            clickOn("#theme-light");
            assertGridFits("light, Vietnamese");
        } finally {
            interact(() -> {
                stage.setWidth(w);
                stage.setHeight(h);
            });
        }
    }
}
