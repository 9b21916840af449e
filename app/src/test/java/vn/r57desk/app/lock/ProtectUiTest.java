package vn.r57desk.app.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.AppRobot;
import vn.r57desk.app.packs.DatasetChooser;
import vn.r57desk.app.shell.AppData;
import vn.r57desk.app.shell.MainWindow;
import vn.r57desk.app.shell.R57DeskApp;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.Passcode;

/**
 * Setting a passcode on a laptop that already holds data: the dialog says what a forgotten passcode
 * costs and accepts only a long enough passcode typed twice with the warning understood; the data
 * already on disk is then encrypted (its file no longer begins "SQLite format 3"), the same data
 * is back on screen, and "Lock now" locks.
 */
class ProtectUiTest extends AppRobot {
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

    private static boolean plaintext(Path f) throws Exception {
        try (var in = Files.newInputStream(f)) {
            return new String(in.readNBytes(15), java.nio.charset.StandardCharsets.US_ASCII).equals("SQLite format 3");
        }
    }

    /** Files under the data folder whose bytes hold {@code text} in UTF-8. */
    private static java.util.List<Path> filesHolding(String text) throws Exception {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<Path> all;
        try (var files = Files.walk(dataDir)) {
            all = files.filter(Files::isRegularFile).toList();
        } catch (java.io.UncheckedIOException e) {
            Thread.sleep(200); // a file replaced while listed (an atomic save): list again
            try (var files = Files.walk(dataDir)) {
                all = files.filter(Files::isRegularFile).toList();
            }
        }
        {
            return all.stream().filter(f -> {
                try {
                    byte[] b = Files.readAllBytes(f);
                    outer:
                    for (int i = 0; i + needle.length <= b.length; i++) {
                        for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
                        return true;
                    }
                    return false;
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    @Test
    void settingAPasscodeEncryptsWhatIsHereAndTheSameDataComesBack() throws Exception {
        // a device token saved before any passcode: in the clear until one is set
        vn.r57desk.app.sync.TokenFile.save(AppData.tokenFile(), "bí-mật-token-57", null);
        app = FxToolkit.setupApplication(R57DeskApp.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#" + MainWindow.DEMO_BADGE_ID).tryQuery().map(Node::isVisible).orElse(false));
        assertThat(plaintext(AppData.demoCache())).as("before: plain SQLite").isTrue();
        assertThat(filesHolding("Hà Nội")).as("before: the name is there to find").isNotEmpty();
        assertThat(filesHolding("bí-mật-token-57")).isNotEmpty();

        clickOn("#" + DatasetChooser.ID);
        clickOn("#" + DatasetChooser.PASSCODE_ID);
        waitFor("#" + PasscodeDialogs.NEW_ID);
        Label hint = lookup("#" + PasscodeDialogs.HINT_ID).queryAs(Label.class);
        Button ok = (Button) lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getButtonTypes().getFirst());
        assertThat(lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContent().lookupAll(".label"))
                .anyMatch(n -> ((Label) n).getText().contains("Không ai khôi phục được mật mã"));
        PasswordField first = lookup("#" + PasscodeDialogs.NEW_ID).queryAs(PasswordField.class);
        PasswordField second = lookup("#" + PasscodeDialogs.REPEAT_ID).queryAs(PasswordField.class);
        interact(() -> first.setText("ngắn"));
        assertThat(hint.getText()).startsWith("Mật mã cần ít nhất 8 ký tự");
        assertThat(ok.isDisabled()).isTrue();
        interact(() -> {
            first.setText("họp ban chỉ đạo 57");
            second.setText("họp ban chỉ đạo 75");
        });
        assertThat(hint.getText()).isEqualTo("Hai lần nhập chưa giống nhau.");
        interact(() -> second.setText("họp ban chỉ đạo 57"));
        assertThat(ok.isDisabled()).as("the warning is not ticked yet").isTrue();
        clickOn("#" + PasscodeDialogs.UNDERSTOOD_ID);
        assertThat(lookup("#" + PasscodeDialogs.UNDERSTOOD_ID).queryAs(CheckBox.class).isSelected()).isTrue();
        // Enter, with the box just ticked still focused, sets the passcode (it used to untick the box)
        type(javafx.scene.input.KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#" + MainWindow.DATA_NOTICE_ID).tryQueryAs(Label.class)
                .map(l -> l.getText().startsWith("Đã đặt mật mã")).orElse(false));
        Passcode passcode = Passcode.in(DataHome.forCache(AppData.syncedCache(), null).keys().dir(), Clock.systemUTC());
        assertThat(passcode.isSet()).isTrue();
        assertThat(plaintext(AppData.demoCache())).as("after: encrypted on disk").isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vn.r57desk.app.sync.TokenFile.sealed(AppData.tokenFile()));
        assertThat(filesHolding("Hà Nội")).as("no file of the data folder holds a known name in the clear").isEmpty();
        assertThat(filesHolding("bí-mật-token-57")).as("nor the device token").isEmpty();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#" + MainWindow.DEMO_BADGE_ID).tryQuery().map(Node::isVisible).orElse(false));

        // Lock now, from the same menu
        clickOn("#" + DatasetChooser.ID);
        clickOn("#" + DatasetChooser.LOCK_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#" + LockScreen.ROOT_ID).query().isVisible());
    }
}
