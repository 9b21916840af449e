package vn.r57desk.app;

import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The steps the UI tests and the screenshot tour take through the app, written once. */
public abstract class AppRobot extends FxRobot {
    /**
     * Waits (up to 30 s) until a node matching the query is showing and has stayed in its scene
     * while the FX thread finished what it had queued: a screen that is replaced just after it
     * appears (a reload) once made the next click look up a node that had left the scene (an NPE
     * inside TestFX).
     */
    protected void waitFor(String query) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            var found = lookup(query).tryQuery().filter(Node::isVisible);
            if (found.isEmpty()) {
                reveal(query);
                return false;
            }
            WaitForAsyncUtils.waitForFxEvents();
            return found.get().getScene() != null && found.get().isVisible();
        });
    }

    /**
     * A table below the fold goes into its screen when it comes into view (DataTable): a user
     * scrolls to it or reaches it with Tab; the tests give its place the focus, as Tab does.
     */
    private void reveal(String query) {
        if (!query.startsWith("#")) return;
        lookup("#" + vn.r57desk.app.widgets.DataTable.holderId(query.substring(1))).tryQuery()
                .ifPresent(holder -> javafx.application.Platform.runLater(holder::requestFocus));
    }

    /** The passcode the tests set when a first sync or pack import asks for one. */
    public static final String PASSCODE = "họp ban chỉ đạo 57";

    /**
     * Answers the passcode dialog a first sync or pack import opens (national data comes onto a
     * laptop only under a passcode) with {@link #PASSCODE}, as a user does: typed twice, the
     * warning ticked, then the dialog's button. The data here is then encrypted and the sync or
     * import that asked goes on.
     */
    protected void setPasscodeWhenAsked() throws Exception {
        String id = "#" + vn.r57desk.app.lock.PasscodeDialogs.NEW_ID;
        waitFor(id);
        interact(() -> {
            lookup(id).queryAs(javafx.scene.control.PasswordField.class).setText(PASSCODE);
            lookup("#" + vn.r57desk.app.lock.PasscodeDialogs.REPEAT_ID).queryAs(javafx.scene.control.PasswordField.class).setText(PASSCODE);
        });
        clickOn("#" + vn.r57desk.app.lock.PasscodeDialogs.UNDERSTOOD_ID);
        var pane = (javafx.scene.control.DialogPane) lookup(id).query().getScene().getRoot();
        clickOn(pane.lookupButton(pane.getButtonTypes().getFirst()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup(id).tryQuery().isEmpty());
    }

    /** Types {@link #PASSCODE} on the lock screen a start with a passcode set shows, and waits for it to lift. */
    protected void unlockWithThePasscode() throws Exception {
        String field = "#" + vn.r57desk.app.lock.LockScreen.PASSCODE_ID;
        waitFor(field);
        interact(() -> lookup(field).queryAs(javafx.scene.control.PasswordField.class).setText(PASSCODE));
        clickOn("#" + vn.r57desk.app.lock.LockScreen.UNLOCK_ID);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#" + vn.r57desk.app.lock.LockScreen.ROOT_ID).tryQuery()
                .map(n -> !n.isVisible()).orElse(true));
    }

    /**
     * A laptop as new for the next test: every file of the data folder deleted and the keys this
     * process registered for it forgotten (a passcode set by one test would otherwise lock the next).
     */
    protected static void freshDataFolder(java.nio.file.Path dataDir) throws java.io.IOException {
        vn.r57desk.store.db.Sqlite.forgetKeys();
        if (!java.nio.file.Files.isDirectory(dataDir)) return;
        try (var all = java.nio.file.Files.walk(dataDir)) {
            for (var p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dataDir)) java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    /** Selects a row of a table and presses Enter on it: the keyboard path of every drill-down. */
    protected void open(String tableId, int row) throws Exception {
        waitFor("#" + tableId);
        TableView<?> table = lookup("#" + tableId).queryAs(TableView.class);
        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(row);
        });
        type(KeyCode.ENTER);
    }
}
