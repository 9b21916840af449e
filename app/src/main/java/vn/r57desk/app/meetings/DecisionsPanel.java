package vn.r57desk.app.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.kordamp.ikonli.material2.Material2AL;

import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.widgets.Icons;
import vn.r57desk.store.meeting.AgendaItem;
import vn.r57desk.store.meeting.Decisions;
import vn.r57desk.store.meeting.MeetingAction;
import vn.r57desk.store.meeting.MeetingAgenda;
import vn.r57desk.store.model.Agency;

/**
 * The decisions and actions recorded in a meeting (on one agenda item, or all of the meeting):
 * record one in a dialog (text, responsible agency, due date), mark it done, and send it to the
 * monitoring system as a direction when the user chooses (through the outbox).
 */
final class DecisionsPanel {
    static final String RECORD_ID = "decision-record";
    static final String LIST_ID = "decisions";
    static final String TEXT_ID = "decision-text";
    static final String AGENCY_ID = "decision-agency";
    static final String DUE_ID = "decision-due";

    private DecisionsPanel() {}

    /** {@code item}: the agenda item whose decisions these are, or null for the whole meeting (no Record button then). */
    static Node build(Ctx ctx, MeetingAgenda meeting, AgendaItem item, List<MeetingAction> actions) {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        heading.setWrapText(true);
        heading.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(heading, Priority.ALWAYS);
        VBox list = new VBox(8);
        list.setId(LIST_ID);
        @SuppressWarnings("unchecked")
        Consumer<List<MeetingAction>>[] show = new Consumer[1];
        Runnable reload = () -> ctx.store().run(dd -> of(new Decisions(dd.cache(), Clock.systemUTC()), meeting.meeting().id(), item), show[0],
                err -> ctx.toast().accept(ctx.t("decision.error", message(err))));
        show[0] = shown -> {
            heading.setText(ctx.t("decision.title", shown.size()));
            list.getChildren().clear();
            if (shown.isEmpty()) {
                Label none = new Label(ctx.t("decision.none"));
                none.setWrapText(true);
                none.getStyleClass().add(Styles.MUTED);
                list.getChildren().add(none);
            }
            for (MeetingAction a : shown) list.getChildren().add(row(ctx, meeting, a, reload));
        };
        show[0].accept(actions);
        HBox bar = new HBox(12, heading);
        bar.setAlignment(Pos.CENTER_LEFT);
        if (item != null) {
            Button record = Icons.on(new Button(ctx.t("decision.record")), Material2AL.GAVEL);
            record.setId(RECORD_ID);
            record.setMinWidth(Region.USE_PREF_SIZE);
            record.setOnAction(e -> record(ctx, meeting, item, record, a -> reload.run()));
            bar.getChildren().add(record);
        }
        VBox panel = new VBox(6, bar, list);
        panel.getStyleClass().add(Styles.FEEDBACK);
        return panel;
    }

    /** Reads the decisions of a meeting, or of one of its items, in the order they were recorded. Blocks. */
    static List<MeetingAction> of(Decisions d, long meetingId, AgendaItem item) throws vn.r57desk.store.db.CacheException {
        return d.ofMeeting(meetingId).stream().filter(a -> item == null || Long.valueOf(item.id()).equals(a.agendaItemId()))
                .sorted(Comparator.comparing(MeetingAction::createdAt)).toList();
    }

    /** Asks for a decision or action on {@code item} and records it (off the FX thread); {@code then} gets it. */
    static void record(Ctx ctx, MeetingAgenda meeting, AgendaItem item, Node owner, Consumer<MeetingAction> then) {
        ask(ctx, item, owner).ifPresent(w -> ctx.store().run(
                dd -> new Decisions(dd.cache(), Clock.systemUTC()).record(meeting.meeting(), item, w.kind(), w.text(), w.agencyCode(), w.due()),
                a -> {
                    ctx.toast().accept(ctx.t("decision.saved"));
                    then.accept(a);
                }, err -> ctx.toast().accept(ctx.t("decision.error", message(err)))));
    }

