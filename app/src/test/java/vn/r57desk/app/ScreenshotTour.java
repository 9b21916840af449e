package vn.r57desk.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.screens.ScreenRegistry;
import vn.r57desk.app.shell.R57DeskApp;

/**
 * Writes a PNG of each main view, in Vietnamese and English, for docs/screenshots. Runs only when
 * asked: {@code ./r57 mvn -pl app test -Dtest=ScreenshotTour -Dr57.screenshots=$PWD/docs/screenshots}.
 */
class ScreenshotTour extends AppRobot {
    @Test
    void tour() throws Exception {
        String out = System.getProperty("r57.screenshots");
        assumeTrue(out != null, "set -Dr57.screenshots=DIR to write screenshots");
        Path dir = Path.of(out);
        Files.createDirectories(dir);
        Path data = Files.createTempDirectory("r57-shots");
        System.setProperty("r57.dataDir", data.toString());
        FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(R57DeskApp.class);
        try {
            for (String lang : new String[]{"vi", "en"}) {
                if (lang.equals("en")) {
                    clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
                }
                presenter(dir, lang); // first: the meeting's shots are written early in this long tour
                views(dir, "", lang);
            }
            // The projector theme, for the meeting-room screen: every view in both languages.
            clickOn("#" + vn.r57desk.app.shell.MainWindow.THEME_BUTTON_ID);
            clickOn("#theme-projector");
            for (String lang : new String[]{"en", "vi"}) {
                if (lang.equals("vi")) clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
                views(dir, "projector-", lang);
            }
            // A meeting room's projector is often 1024 x 768: the buttons keep just their icons.
            javafx.stage.Stage stage = (javafx.stage.Stage) lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene().getWindow();
            double w = stage.getWidth(), h = stage.getHeight();
            interact(() -> {
                stage.setWidth(1024);
                stage.setHeight(768);
            });
            clickOn("#nav-overview");
            shot(dir, "projector-1024-overview-vi");
            clickOn("#nav-ministries");
            shot(dir, "projector-1024-ministries-vi");
            clickOn("#nav-meetings");
            stocktake();
            shot(dir, "projector-1024-stocktake-vi");
            interact(() -> {
                stage.setWidth(w);
                stage.setHeight(h);
            });
            clickOn("#" + vn.r57desk.app.shell.MainWindow.THEME_BUTTON_ID);
            clickOn("#theme-dark");
            clickOn("#nav-overview");
            shot(dir, "dark-overview-vi");
            // The map and its legend in the dark theme's own colours (the palette), not the light theme's.
            clickOn("#nav-localities");
            waitFor("#provinces-table");
            shot(dir, "dark-localities-vi");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }


    /** Every main view, each shot as {@code prefix + view + "-" + lang}. */
    private void views(Path dir, String prefix, String lang) throws Exception {
        clickOn("#nav-meetings");
        waitFor("#meetings-past");
        shot(dir, prefix + "meetings-" + lang);
        stocktake();
        shot(dir, prefix + "stocktake-" + lang);
        clickOn("#nav-overview");
        shot(dir, prefix + "overview-" + lang);
        clickOn("#nav-systems");
        shot(dir, prefix + "systems-" + lang);
        open("systems-table", 3);
        waitFor("#initiatives-table");
        shot(dir, prefix + "initiatives-" + lang);
        open("initiatives-table", 0);
        waitFor("#kpi-table");
        shot(dir, prefix + "initiative-" + lang);
        if (prefix.isEmpty()) note(dir, lang);
        open("kpi-table", 0);
        waitFor(".r57-kpi-chart");
        shot(dir, prefix + "kpi-" + lang);
        clickOn("#nav-ministries");
        shot(dir, prefix + "ministries-" + lang);
        clickOn("#nav-localities");
        shot(dir, prefix + "localities-" + lang);
        open("provinces-table", 0);
        waitFor("#communes-table");
        shot(dir, prefix + "province-" + lang);
        clickOn("#nav-deadlines");
        shot(dir, prefix + "deadlines-" + lang);
        clickOn("#nav-rankings");
        shot(dir, prefix + "rankings-" + lang);
    }

    /** The stocktake of the first item with a subject on the latest meeting held: Enter on its agenda line. */
    private void stocktake() throws Exception {
        waitFor("#meetings-past");
        var past = lookup("#meetings-past").queryAs(javafx.scene.layout.VBox.class);
        var item = past.lookupAll(".r57-agenda-item").stream().map(n -> (javafx.scene.control.Button) n)
                .filter(b -> b.getText().contains(" — ")).findFirst().orElseThrow();
        interact(item::requestFocus);
        type(javafx.scene.input.KeyCode.ENTER);
        waitFor("#stocktake-status");
    }

    /** Presenter mode from the latest meeting held, on the whole screen and on a 1024 x 768 projector; then the blank screen. */
    private void presenter(Path dir, String lang) throws Exception {
        clickOn("#nav-meetings");
        waitFor("#meetings-past");
        var title = lookup("#meetings-past").queryAs(javafx.scene.layout.VBox.class).lookup(".r57-meeting-title");
        interact(title::requestFocus);
        type(javafx.scene.input.KeyCode.ENTER);
        waitFor("#" + vn.r57desk.app.meetings.MeetingScreen.PRESENT_ID);
        shot(dir, "meeting-" + lang);
        type(javafx.scene.input.KeyCode.F11);
        waitFor("#" + vn.r57desk.app.meetings.PresenterWindow.POSITION_ID);
        javafx.stage.Stage stage = (javafx.stage.Stage) lookup("#" + vn.r57desk.app.meetings.PresenterWindow.ROOT_ID).query().getScene().getWindow();
        interact(stage::requestFocus);
        type(javafx.scene.input.KeyCode.PAGE_DOWN);
        presenterShot(stage, dir, "presenter-" + lang);
        type(javafx.scene.input.KeyCode.S);
        presenterShot(stage, dir, "presenter-spotlight-" + lang);
        type(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.S); // past the last chart: no spotlight
        interact(() -> {
            stage.setFullScreen(false);
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        presenterShot(stage, dir, "presenter-1024-" + lang);
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        presenterShot(stage, dir, "presenter-1366-" + lang);
        interact(stage::requestFocus);
        type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage.isShowing());
    }

    private void presenterShot(javafx.stage.Stage stage, Path dir, String name) throws Exception {
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // let charts lay out
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        interact(() -> img[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(name + ".png").toFile());
    }

    /** A note written on the initiative: the dialog, then the initiative's notes (scrolled to its end). */
    private void note(Path dir, String lang) throws Exception {
        var write = lookup("#" + vn.r57desk.app.notes.FeedbackPanel.WRITE_ID).queryButton();
        interact(write::requestFocus);
        type(javafx.scene.input.KeyCode.SPACE);
        waitFor("#" + vn.r57desk.app.notes.FeedbackPanel.TEXT_ID);
        var text = lookup("#" + vn.r57desk.app.notes.FeedbackPanel.TEXT_ID).queryAs(javafx.scene.control.TextArea.class);
        interact(() -> text.setText(lang.equals("vi")
                ? "Đề nghị cơ quan chủ trì báo cáo tiến độ thí điểm tại Hà Nội và Thành phố Hồ Chí Minh trước phiên họp quý IV."
                : "Please ask the lead agency for the pilot's progress in Hà Nội and Hồ Chí Minh City before the Q4 meeting."));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        interact(() -> img[0] = text.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve("note-dialog-" + lang + ".png").toFile());
        clickOn(lookup((javafx.scene.control.Button b) -> b.isDefaultButton()).queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup(".r57-feedback-item").tryQuery().isPresent());
        interact(() -> lookup("#" + vn.r57desk.app.shell.MainWindow.CONTENT_SCROLL_ID).queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        shot(dir, "notes-" + lang);
    }

    private void shot(Path dir, String name) throws Exception {
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // let charts lay out
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        interact(() -> img[0] = lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(name + ".png").toFile());
    }
}
