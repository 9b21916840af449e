package vn.r57desk.app.notes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.widgets.Icons;
import vn.r57desk.store.sync.Outbox;

/**
 * Notes and feedback about one initiative, ministry or province, written in the app and sent to the
 * monitoring system at the next sync (the outbox): a committee member writes "ask the lead agency
 * for the pilot's figures" in a meeting with no network, and it goes when the laptop next syncs.
 * The panel lists what was written here, newest first, each with where it stands: waiting, sent
 * (when), or refused by the server (why).
 */
public final class FeedbackPanel {
    public static final String WRITE_ID = "feedback-write";
    public static final String LIST_ID = "feedback-list";
    public static final String TEXT_ID = "feedback-text";
    public static final String KIND_FEEDBACK_ID = "feedback-kind-feedback";
    public static final String PROBLEM_ID = "feedback-problem";
    /** The style class of a note's "take back" button (one per note not sent). */
    public static final String WITHDRAW_CLASS = Styles.FEEDBACK_WITHDRAW;
    /** The item's text at most; the protocol allows a payload of 64 KiB, and a note this long is already a report. */
    public static final int MAX_TEXT = 10_000;

    public static final String INITIATIVE = "initiative";
    public static final String AGENCY = "agency";
    public static final String LOCALITY = "locality";
    public static final String KPI = "kpi";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private FeedbackPanel() {}

