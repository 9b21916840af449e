package vn.r57desk.app.lock;

import java.time.Duration;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.material2.Material2AL;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.widgets.Icons;

/**
 * What covers the window while the data is locked: nothing of the data shows through (an opaque
 * layer over every other, keys and clicks stop here), a passcode field, the answer to the last try,
 * the wait after several wrong ones, and "forgot the passcode", which says what it costs before it
 * deletes anything.
 */
public final class LockScreen {
    public static final String ROOT_ID = "lock-screen";
    public static final String PASSCODE_ID = "lock-passcode";
    public static final String UNLOCK_ID = "lock-unlock";
    public static final String MESSAGE_ID = "lock-message";
    public static final String FORGOT_ID = "lock-forgot";

    private LockScreen() {}

    /** {@code forgot}: runs after the user confirmed deleting the local data. */
    public static Node build(LockViewModel vm, Messages m, Runnable forgot) {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        title.setWrapText(true);
        Label hint = new Label();
        hint.setWrapText(true);
        PasswordField code = new PasswordField();
        code.setId(PASSCODE_ID);
        code.setMaxWidth(420);
        Button unlock = Icons.on(new Button(), Material2AL.LOCK_OPEN);
        unlock.setId(UNLOCK_ID);
        // Not the scene's default button: that would put an Enter accelerator on the main window
        // while the lock is hidden. Enter in the field unlocks (its action, below).
        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.getStyleClass().add(Styles.RAG_RED);
        message.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Duration w = vm.waitProperty().get();
            String said = vm.messageProperty().get();
            if (w != null && !w.isZero()) return m.get("lock.wait", Math.max(1, w.toSeconds() + (w.toMillisPart() > 0 ? 1 : 0)));
            return said;
        }, vm.messageProperty(), vm.waitProperty(), m.localeProperty()));
        Hyperlink forget = new Hyperlink();
        forget.setId(FORGOT_ID);
        Runnable relabel = () -> {
            title.setText(m.get("lock.title"));
            hint.setText(m.get("lock.hint"));
            unlock.setText(m.get("lock.unlock"));
            forget.setText(m.get("lock.forgot"));
            code.setPromptText(m.get("lock.prompt"));
        };
        relabel.run();
        m.localeProperty().addListener((o, a, b) -> relabel.run());
        Runnable tryIt = () -> {
            char[] typed = code.getText().toCharArray();
            code.clear();
            if (typed.length > 0) vm.unlock(typed);
        };
        unlock.setOnAction(e -> tryIt.run());
        code.setOnAction(e -> tryIt.run());
        var busyOrWaiting = vm.stateProperty().isEqualTo(LockViewModel.State.CHECKING)
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.waitProperty().get() != null && !vm.waitProperty().get().isZero(),
                        vm.waitProperty()));
        unlock.disableProperty().bind(busyOrWaiting);
        code.disableProperty().bind(busyOrWaiting);
        forget.setOnAction(e -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
            ask.initOwner(forget.getScene().getWindow());
            ask.setTitle(m.get("lock.forgot"));
            ask.setHeaderText(m.get("lock.forgot.header"));
            ask.setContentText(m.get("lock.forgot.body"));
            ButtonType wipe = new ButtonType(m.get("lock.forgot.confirm"), ButtonType.OK.getButtonData());
            ask.getButtonTypes().setAll(new ButtonType(m.get("dialog.cancel"), ButtonType.CANCEL.getButtonData()), wipe);
            ask.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            if (ask.showAndWait().filter(b -> b == wipe).isPresent()) forgot.run();
        });
        var icon = Icons.icon(Material2AL.LOCK);
        icon.setStyle("-fx-icon-size: 56px;"); // seen from across the room
        for (Label l : new Label[] {title, hint, message}) l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(14, icon, title, hint, code, unlock, message, forget);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        box.setFillWidth(true);
        StackPane root = new StackPane(box);
        root.setId(ROOT_ID);
        root.getStyleClass().add(Styles.BACKGROUND);
        // Opaque whatever the theme's background class does, and nothing behind it takes a click or a key.
        root.setStyle("-fx-background-color: -r57-bg;");
        root.setPickOnBounds(true);
        root.addEventHandler(KeyEvent.ANY, KeyEvent::consume);
        root.visibleProperty().bind(vm.stateProperty().isNotEqualTo(LockViewModel.State.OPEN));
        root.managedProperty().bind(root.visibleProperty());
        root.visibleProperty().addListener((o, was, now) -> {
            if (now) javafx.application.Platform.runLater(code::requestFocus);
        });
        return root;
    }
}
