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