    /**
     * The panel for one row of the data ({@code scopeId}: a KPI's values at one scope, else null);
     * {@code subject} names it in the dialog ("SYS4-S1 · …").
     */
    public static Node build(Ctx ctx, String targetKind, long targetId, String subject, Long scopeId, List<Outbox.Item> items) {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        VBox list = new VBox(8);
        list.setId(LIST_ID);
        @SuppressWarnings("unchecked")
        Consumer<List<Outbox.Item>>[] show = new Consumer[1];
        Runnable reload = () -> ctx.feedback().about(targetKind, targetId, scopeId, show[0],
                err -> ctx.toast().accept(ctx.t("feedback.notListed", message(err))));
        show[0] = shown -> {
            heading.setText(ctx.t("feedback.title", shown.size()));
            list.getChildren().clear();
            if (shown.isEmpty()) {
                Label none = new Label(ctx.t(ctx.feedback().sends() ? "feedback.none" : "feedback.noneLocal"));
                none.getStyleClass().add(Styles.MUTED);
                none.setWrapText(true);
                list.getChildren().add(none);
            }
            for (Outbox.Item item : shown) list.getChildren().add(row(ctx, item, reload));
        };
        show[0].accept(items);

        Button write = Icons.on(new Button(ctx.t("feedback.write")), org.kordamp.ikonli.material2.Material2MZ.RATE_REVIEW);
        write.setId(WRITE_ID);
        // One at a time: a second note waits until the first is saved. Not by disabling the button:
        // a disabled button loses the focus it has, and the focus going to the page's first table
        // scrolled the page to its top, away from the note just written.
        boolean[] saving = {false};
        write.setOnAction(e -> {
            if (saving[0]) return;
            ask(ctx, subject, write).ifPresent(w -> {
                saving[0] = true;
                ctx.feedback().add(w.kind(), targetKind, targetId, scopeId, w.text(), () -> {
                    saving[0] = false;
                    ctx.toast().accept(ctx.t(ctx.feedback().sends() ? "feedback.queued" : "feedback.queuedLocal"));
                    reload.run();
                }, err -> {
                    saving[0] = false;
                    ctx.toast().accept(ctx.t("feedback.notSaved", message(err)));
                });
            });
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, heading, spacer, write);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(6, bar, list);
        panel.getStyleClass().add(Styles.FEEDBACK);
        // When a sync that failed (after pushing the notes) ends, the notes it sent say so without
        // redrawing the screen; a sync that succeeded redraws the screen anyway. Read quietly: the
        // data may be reopening at that moment, and a panel no longer on screen is skipped. The
        // listener is weak, held by the panel: a screen left behind is not kept.
        javafx.beans.value.ChangeListener<Boolean> afterSync = (o, was, now) -> {
            if (was && !now && panel.getScene() != null) ctx.feedback().about(targetKind, targetId, scopeId, show[0], err -> { });
        };
        panel.getProperties().put("r57.afterSync", afterSync);
        ctx.feedback().syncing().addListener(new javafx.beans.value.WeakChangeListener<>(afterSync));
        return panel;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static Node row(Ctx ctx, Outbox.Item item, Runnable reload) {
        Label kind = new Label("feedback".equals(item.kind()) ? ctx.t("feedback.kind.feedback") : ctx.t("feedback.kind.note"));
        kind.getStyleClass().add(Styles.FEEDBACK_KIND);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(Outbox.text(item));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.FEEDBACK_TEXT);
        // Where it stands goes under the text, not beside it: beside, a long state in the
        // projector's type squeezed the note itself to a column of a few words.
        Label state = new Label(state(ctx, item));
        state.setWrapText(true);
        state.getStyleClass().add("rejected".equals(item.serverStatus()) ? Styles.RAG_RED : item.pending() ? Styles.RAG_AMBER : Styles.MUTED);
        if (item.pending() && item.attempts() > 0 && item.lastError() != null) state.setTooltip(new javafx.scene.control.Tooltip(item.lastError()));
        VBox body = new VBox(4, text, state);
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox row = new HBox(12, kind, body);
        if (!item.pending()) return styled(row);
        // Not sent yet: it may be taken back (a note written in haste, on the wrong initiative).
        Button withdraw = new Button(ctx.t("feedback.withdraw"));
        withdraw.getStyleClass().addAll(WITHDRAW_CLASS, atlantafx.base.theme.Styles.FLAT);
        withdraw.setMinWidth(Region.USE_PREF_SIZE);
        withdraw.disableProperty().bind(ctx.feedback().syncing());
        withdraw.setOnAction(e -> {
            var ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
            ask.initOwner(withdraw.getScene().getWindow());
            ask.setTitle(ctx.t("feedback.withdraw.title"));
            ask.setHeaderText(ctx.t("feedback.withdraw.header"));
            ask.setContentText(Outbox.text(item) + (item.attempts() > 0 ? "\n\n" + ctx.t("feedback.withdraw.tried", item.attempts()) : ""));
            ButtonType yes = new ButtonType(ctx.t("feedback.withdraw"), ButtonType.OK.getButtonData());
            ask.getButtonTypes().setAll(yes, new ButtonType(ctx.t("dialog.cancel"), ButtonType.CANCEL.getButtonData()));
            if (ask.showAndWait().filter(b -> b == yes).isEmpty()) return;
            ctx.feedback().withdraw(item.id(), gone -> {
                ctx.toast().accept(ctx.t(gone ? "feedback.withdrawn" : "feedback.notWithdrawn"));
                reload.run();
            }, err -> ctx.toast().accept(ctx.t("feedback.notWithdrawnError", message(err))));
        });
        row.getChildren().add(withdraw);
        return styled(row);
    }

    private static HBox styled(HBox row) {
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add(Styles.FEEDBACK_ITEM);
        return row;
    }

    /** Where an item stands, in the user's words: written when, and waiting, sent (when) or refused (why). */
    static String state(Ctx ctx, Outbox.Item item) {
        String written = ctx.t("feedback.written", when(item.createdAt()));
        // The server's reason is its own words, quoted; a failed push's error (English, from the
        // sync client) goes to the row's tooltip, not into the Vietnamese line.
        if ("rejected".equals(item.serverStatus())) {
            return written + " · " + (item.lastError() == null || item.lastError().isBlank() ? ctx.t("feedback.refusedNoReason")
                    : ctx.t("feedback.refused", item.lastError()));
        }
        if (!item.pending()) return written + " · " + ctx.t("feedback.sent", when(item.sentAt()));
        if (item.attempts() > 0) return written + " · " + ctx.t("feedback.retrying", item.attempts());
        return written + " · " + ctx.t(ctx.feedback().sends() ? "feedback.waiting" : "feedback.local");
    }

    private static String when(String instant) {
        try {
            return WHEN.format(Instant.parse(instant).atZone(ZoneId.systemDefault()));
        } catch (RuntimeException e) {
            return instant == null ? "" : instant;
        }
    }

    /** What the dialog asks for. */
    record Written(String kind, String text) {}

    /** What is wrong with a text before it may be sent: the key of a message, or null. */
    static String problem(String text) {
        if (text == null || text.isBlank()) return "";
        if (text.strip().length() > MAX_TEXT) return "feedback.tooLong";
        return null;
    }

    private static java.util.Optional<Written> ask(Ctx ctx, String subject, Node owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.getScene().getWindow());
        d.setTitle(ctx.t("feedback.dialog.title"));
        d.setHeaderText(ctx.t("feedback.dialog.header", subject));
        ToggleGroup kinds = new ToggleGroup();
        RadioButton note = new RadioButton(ctx.t("feedback.dialog.note"));
        note.setToggleGroup(kinds);
        note.setSelected(true);
        RadioButton feedback = new RadioButton(ctx.t("feedback.dialog.feedback"));
        feedback.setId(KIND_FEEDBACK_ID);
        feedback.setToggleGroup(kinds);
        TextArea text = new TextArea();
        text.setId(TEXT_ID);
        text.setWrapText(true);
        text.setPrefColumnCount(48);
        text.setPrefRowCount(6);
        Label hint = new Label(ctx.t(ctx.feedback().sends() ? "feedback.dialog.hint" : "feedback.dialog.hintLocal"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        VBox content = new VBox(10, new HBox(16, note, feedback), text, hint, problem);
        content.setPadding(new Insets(12));
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setPrefWidth(0); // wraps at the text area's width instead of widening the dialog
        d.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(ctx.t("feedback.dialog.save"), ButtonType.OK.getButtonData());
        d.getDialogPane().getButtonTypes().setAll(save, new ButtonType(ctx.t("dialog.cancel"), ButtonType.CANCEL.getButtonData()));
        Node accept = d.getDialogPane().lookupButton(save);
        Runnable check = () -> {
            String why = problem(text.getText());
            problem.setText(why == null || why.isEmpty() ? "" : ctx.t(why, text.getText().strip().length(), MAX_TEXT));
            accept.setDisable(why != null);
        };
        text.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        // Enter makes a new line in the text; Ctrl+Enter saves, as in mail and chat programs.
        text.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                if (!accept.isDisabled()) ((Button) accept).fire();
            }
        });
        javafx.application.Platform.runLater(text::requestFocus);
        return d.showAndWait().filter(b -> b == save)
                .map(b -> new Written(feedback.isSelected() ? "feedback" : "note", text.getText().strip()));
    }
}
