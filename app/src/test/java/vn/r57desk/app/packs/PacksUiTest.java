package vn.r57desk.app.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.AppRobot;
import vn.r57desk.app.screens.ScreenRegistry;
import vn.r57desk.app.shell.AppData;
import vn.r57desk.app.shell.MainWindow;
import vn.r57desk.app.shell.R57DeskApp;
import vn.r57desk.app.shell.Settings;
import vn.r57desk.store.pack.DataHome;

/**
 * Briefing packs in the real window, headless: a pack made in the test (the demo data, signed by a
 * test office this laptop trusts) opened, switched to and from, refused when tampered with, wiped
 * at start when expired, and the whole laptop wiped.
 */
class PacksUiTest extends AppRobot {
    /** The laptop's seen sequences outlive a wipe (they keep old packs from being replayed): each pack a higher one. */
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();
    @TempDir static Path dataDir;
    @TempDir Path work;
    private javafx.application.Application app;
    private DataHome home;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("r57.dataDir", dataDir.toString());
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void laptop() throws Exception {
        freshDataFolder(dataDir); // the passcode an earlier test set goes too
        home = DataHome.forCache(AppData.syncedCache(), null);
        home.wipeAll(true);
        home.keys().generate("Laptop 03", false);
        TestPacks.trustOffice(home);
    }

    private void start() throws Exception {
        app = FxToolkit.setupApplication(WatchedApp.class);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        until(() -> chooserText() != null && !chooserText().equals("Chọn bộ dữ liệu đang xem"));
    }

