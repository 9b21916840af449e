package vn.r57desk.app.notes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.material2.Material2MZ;

import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.widgets.Icons;
import vn.r57desk.store.meeting.Note;
import vn.r57desk.store.meeting.Notes;

/**
 * "Ghi chú riêng / Private note" on a subject or an agenda item: kept in this laptop's cache,
 * anchored to the subject's stable code (so it survives a new snapshot), and sent to the monitoring
 * system only when the user presses "Gửi hệ thống giám sát / Send to the monitoring system".
 */
public final class PrivateNotesPanel {
    public static final String WRITE_ID = "private-note-write";
    public static final String TEXT_ID = "private-note-text";
    public static final String LIST_ID = "private-notes";
    /** The style class of each note's "send" button. */
    public static final String SEND_CLASS = Styles.PRIVATE_NOTE_SEND;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private PrivateNotesPanel() {}

    /** Reads the notes of an anchor (off the FX thread; for a screen's load). */
    public static List<Note> load(vn.r57desk.store.db.Cache cache, String anchorKind, String anchorCode) throws vn.r57desk.store.db.CacheException {
        return new Notes(cache, Clock.systemUTC()).about(anchorKind, anchorCode);
    }

    /**
     * The panel for one anchor ({@code anchorKind}: a subject kind or {@code agenda_item});
     * {@code meetingId}: the meeting it is written in, or null; {@code label} names the place in the dialog.
     */
    public static Node build(Ctx ctx, String anchorKind, String anchorCode, Long meetingId, String label, List<Note> notes) {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        VBox list = new VBox(8);
        list.setId(LIST_ID);
        @SuppressWarnings("unchecked")
        Consumer<List<Note>>[] show = new Consumer[1];
        Runnable reload = () -> ctx.store().run(dd -> new Notes(dd.cache(), Clock.systemUTC()).about(anchorKind, anchorCode), show[0],
                err -> ctx.toast().accept(ctx.t("privatenote.error", message(err))));
        show[0] = shown -> {
            heading.setText(ctx.t("privatenote.title", shown.size()));
            list.getChildren().clear();
            if (shown.isEmpty()) {
                Label none = new Label(ctx.t("privatenote.none"));
                none.setWrapText(true);
                none.getStyleClass().add(Styles.MUTED);
                list.getChildren().add(none);
            }
            for (Note n : shown) list.getChildren().add(row(ctx, n, reload));
        };
        show[0].accept(notes);
        Button write = Icons.on(new Button(ctx.t("privatenote.write")), Material2MZ.STICKY_NOTE_2);
        write.setId(WRITE_ID);
        write.setMinWidth(Region.USE_PREF_SIZE);
        write.setOnAction(e -> ask(ctx, label, write, "").ifPresent(text -> ctx.store().run(
                dd -> new Notes(dd.cache(), Clock.systemUTC()).add(anchorKind, anchorCode, text, meetingId), n -> {
                    ctx.toast().accept(ctx.t("privatenote.saved"));
                    reload.run();
                }, err -> ctx.toast().accept(ctx.t("privatenote.error", message(err))))));
        heading.setWrapText(true);
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(12, heading, write);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(6, bar, list);
        panel.getStyleClass().add(Styles.FEEDBACK);
        return panel;
    }

    /** A note's line: its text, where it stands, and what can be done with it. Also used by the My notes page. */
    public static Node row(Ctx ctx, Note n, Runnable reload) {
        Label text = new Label(n.body());
        text.setWrapText(true);
        text.getStyleClass().add(Styles.FEEDBACK_TEXT);
        Label state = new Label(state(ctx, n));
        state.setWrapText(true);
        state.getStyleClass().add(n.state() == Note.State.REFUSED ? Styles.RAG_RED : n.state() == Note.State.WAITING ? Styles.RAG_AMBER : Styles.MUTED);
        VBox body = new VBox(4, text, state);
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox row = new HBox(12, body);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add(Styles.FEEDBACK_ITEM);
        if (n.state() == Note.State.PRIVATE) {
            Button send = new Button(ctx.t("privatenote.send"));
            send.getStyleClass().addAll(SEND_CLASS, atlantafx.base.theme.Styles.FLAT);
            send.setMinWidth(Region.USE_PREF_SIZE);
            send.setOnAction(e -> {
                var ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
                ask.initOwner(send.getScene().getWindow());
                ask.setTitle(ctx.t("privatenote.send"));
                ask.setHeaderText(ctx.t("privatenote.send.header"));
                ask.setContentText(n.body());
                ButtonType yes = new ButtonType(ctx.t("privatenote.send"), ButtonType.OK.getButtonData());
                ask.getButtonTypes().setAll(yes, new ButtonType(ctx.t("dialog.cancel"), ButtonType.CANCEL.getButtonData()));
                if (ask.showAndWait().filter(b -> b == yes).isEmpty()) return;
                ctx.store().run(dd -> new Notes(dd.cache(), Clock.systemUTC()).send(n.id()), id -> {
                    ctx.toast().accept(ctx.t("privatenote.queued"));
                    reload.run();
                }, err -> ctx.toast().accept(ctx.t("privatenote.error", message(err))));
            });
            Button delete = new Button(ctx.t("privatenote.delete"));
            delete.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
            delete.setMinWidth(Region.USE_PREF_SIZE);
            delete.setOnAction(e -> ctx.store().run(dd -> new Notes(dd.cache(), Clock.systemUTC()).delete(n.id()), gone -> reload.run(),
                    err -> ctx.toast().accept(ctx.t("privatenote.error", message(err)))));
            row.getChildren().addAll(send, delete);
        }
        return row;
    }

    /** Where a note stands, in the user's words. */
    public static String state(Ctx ctx, Note n) {
        return ctx.t("privatenote.written", when(n.updatedAt())) + " · " + ctx.t("privatenote.state." + n.state().name());
    }

    private static String when(Instant i) {
        return i == null ? "" : WHEN.format(i.atZone(ZoneId.systemDefault()));
    }

    static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The dialog: the note's text, or empty when cancelled or left blank. */
    public static Optional<String> ask(Ctx ctx, String label, Node owner, String initial) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.getScene().getWindow());
        d.setTitle(ctx.t("privatenote.dialog.title"));
        d.setHeaderText(label);
        TextArea text = new TextArea(initial);
        text.setId(TEXT_ID);
        text.setWrapText(true);
        text.setPrefColumnCount(48);
        text.setPrefRowCount(6);
        Label hint = new Label(ctx.t("privatenote.dialog.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setPrefWidth(0);
        VBox content = new VBox(10, text, hint);
        content.setPadding(new Insets(12));
        d.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(ctx.t("privatenote.dialog.save"), ButtonType.OK.getButtonData());
        d.getDialogPane().getButtonTypes().setAll(save, new ButtonType(ctx.t("dialog.cancel"), ButtonType.CANCEL.getButtonData()));
        Node accept = d.getDialogPane().lookupButton(save);
        accept.disableProperty().bind(text.textProperty().map(s -> s.isBlank() || s.strip().length() > Notes.MAX_BODY));
        text.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                if (!accept.isDisabled()) ((Button) accept).fire();
            }
        });
        javafx.application.Platform.runLater(text::requestFocus);
        return d.showAndWait().filter(b -> b == save).map(b -> text.getText().strip());
    }
}
