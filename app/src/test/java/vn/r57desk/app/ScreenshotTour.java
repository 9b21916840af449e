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

import vn.r57desk.app.packs.DatasetChooser;
import vn.r57desk.app.packs.PackDialogs;
import vn.r57desk.app.packs.TestPacks;
import vn.r57desk.app.packs.WatchedApp;
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
            // The light theme at 1024 x 768 too (with -Dr57.screenshots.all1024=true): an office laptop's screen.
            if (Boolean.getBoolean("r57.screenshots.all1024")) {
                javafx.stage.Stage st = (javafx.stage.Stage) lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene().getWindow();
                double w0 = st.getWidth(), h0 = st.getHeight();
                interact(() -> {
                    st.setWidth(1024);
                    st.setHeight(768);
                });
                views(dir, "light-1024-", "en");
                clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
                views(dir, "light-1024-", "vi");
                clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
                interact(() -> {
                    st.setWidth(w0);
                    st.setHeight(h0);
                });
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
            // Every view at 1024 x 768, to look for what is cut (not in the README: -Dr57.screenshots.all1024=true).
            if (Boolean.getBoolean("r57.screenshots.all1024")) {
                views(dir, "projector-1024-", "vi");
                clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
                views(dir, "projector-1024-", "en");
                clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
            }
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


    /**
     * Briefing packs, on their own ({@code -Dtest=ScreenshotTour#packs}): a pack from a test office
     * this laptop trusts (a system's data, under a passphrase, expiring in five days so that the
     * warning shows), in Vietnamese and English, then in the projector theme at 1024 x 768.
     */
    @Test
    void packs() throws Exception {
        String out = System.getProperty("r57.screenshots");
        assumeTrue(out != null, "set -Dr57.screenshots=DIR to write screenshots");
        Path dir = Path.of(out);
        Files.createDirectories(dir);
        Path data = Files.createTempDirectory("r57-shots-packs");
        System.setProperty("r57.dataDir", data.toString());
        var home = vn.r57desk.store.pack.DataHome.forCache(vn.r57desk.app.shell.AppData.syncedCache(), null);
        TestPacks.trustOffice(home);
        java.time.Instant now = java.time.Instant.now();
        Path pack = TestPacks.make(data.resolve("hop-ban-chi-dao.r57pack"), home, TestPacks.firstSystem(),
                now.minus(java.time.Duration.ofHours(2)), now.plus(java.time.Duration.ofDays(5)), 1, true);
        FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(WatchedApp.class);
        try {
            waitFor("#" + ScreenRegistry.CONTENT_ID);
            packs(dir, "", "vi", pack);
            clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
            packs(dir, "", "en", pack);
            clickOn("#" + vn.r57desk.app.shell.MainWindow.THEME_BUTTON_ID);
            clickOn("#theme-projector");
            javafx.stage.Stage stage = (javafx.stage.Stage) lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene().getWindow();
            double w = stage.getWidth(), h = stage.getHeight(), y = stage.getY();
            interact(() -> {
                stage.setWidth(1024);
                stage.setHeight(768);
                // on the screen's bottom edge, as a 1024 x 768 projector's full screen: the status
                // bar's menu then opens upwards as it would there
                stage.setY(javafx.stage.Screen.getPrimary().getBounds().getHeight() - 768);
            });
            packs(dir, "projector-1024-", "en", pack);
            clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
            packs(dir, "projector-1024-", "vi", pack);
            // the shared stage gets its size and place back: the tours after this one expect them
            interact(() -> {
                stage.setWidth(w);
                stage.setHeight(h);
                stage.setY(y);
            });
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }

    /**
     * The passcode and the lock ({@code -Dtest=ScreenshotTour#lock}): setting a passcode (the
     * dialog with its warning), the lock screen after a wrong passcode, in Vietnamese and English,
     * then in the projector theme at 1024 x 768.
     */
    @Test
    void lock() throws Exception {
        String out = System.getProperty("r57.screenshots");
        assumeTrue(out != null, "set -Dr57.screenshots=DIR to write screenshots");
        Path dir = Path.of(out);
        Files.createDirectories(dir);
        Path data = Files.createTempDirectory("r57-shots-lock");
        System.setProperty("r57.dataDir", data.toString());
        FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(R57DeskApp.class);
        String code = "họp ban chỉ đạo 57";
        try {
            waitFor("#" + ScreenRegistry.CONTENT_ID);
            clickOn("#" + vn.r57desk.app.packs.DatasetChooser.ID);
            clickOn("#" + vn.r57desk.app.packs.DatasetChooser.PASSCODE_ID);
            waitFor("#" + vn.r57desk.app.lock.PasscodeDialogs.NEW_ID);
            interact(() -> {
                lookup("#" + vn.r57desk.app.lock.PasscodeDialogs.NEW_ID).queryAs(javafx.scene.control.PasswordField.class).setText(code);
                lookup("#" + vn.r57desk.app.lock.PasscodeDialogs.REPEAT_ID).queryAs(javafx.scene.control.PasswordField.class).setText(code);
            });
            clickOn("#" + vn.r57desk.app.lock.PasscodeDialogs.UNDERSTOOD_ID);
            withPopups(dir, "passcode-set-vi");
            clickOn("Đặt mật mã và mã hóa");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vn.r57desk.store.pack.Passcode.in(
                    vn.r57desk.store.pack.DataHome.forCache(vn.r57desk.app.shell.AppData.syncedCache(), null).keys().dir(), java.time.Clock.systemUTC()).isSet()
                    && !lookup("#" + vn.r57desk.app.shell.MainWindow.DATA_NOTICE_ID).queryAs(javafx.scene.control.Label.class).getText().startsWith("Đang"));
            lockShots(dir, "", "vi", code);
            clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
            lockShots(dir, "", "en", code);
            clickOn("#" + vn.r57desk.app.shell.MainWindow.THEME_BUTTON_ID);
            clickOn("#theme-projector");
            javafx.stage.Stage stage = (javafx.stage.Stage) lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene().getWindow();
            double w = stage.getWidth(), h = stage.getHeight();
            interact(() -> {
                stage.setWidth(1024);
                stage.setHeight(768);
            });
            lockShots(dir, "projector-1024-", "en", code);
            clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
            lockShots(dir, "projector-1024-", "vi", code);
            // the shared stage gets its size back: the tours after this one expect it
            interact(() -> {
                stage.setWidth(w);
                stage.setHeight(h);
            });
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }

    /** Locks (Ctrl+Shift+L), tries a wrong passcode, shoots the lock screen, and unlocks. */
    private void lockShots(Path dir, String prefix, String lang, String code) throws Exception {
        press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.L)
                .release(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        waitFor("#" + vn.r57desk.app.lock.LockScreen.PASSCODE_ID);
        var field = lookup("#" + vn.r57desk.app.lock.LockScreen.PASSCODE_ID).queryAs(javafx.scene.control.PasswordField.class);
        interact(() -> field.setText("sai mật mã"));
        clickOn("#" + vn.r57desk.app.lock.LockScreen.UNLOCK_ID);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#" + vn.r57desk.app.lock.LockScreen.MESSAGE_ID)
                .queryAs(javafx.scene.control.Label.class).getText().isEmpty() && !field.isDisabled());
        shot(dir, prefix + "lock-" + lang);
        interact(() -> field.setText(code));
        clickOn("#" + vn.r57desk.app.lock.LockScreen.UNLOCK_ID);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#" + vn.r57desk.app.lock.LockScreen.ROOT_ID).query().isVisible());
    }

    /**
     * The Changes section after syncs under the reference server's live reporting: the changed
     * tasks and KPI values listed under their counts. Runs only when asked
     * ({@code -Dr57.screenshots=DIR -Dr57.screenshots.changes=true}): it starts a server and syncs twice.
     */
    @Test
    void changes() throws Exception {
        String out = System.getProperty("r57.screenshots");
        assumeTrue(out != null && Boolean.getBoolean("r57.screenshots.changes"), "set -Dr57.screenshots.changes=true as well");
        Path dir = Path.of(out);
        Files.createDirectories(dir);
        Path data = Files.createTempDirectory("r57-shots-changes");
        System.setProperty("r57.dataDir", data.toString());
        FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(R57DeskApp.class);
        // The server's folder is outside the data folder, whose databases open encrypted once a passcode is set.
        try (vn.r57desk.server.ReferenceServer server = vn.r57desk.server.ReferenceServer.start(
                new vn.r57desk.server.ReferenceServer.Config(Files.createTempDirectory("r57-shots-server"), vn.r57desk.store.generate.Scale.DEMO, "127.0.0.1", 0,
                        java.util.Map.of("shots", "laptop"), true, null, null, 0, 57), line -> { })) {
            waitFor("#" + ScreenRegistry.CONTENT_ID);
            type(javafx.scene.input.KeyCode.F5);
            waitFor("#" + vn.r57desk.app.sync.SyncBar.DIALOG_SERVER_ID);
            var url = lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_SERVER_ID).queryAs(javafx.scene.control.TextField.class);
            var token = lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_TOKEN_ID).queryAs(javafx.scene.control.TextField.class);
            interact(() -> {
                url.setText(server.uri().toString());
                token.setText("shots");
            });
            type(javafx.scene.input.KeyCode.ENTER);
            setPasscodeWhenAsked(); // the first sync asks for one
            var status = lookup("#" + vn.r57desk.app.sync.SyncBar.STATUS_ID).queryAs(javafx.scene.control.Label.class);
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> status.getText().startsWith("Đã đồng bộ lúc"));
            server.churn(1500);
            clickOn("#nav-changes");
            press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
            // The second sync is a delta (the first, a reload, keeps no history): its tasks are listed.
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> lookup("#" + vn.r57desk.app.widgets.DataTable.holderId("changes-task-table")).tryQuery().isPresent());
            for (String theme : new String[]{"", "projector-"}) {
                if (!theme.isEmpty()) {
                    clickOn("#" + vn.r57desk.app.shell.MainWindow.THEME_BUTTON_ID);
                    clickOn("#theme-projector");
                }
                for (String lang : new String[]{"vi", "en"}) {
                    clickOn("#nav-changes");
                    waitFor("#changes-summary");
                    shot(dir, theme + "changes-" + lang);
                    // the lists below the counts, scrolled to
                    waitFor("#changes-task-table");
                    interact(() -> lookup("#" + vn.r57desk.app.shell.MainWindow.CONTENT_SCROLL_ID).queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0.45));
                    shot(dir, theme + "changes-lists-" + lang);
                    clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
                }
            }
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
        // Giới thiệu / About (F1), over the window
        type(javafx.scene.input.KeyCode.F1);
        waitFor("#about-version");
        withPopups(dir, prefix + "about-" + lang);
        type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#about-version").tryQuery().isEmpty());
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

    /**
     * A briefing pack: its passphrase dialog over the window, then the pack open with the dataset
     * menu unfolded (and the expiry warning under the title), then the wipe confirmation; back to
     * the demo data after.
     */
    private void packs(Path dir, String prefix, String lang, Path pack) throws Exception {
        boolean asked = !WatchedApp.window.lock().protectedData();
        javafx.application.Platform.runLater(() -> WatchedApp.window.openPack(pack));
        if (asked) {
            // the first import asks for a passcode: nothing national is written without one
            waitFor("#" + vn.r57desk.app.lock.PasscodeDialogs.NEW_ID);
            withPopups(dir, prefix + "passcode-required-" + lang);
            setPasscodeWhenAsked();
        }
        waitFor("#" + PackDialogs.PASSPHRASE_ID);
        var field = lookup("#" + PackDialogs.PASSPHRASE_ID).queryAs(javafx.scene.control.PasswordField.class);
        interact(() -> field.setText(new String(TestPacks.PASS)));
        withPopups(dir, prefix + "pack-passphrase-" + lang);
        interact(field::requestFocus);
        type(javafx.scene.input.KeyCode.ENTER);
        String packWord = lang.equals("vi") ? "Gói: " : "Pack: ";
        var chooser = lookup("#" + DatasetChooser.ID).queryAs(javafx.scene.control.MenuButton.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> chooser.getText().startsWith(packWord)
                && !lookup("#" + vn.r57desk.app.shell.MainWindow.PACK_WARNING_ID).queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        clickOn("#" + DatasetChooser.ID);
        waitFor("#" + DatasetChooser.WIPE_ID);
        withPopups(dir, prefix + "dataset-menu-" + lang);
        clickOn("#" + DatasetChooser.WIPE_ID);
        waitFor("#" + PackDialogs.WIPE_CONFIRM_ID);
        withPopups(dir, prefix + "wipe-confirm-" + lang);
        type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#" + PackDialogs.WIPE_CONFIRM_ID).tryQuery().isEmpty());
        clickOn("#" + DatasetChooser.ID);
        clickOn("#dataset-demo");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !chooser.getText().startsWith(packWord));
        waitFor("#" + ScreenRegistry.CONTENT_ID);
    }

    /** The window with its dialogs and menus drawn over it where they stand. */
    private void withPopups(Path dir, String name) throws Exception {
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        java.awt.image.BufferedImage[] out = new java.awt.image.BufferedImage[1];
        interact(() -> {
            javafx.stage.Window main = lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene().getWindow();
            java.awt.image.BufferedImage base = SwingFXUtils.fromFXImage(main.getScene().snapshot(null), null);
            java.awt.Graphics2D g = base.createGraphics();
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w == main || !w.isShowing() || w.getScene() == null) continue;
                java.awt.image.BufferedImage img = SwingFXUtils.fromFXImage(w.getScene().snapshot(null), null);
                g.drawImage(img, (int) Math.round(w.getX() + w.getScene().getX() - main.getX() - main.getScene().getX()),
                        (int) Math.round(w.getY() + w.getScene().getY() - main.getY() - main.getScene().getY()), null);
            }
            g.dispose();
            out[0] = base;
        });
        ImageIO.write(out[0], "png", dir.resolve(name + ".png").toFile());
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
