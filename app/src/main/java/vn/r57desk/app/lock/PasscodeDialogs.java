package vn.r57desk.app.lock;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.store.pack.Passcode;

/**
 * Setting and changing the passcode of this laptop's data. Setting it says first, plainly, what a
 * forgotten passcode costs (the local data deleted, notes not yet sent lost) and asks the user to
 * say they understood; the passcode is typed twice. The typed characters are handed over as a
 * {@code char[]} for the caller to wipe.
 */
public final class PasscodeDialogs {
    public static final String NEW_ID = "passcode-new";
    public static final String REPEAT_ID = "passcode-repeat";
    public static final String OLD_ID = "passcode-old";
    public static final String UNDERSTOOD_ID = "passcode-understood";
    public static final String HINT_ID = "passcode-hint";

    private PasscodeDialogs() {}

    /** A new passcode (typed twice, long enough, the warning understood), or empty when cancelled. */
    public static Optional<char[]> askNew(Window owner, Messages m) {
        return askNew(owner, m, "passcode.set.header");
    }

    /**
     * As {@link #askNew(Window, Messages)}, under the header {@code headerKey}: why a passcode is
     * asked for now ("before national data comes onto this laptop…").
     */
    public static Optional<char[]> askNew(Window owner, Messages m, String headerKey) {
        Dialog<ButtonType> d = dialog(owner, m.get("passcode.set.title"), m.get(headerKey));
        Label warning = wrapped(m.get("passcode.set.warning"));
        warning.getStyleClass().add(Styles.RAG_AMBER);
        PasswordField first = field(NEW_ID, m.get("passcode.new"));
        PasswordField second = field(REPEAT_ID, m.get("passcode.repeat"));
        CheckBox understood = new CheckBox(m.get("passcode.set.understood"));
        understood.setId(UNDERSTOOD_ID);
        understood.setWrapText(true);
        Label hint = hint(m, first, second);
        ButtonType ok = new ButtonType(m.get("passcode.set.ok"), ButtonType.OK.getButtonData());
        finish(d, m, ok, new VBox(10, warning, labelled(first, m.get("passcode.new")), labelled(second, m.get("passcode.repeat")), hint, understood),
                valid(first, second).and(understood.selectedProperty()));
        javafx.application.Platform.runLater(first::requestFocus);
        Optional<char[]> out = d.showAndWait().filter(b -> b == ok).map(b -> first.getText().toCharArray());
        first.clear();
        second.clear();
        return out;
    }

    /** {old, new} for a change, or empty when cancelled. */
    public static Optional<char[][]> askChange(Window owner, Messages m) {
        Dialog<ButtonType> d = dialog(owner, m.get("passcode.change.title"), m.get("passcode.change.header"));
        PasswordField old = field(OLD_ID, m.get("passcode.old"));
        PasswordField first = field(NEW_ID, m.get("passcode.new"));
        PasswordField second = field(REPEAT_ID, m.get("passcode.repeat"));
        Label hint = hint(m, first, second);
        ButtonType ok = new ButtonType(m.get("passcode.change.ok"), ButtonType.OK.getButtonData());
        finish(d, m, ok, new VBox(10, labelled(old, m.get("passcode.old")), labelled(first, m.get("passcode.new")), labelled(second, m.get("passcode.repeat")), hint),
                valid(first, second).and(old.textProperty().isNotEmpty()));
        javafx.application.Platform.runLater(old::requestFocus);
        Optional<char[][]> out = d.showAndWait().filter(b -> b == ok)
                .map(b -> new char[][] {old.getText().toCharArray(), first.getText().toCharArray()});
        old.clear();
        first.clear();
        second.clear();
        return out;
    }

    /** Whether a typed passcode may be set: long enough and typed the same twice (what the hint line says). */
    static boolean acceptable(String first, String second) {
        return first.length() >= Passcode.MIN_LENGTH && first.equals(second);
    }

    private static BooleanBinding valid(PasswordField first, PasswordField second) {
        return Bindings.createBooleanBinding(() -> acceptable(first.getText(), second.getText()), first.textProperty(), second.textProperty());
    }

    private static Label hint(Messages m, PasswordField first, PasswordField second) {
        Label hint = wrapped("");
        hint.setId(HINT_ID);
        hint.getStyleClass().add(Styles.MUTED);
        hint.textProperty().bind(Bindings.createStringBinding(() -> {
            String a = first.getText();
            if (a.length() < Passcode.MIN_LENGTH) return m.get("passcode.tooShort", Passcode.MIN_LENGTH);
            if (!a.equals(second.getText())) return m.get("passcode.differ");
            return m.get("passcode.fine");
        }, first.textProperty(), second.textProperty()));
        return hint;
    }

    private static Dialog<ButtonType> dialog(Window owner, String title, String header) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.setResizable(true);
        return d;
    }

    private static void finish(Dialog<ButtonType> d, Messages m, ButtonType ok, VBox content, BooleanBinding enabled) {
        content.setPadding(new Insets(12));
        content.setPrefWidth(520);
        d.getDialogPane().setContent(content);
        d.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        d.getDialogPane().getButtonTypes().setAll(ok, new ButtonType(m.get("dialog.cancel"), ButtonType.CANCEL.getButtonData()));
        javafx.scene.control.Button accept = (javafx.scene.control.Button) d.getDialogPane().lookupButton(ok);
        accept.disableProperty().bind(enabled.not());
        // Enter on the "I understand" box sets the passcode, as from the fields: it unticked the box
        // instead (a focused check box takes Enter as a press), after the user had just ticked it.
        d.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.getTarget() instanceof CheckBox) {
                e.consume();
                if (!accept.isDisabled()) accept.fire();
            }
        });
    }

    private static PasswordField field(String id, String prompt) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    /**
     * The field under its name: a prompt alone disappears as the field takes the focus, and the
     * first field has it as the dialog opens, so it showed as an empty box.
     */
    private static VBox labelled(PasswordField f, String name) {
        Label l = new Label(name);
        l.setLabelFor(f);
        return new VBox(4, l, f);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