    private static Node row(Ctx ctx, MeetingAgenda meeting, MeetingAction a, Runnable reload) {
        Label kind = new Label(ctx.t("decision.kind." + a.kind().name()));
        kind.getStyleClass().add(Styles.FEEDBACK_KIND);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(a.text());
        text.setWrapText(true);
        text.getStyleClass().add(Styles.FEEDBACK_TEXT);
        Label who = new Label(who(ctx, a) + (a.sent() ? " · " + ctx.t("decision.sent") : ""));
        who.setWrapText(true);
        who.getStyleClass().add(a.overdueOn(LocalDate.now()) ? Styles.RAG_RED : Styles.MUTED);
        VBox body = new VBox(4, text, who);
        HBox.setHgrow(body, Priority.ALWAYS);
        CheckBox done = new CheckBox(ctx.t("decision.done"));
        done.setSelected(a.done());
        done.setMinWidth(Region.USE_PREF_SIZE);
        done.setOnAction(e -> ctx.store().run(dd -> new Decisions(dd.cache(), Clock.systemUTC()).setDone(a.id(), done.isSelected()),
                ok -> reload.run(), err -> ctx.toast().accept(ctx.t("decision.error", message(err)))));
        HBox row = new HBox(12, kind, body, done);
        if (!a.sent()) {
            Button send = new Button(ctx.t("decision.send"));
            send.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
            send.setMinWidth(Region.USE_PREF_SIZE);
            send.setOnAction(e -> ctx.store().run(dd -> new Decisions(dd.cache(), Clock.systemUTC()).send(a.id()), id -> {
                ctx.toast().accept(ctx.t("decision.queued"));
                reload.run();
            }, err -> ctx.toast().accept(ctx.t("decision.error", message(err)))));
            row.getChildren().add(send);
        }
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add(Styles.FEEDBACK_ITEM);
        return row;
    }

    /** "Bộ Công an · hạn 31/03/2027" — the agency that answers for it and by when. */
    static String who(Ctx ctx, MeetingAction a) {
        String agency = a.agencyCode() == null ? ctx.t("decision.noAgency") : ctx.catalog().agencies().values().stream()
                .filter(x -> x.code().equals(a.agencyCode())).findFirst().map(x -> ctx.name(x.name())).orElse(a.agencyCode());
        return agency + " · " + (a.due() == null ? ctx.t("decision.noDue") : ctx.t("decision.due", ctx.date(a.due())));
    }

    record Written(MeetingAction.Kind kind, String text, String agencyCode, LocalDate due) {}

    private static Optional<Written> ask(Ctx ctx, AgendaItem item, Node owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.getScene().getWindow());
        d.setTitle(ctx.t("decision.dialog.title"));
        d.setHeaderText(item.position() + ". " + ctx.name(item.title()));
        ToggleGroup kinds = new ToggleGroup();
        RadioButton decision = new RadioButton(ctx.t("decision.kind.DECISION"));
        decision.setToggleGroup(kinds);
        decision.setSelected(true);
        RadioButton action = new RadioButton(ctx.t("decision.kind.ACTION"));
        action.setToggleGroup(kinds);
        TextArea text = new TextArea();
        text.setId(TEXT_ID);
        text.setWrapText(true);
        text.setPrefColumnCount(44);
        text.setPrefRowCount(4);
        ComboBox<Agency> agency = new ComboBox<>();
        agency.setId(AGENCY_ID);
        agency.getItems().addAll(ctx.catalog().agencies().values().stream()
                .sorted(Comparator.comparing((Agency a) -> ctx.name(a.name()), vn.r57desk.store.text.VietnameseText.collator())).toList());
        agency.setConverter(new StringConverter<>() {
            @Override
            public String toString(Agency a) {
                return a == null ? "" : ctx.name(a.name());
            }

            @Override
            public Agency fromString(String s) {
                return null;
            }
        });
        agency.setMaxWidth(Double.MAX_VALUE);
        // The presenter's agency answers for most of what an item decides: it is the first guess.
        if (item.presenterAgencyCode() != null) {
            agency.getItems().stream().filter(a -> a.code().equals(item.presenterAgencyCode())).findFirst().ifPresent(agency::setValue);
        }
        DatePicker due = new DatePicker(LocalDate.now().plusMonths(1));
        due.setId(DUE_ID);
        VBox content = new VBox(8, new HBox(16, decision, action), text, new Label(ctx.t("decision.agency")), agency,
                new Label(ctx.t("decision.dueLabel")), due);
        content.setPadding(new Insets(12));
        d.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(ctx.t("decision.dialog.save"), ButtonType.OK.getButtonData());
        d.getDialogPane().getButtonTypes().setAll(save, new ButtonType(ctx.t("dialog.cancel"), ButtonType.CANCEL.getButtonData()));
        d.getDialogPane().lookupButton(save).disableProperty().bind(text.textProperty().map(s -> s.isBlank() || s.strip().length() > Decisions.MAX_TEXT));
        javafx.application.Platform.runLater(text::requestFocus);
        return d.showAndWait().filter(b -> b == save).map(b -> new Written(action.isSelected() ? MeetingAction.Kind.ACTION : MeetingAction.Kind.DECISION,
                text.getText().strip(), agency.getValue() == null ? null : agency.getValue().code(), due.getValue()));
    }

    static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
