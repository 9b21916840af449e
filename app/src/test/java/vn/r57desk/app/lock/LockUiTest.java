package vn.r57desk.app.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.AppRobot;
import vn.r57desk.app.shell.AppData;
import vn.r57desk.app.shell.MainWindow;
import vn.r57desk.app.shell.R57DeskApp;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.Passcode;

/**
 * A laptop whose data has a passcode: the window opens locked with nothing of the data read, a wrong
 * passcode is refused in words, the right one opens the data; Ctrl+Shift+L locks again; a forgotten
 * passcode, confirmed, deletes the data and the key and the demo data opens.
 */
class LockUiTest extends AppRobot {
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

    private void enter(String text) {
        interact(() -> lookup("#" + LockScreen.PASSCODE_ID).queryAs(javafx.scene.control.PasswordField.class).setText(text));
        clickOn("#" + LockScreen.UNLOCK_ID);
    }

    @Test
    void theDataOpensOnlyWithThePasscode() throws Exception {
        Path keys = DataHome.forCache(AppData.syncedCache(), null).keys().dir();
        Passcode passcode = Passcode.in(keys, Clock.systemUTC());
        passcode.set("mật mã của tôi 57".toCharArray()).close();

        app = FxToolkit.setupApplication(R57DeskApp.class);
        waitFor("#" + LockScreen.ROOT_ID);
        Node lock = lookup("#" + LockScreen.ROOT_ID).query();
        assertThat(lock.isVisible()).isTrue();
        assertThat(lookup("#" + LockScreen.ROOT_ID + " .label").queryAllAs(Label.class)).anyMatch(l -> l.getText().equals("Dữ liệu trên máy này đang khóa"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".r57-data-table").tryQuery()).as("nothing of the data is read before the passcode").isEmpty();
        assertThat(Files.exists(AppData.demoCache())).isFalse();

        enter("không phải mật mã");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#" + LockScreen.MESSAGE_ID).queryAs(Label.class).getText().startsWith("Sai mật mã."));
        assertThat(lock.isVisible()).isTrue();

        enter("mật mã của tôi 57");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lock.isVisible());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#" + MainWindow.DEMO_BADGE_ID).tryQuery().map(Node::isVisible).orElse(false));
        assertThat(Files.exists(AppData.demoCache())).isTrue();

        // Ctrl+Shift+L locks again; the passcode opens it again
        press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, lock::isVisible);
        enter("mật mã của tôi 57");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lock.isVisible());

        // Forgotten: after saying what goes, the data and the key are deleted and the demo opens
        press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, lock::isVisible);
        clickOn("#" + LockScreen.FORGOT_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(lookup(".dialog-pane .content").queryAs(Label.class).getText()).contains("mất hẳn").contains("đồng bộ lại");
        clickOn("Xóa dữ liệu");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lock.isVisible());
        assertThat(passcode.isSet()).isFalse();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#" + MainWindow.DEMO_BADGE_ID).tryQuery().map(Node::isVisible).orElse(false));
    }
}
