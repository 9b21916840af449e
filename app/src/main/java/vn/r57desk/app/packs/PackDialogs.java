package vn.r57desk.app.packs;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import vn.r57desk.app.i18n.Messages;

/**
 * The dialogs around briefing packs: choosing the file, its passphrase, why it was refused, and
 * the confirmation before wiping the laptop. Each is shown without blocking (show, then its
 * answer), so the window keeps drawing behind it.
 */
public final class PackDialogs {
    public static final String PASSPHRASE_ID = "pack-passphrase";
    public static final String PASSPHRASE_PROBLEM_ID = "pack-passphrase-problem";
    public static final String REFUSED_ID = "pack-refused";
    public static final String WIPE_CONFIRM_ID = "wipe-confirm";
    public static final String EXTENSION = ".r57pack";

    private final Messages messages;
    private final Supplier<Window> owner;

    public PackDialogs(Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
    }

    /** Whether a dropped or chosen file looks like a pack (its content decides; this only filters). */
    public static boolean isPack(File f) {
        return f != null && f.isFile() && f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION);
    }

    /** The OS's file chooser, filtered to .r57pack; null when cancelled. */
    public Path chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle(messages.get("pack.open"));
        fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(messages.get("pack.fileType"), "*" + EXTENSION));
        File f = fc.showOpenDialog(owner.get());
        return f == null ? null : f.toPath();
    }

    /**
     * Asks for the pack's passphrase; {@code why} (null the first time) says the last one was wrong.
     * The answer is handed over as a char[] the importer clears; the field is emptied at once.
     */
    public void askPassphrase(Path file, String why, Consumer<char[]> answer) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(messages.get("pack.passphraseTitle"));
        d.setHeaderText(messages.get("pack.passphraseHeader", file.getFileName()));
        PasswordField field = new PasswordField();
        field.setId(PASSPHRASE_ID);
        field.setPromptText(messages.get("pack.passphrase"));
        field.setAccessibleText(messages.get("pack.passphrase"));
        Label problem = new Label(why == null ? "" : why);
        problem.setId(PASSPHRASE_PROBLEM_ID);
        problem.setWrapText(true);
        problem.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        problem.setManaged(why != null);
        VBox box = new VBox(10, field, problem);
        box.setPadding(new Insets(12));
        box.setPrefWidth(460);
        d.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, new ButtonType(messages.get("pack.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(field.textProperty().isEmpty());
        d.setOnHidden(e -> {
            // The field's text is a String the JDK cannot clear; it lives no longer than this dialog.
            char[] typed = d.getResult() == ok ? field.getText().toCharArray() : null;
            field.clear();
            if (typed != null) answer.accept(typed);
        });
        Platform.runLater(field::requestFocus);
        d.show();
    }

    /** Why the pack was refused, in the window's language; the data on screen has not changed. */
    public void refused(Path file, String why) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner.get());
        a.setTitle(messages.get("pack.refusedTitle"));
        a.setHeaderText(messages.get("pack.refusedHeader", file.getFileName()));
        Label text = new Label(why);
        text.setId(REFUSED_ID);
        text.setWrapText(true);
        text.setPrefWidth(480);
        a.getDialogPane().setContent(text);
        a.getButtonTypes().setAll(new ButtonType(messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        a.show();
    }

    /** Says plainly what is deleted and how the data comes back; {@code wipe} runs only when confirmed. */
    public void confirmWipe(Runnable wipe) {
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.initOwner(owner.get());
        a.setTitle(messages.get("pack.wipeTitle"));
        a.setHeaderText(messages.get("pack.wipeHeader"));
        Label text = new Label(messages.get("pack.wipeText"));
        text.setWrapText(true);
        text.setPrefWidth(520);
        a.getDialogPane().setContent(text);
        ButtonType yes = new ButtonType(messages.get("pack.wipeConfirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("pack.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(no, yes);
        a.getDialogPane().lookupButton(yes).setId(WIPE_CONFIRM_ID);
        a.getDialogPane().lookupButton(yes).getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        // Cancel is the default: Enter alone never wipes.
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
        a.setOnHidden(e -> {
            if (a.getResult() == yes) wipe.run();
        });
        a.show();
    }
}