    @AfterEach
    void cleanup() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        app = null;
    }

    private static void until(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String chooserText() {
        return lookup("#" + DatasetChooser.ID).tryQueryAs(MenuButton.class).map(MenuButton::getText).orElse(null);
    }

    private String notice() {
        return lookup("#" + MainWindow.DATA_NOTICE_ID).queryAs(Label.class).getText();
    }

    /**
     * Opens a pack as Ctrl+O or a drop does; the first import on a laptop without a passcode asks
     * for one (answered here) before anything of the pack is written.
     */
    private void importPack(Path f) throws Exception {
        boolean asked = !WatchedApp.window.lock().protectedData();
        javafx.application.Platform.runLater(() -> WatchedApp.window.openPack(f)); // the dialog waits for the user: not inside interact()
        if (asked) setPasscodeWhenAsked();
    }

    private Path pack(String name, boolean passphrase) throws Exception {
        Instant now = Instant.now();
        return TestPacks.make(work.resolve(name), home, TestPacks.firstSystem(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), SEQUENCE.incrementAndGet(), passphrase);
    }

    @Test
    void aPackOpensAsItsOwnDatasetAndTheUserSwitchesBackAndForth() throws Exception {
        start();
        assertThat(chooserText()).isEqualTo("Dữ liệu minh họa");
        Path f = pack("he-thong.r57pack", false);
        importPack(f);
        until(() -> chooserText().startsWith("Gói: Hệ thống: "));
        assertThat(chooserText()).matches("Gói: Hệ thống: .+ · số liệu đến \\d\\d/\\d\\d/\\d{4} · hết hạn \\d\\d/\\d\\d/\\d{4}");
        assertThat(notice()).startsWith("Đã mở gói “Hệ thống: ").contains("không được gửi đi");
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        String id = WatchedApp.window.datasets().currentId();
        assertThat(WatchedApp.window.settings().dataset()).as("remembered for the next start").isEqualTo(id);
        // the chooser lists the pack and the demo data; the user goes back to the demo data
        clickOn("#" + DatasetChooser.ID);
        clickOn("#dataset-demo");
        until(() -> chooserText().equals("Dữ liệu minh họa"));
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        assertThat(WatchedApp.window.settings().dataset()).isEqualTo("demo");
        // and to the pack again, from the keyboard-reachable menu
        clickOn("#" + DatasetChooser.ID);
        clickOn("#dataset-" + id);
        until(() -> chooserText().startsWith("Gói: "));
        // in English, the same pack in English words
        clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
        until(() -> chooserText().startsWith("Pack: System: "));
        assertThat(chooserText()).contains(" · data as of ").contains(" · expires ");
        // the next start opens the pack chosen last
        WatchedApp.window.settings().save(Settings.file());
        FxToolkit.cleanupApplication(app);
        app = FxToolkit.setupApplication(WatchedApp.class);
        unlockWithThePasscode(); // set at the first import: the data opens only with it
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        until(() -> chooserText() != null && chooserText().startsWith("Pack: "));
    }

    @Test
    void aPassphraseIsAskedInADialog() throws Exception {
        start();
        Path f = pack("mat-khau.r57pack", true);
        importPack(f);
        waitFor("#" + PackDialogs.PASSPHRASE_ID);
        PasswordField field = lookup("#" + PackDialogs.PASSPHRASE_ID).queryAs(PasswordField.class);
        interact(() -> field.setText(new String(TestPacks.PASS)));
        interact(field::requestFocus);
        type(KeyCode.ENTER);
        until(() -> chooserText().startsWith("Gói: "));
        assertThat(field.getText()).as("the field is emptied once read").isEmpty();
    }

    @Test
    void aTamperedPackIsRefusedWithItsReasonAndTheDataOnScreenStays() throws Exception {
        start();
        Path f = pack("sua.r57pack", false);
        byte[] b = Files.readAllBytes(f);
        b[b.length - 10] ^= 1;
        Files.write(f, b);
        String before = chooserText();
        importPack(f);
        waitFor("#" + PackDialogs.REFUSED_ID);
        String why = lookup("#" + PackDialogs.REFUSED_ID).queryAs(Label.class).getText();
        assertThat(why).isNotBlank().doesNotContain("Exception");
        assertThat(chooserText()).isEqualTo(before);
        assertThat(home.datasets()).noneMatch(d -> d.kind() == DataHome.Kind.PACK);
        type(KeyCode.ENTER); // closes the message
        until(() -> lookup("#" + PackDialogs.REFUSED_ID).tryQuery().isEmpty());
        waitFor("#" + ScreenRegistry.CONTENT_ID);
    }

    @Test
    void aPackExpiredWhileTheLaptopWasOffIsWipedAtStartAndSaidSo() throws Exception {
        // imported a month ago, with the clock of then; it expired yesterday
        Instant then = Instant.now().minus(Duration.ofDays(30));
        Path f = TestPacks.make(work.resolve("cu.r57pack"), home, TestPacks.firstSystem(), then.minus(Duration.ofHours(1)),
                Instant.now().minus(Duration.ofDays(1)), SEQUENCE.incrementAndGet(), false);
        DataHome.Dataset d = home.importPack(f, null, Clock.fixed(then, ZoneOffset.UTC), null);
        Settings.DEFAULT.withDataset(d.id()).save(Settings.file());
        start();
        assertThat(d.file()).as("wiped before anything opened it").doesNotExist();
        assertThat(chooserText()).isEqualTo("Dữ liệu minh họa");
        until(() -> notice().contains("đã hết hạn"));
        assertThat(notice()).startsWith("Gói “Hệ thống: ").contains("đã được xóa khỏi máy");
    }

    @Test
    void wipingTheLaptopAsksFirstThenLeavesOnlyTheDemoData() throws Exception {
        start();
        Path f = pack("xoa.r57pack", false);
        importPack(f);
        until(() -> chooserText().startsWith("Gói: "));
        DataHome.Dataset p = WatchedApp.window.datasets().currentProperty().get();
        clickOn("#" + DatasetChooser.ID);
        clickOn("#" + DatasetChooser.WIPE_ID);
        waitFor("#" + PackDialogs.WIPE_CONFIRM_ID);
        assertThat(p.file()).as("nothing deleted before the confirmation").exists();
        clickOn("#" + PackDialogs.WIPE_CONFIRM_ID);
        until(() -> chooserText().equals("Dữ liệu minh họa"));
        assertThat(p.file()).doesNotExist();
        assertThat(home.keys().deviceKeyFile()).doesNotExist();
        assertThat(notice()).startsWith("Đã xóa dữ liệu trên máy này");
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        Stage stage = (Stage) lookup("#" + DatasetChooser.ID).query().getScene().getWindow();
        assertThat(stage.isShowing()).isTrue();
    }
}
