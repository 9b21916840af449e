package vn.r57desk.app.sync;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.widgets.Icons;
import vn.r57desk.store.sync.SyncClient;

/**
 * The status bar's sync controls: Sync now (F5), a progress bar with Stop while it runs, what
 * happened, and a dialog for the server's address and this device's token.
 */
public final class SyncBar {
    public static final String SYNC_ID = "sync-button";
    public static final String CANCEL_ID = "sync-cancel";
    public static final String SERVER_ID = "sync-server";
    public static final String STATUS_ID = "sync-status";
    public static final String ACTIVITY_ID = "sync-activity";
    public static final String PROGRESS_ID = "sync-progress";
    public static final String DIALOG_SERVER_ID = "sync-dialog-server";
    public static final String DIALOG_TOKEN_ID = "sync-dialog-token";
    public static final String DIALOG_PROBLEM_ID = "sync-dialog-problem";

    private final SyncViewModel vm;
    private final Messages messages;
    private final TaskRunner runner;
    private final Path tokenFile;
    private final Supplier<byte[]> dataKey;
    private final Supplier<String> server;
    private final Consumer<String> setServer;
    private final Supplier<Window> owner;
    private final Button sync = Icons.on(new Button(), Material2MZ.SYNC);
    private final Button cancel = Icons.on(new Button(), Material2MZ.STOP);
    private final Button serverButton = Icons.on(new Button(), Material2AL.DNS);
    private final Label status = new Label();
    /** What is arriving and how much has come: beside the status, the first to give way. */
    private final Label activity = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Tooltip statusTip = new Tooltip();
    private final HBox node;
    private volatile String token;
    /** Whether syncs run by themselves (AutoSync); the server dialog's switch. */
    private final javafx.beans.property.BooleanProperty automatic = new javafx.beans.property.SimpleBooleanProperty(true);
    private Runnable credentialsChanged = () -> { };
    /** The minutes between automatic syncs, as the dialog says them. */
    private int autoMinutes = 15;
    public static final String DIALOG_AUTO_ID = "sync-dialog-auto";
    /** What a finished sync's status keeps on the narrowest window: its first words. */
    static final double STATUS_MIN_WIDTH = 120;

    public SyncBar(SyncViewModel vm, Messages messages, TaskRunner runner, Path tokenFile, Supplier<String> server,
                   Consumer<String> setServer, Supplier<Window> owner) {
        this(vm, messages, runner, tokenFile, server, setServer, owner, () -> null);
    }

    /** {@code dataKey}: this laptop's data key once unlocked (a copy), null without a passcode or while locked. */
    public SyncBar(SyncViewModel vm, Messages messages, TaskRunner runner, Path tokenFile, Supplier<String> server,
                   Consumer<String> setServer, Supplier<Window> owner, Supplier<byte[]> dataKey) {
        this.dataKey = dataKey;
        this.vm = vm;
        this.messages = messages;
        this.runner = runner;
        this.tokenFile = tokenFile;
        this.server = server;
        this.setServer = setServer;
        this.owner = owner;
        sync.setId(SYNC_ID);
        cancel.setId(CANCEL_ID);
        serverButton.setId(SERVER_ID);
        status.setId(STATUS_ID);
        progress.setId(PROGRESS_ID);
        progress.setPrefWidth(160);
        status.textProperty().bind(vm.statusProperty());
        activity.setId(ACTIVITY_ID);
        activity.textProperty().bind(javafx.beans.binding.Bindings.concat("· ", vm.activityProperty()));
        activity.visibleProperty().bind(vm.runningProperty());
        activity.managedProperty().bind(vm.runningProperty());
        activity.setMinWidth(0);
        // The whole status and its detail: the line itself may be cut short on a narrow window.
        statusTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> tipText(vm.statusProperty().get(), vm.detailProperty().get()), vm.statusProperty(), vm.detailProperty()));
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(640);
        statusTip.textProperty().addListener((o, a, b) -> status.setTooltip(b.isEmpty() ? null : statusTip));
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(vm.runningProperty());
        // Stop takes Sync now's place while a sync runs (F5 is ignored meanwhile).
        sync.visibleProperty().bind(vm.runningProperty().not());
        sync.managedProperty().bind(vm.runningProperty().not());
        // While a sync runs its server cannot change: the button makes room for the progress.
        serverButton.visibleProperty().bind(vm.runningProperty().not());
        serverButton.managedProperty().bind(vm.runningProperty().not());
        sync.setOnAction(e -> syncNow());
        cancel.setOnAction(e -> vm.cancel());
        serverButton.setOnAction(e -> editServer(false));
        // The controls and the sync status keep their size; the labels left of them give way.
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {cancel, sync, serverButton}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        progress.setMinWidth(60); // on a narrow window the bar shortens before anything overflows
        // A long status (an error on a 1366-pixel laptop, progress in the projector's type on a
        // 1024-pixel projector) is cut with "…" rather than pushing the window's content off its
        // edges; the tooltip holds it whole. While a sync runs, the file name and the buttons make
        // room first (they step aside), then the kind of rows arriving, which has no minimum.
        status.setMinWidth(STATUS_MIN_WIDTH);
        node = new HBox(8, status, activity, progress, cancel, sync, serverButton);
        node.setAlignment(Pos.CENTER_RIGHT);
        node.getStyleClass().add(Styles.SYNC_BAR);
        // The token file is read off the FX thread, once.
        loadSavedToken();
        relabel();
    }

    /**
     * What keeps the server dialog from being accepted, as a message key; "" when OK must wait
     * without a word (nothing typed yet); null when it can be accepted. Settings alone may be
     * cleared (both fields empty: no server); Sync now needs both.
     */
    static String formProblem(String server, String token, boolean thenSync) {
        String s = server == null ? "" : server.strip();
        String t = token == null ? "" : token.strip();
        if (s.isEmpty() && t.isEmpty()) return thenSync ? "" : null;
        if (s.isEmpty()) return "sync.dialog.problem.NO_SERVER";
        SyncClient.AddressProblem p = SyncClient.checkAddress(s);
        if (p != null) return "sync.dialog.problem." + p.name();
        if (t.isEmpty()) return "sync.dialog.problem.NO_TOKEN";
        return null;
    }

    /** The status tooltip: the status in full, then what went wrong in detail, if anything. */
    static String tipText(String status, String detail) {
        String s = status == null ? "" : status;
        if (detail == null || detail.isBlank() || detail.equals(s)) return s;
        return s.isEmpty() ? detail : s + "\n\n" + detail;
    }

    /** The buttons that may show just their icons on a narrow window. */
    public java.util.List<javafx.scene.control.Labeled> buttons() {
        return java.util.List.of(sync, cancel, serverButton);
    }

    public Node node() {
        return node;
    }

    public void relabel() {
        sync.setText(messages.get("sync.button"));
        sync.setTooltip(new Tooltip(messages.get("sync.button") + " (F5)"));
        cancel.setText(messages.get("sync.cancel"));
        serverButton.setText(messages.get("sync.settings"));
    }

    /** The server and token syncs use now ("" for what is not set). */
    public AutoSync.Credentials credentials() {
        String s = server.get();
        String t = token;
        return new AutoSync.Credentials(s == null ? "" : s, t == null ? "" : t);
    }

    /** Whether syncs run by themselves; the server dialog changes it. */
    public javafx.beans.property.BooleanProperty automaticProperty() {
        return automatic;
    }

    public void setAutoMinutes(int minutes) {
        autoMinutes = minutes;
    }

    /** Called (FX thread) once the saved token is read, and when the dialog changes the server or token. */
    public void onCredentialsChanged(Runnable r) {
        credentialsChanged = r;
    }

    /** Sync now; asks for the server first when none is set. */
    public void syncNow() {
        if (vm.runningProperty().get()) return;
        String s = server.get();
        String t = token;
        if (s == null || s.isBlank() || t == null || t.isBlank()) {
            editServer(true);
            return;
        }
        vm.syncNow(s, t);
    }

    private void editServer(boolean thenSync) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(messages.get("sync.dialog.title"));
        d.setHeaderText(messages.get("sync.dialog.header"));
        TextField url = new TextField(server.get() == null ? "" : server.get());
        url.setId(DIALOG_SERVER_ID);
        url.setPromptText("https://…");
        url.setPrefColumnCount(32);
        PasswordField tok = new PasswordField();
        tok.setId(DIALOG_TOKEN_ID);
        tok.setText(token == null ? "" : token);
        GridPane g = new GridPane(10, 10);
        g.setPadding(new Insets(12));
        g.addRow(0, new Label(messages.get("sync.dialog.server")), url);
        g.addRow(1, new Label(messages.get("sync.dialog.token")), tok);
        Label hint = new Label(messages.get("sync.dialog.hint"));
        hint.setWrapText(true);
        g.add(hint, 0, 2, 2, 1);
        Label problem = new Label();
        problem.setId(DIALOG_PROBLEM_ID);
        problem.setWrapText(true);
        problem.getStyleClass().add(atlantafx.base.theme.Styles.DANGER); // the theme's red, in a dialog as in the window
        // Room for two lines is kept from the start, as wide as the fields: the dialog does not
        // change size as the message comes and goes, and a long message wraps instead of
        // widening the dialog to its one line.
        double lines = Math.ceil(3.2 * problem.getFont().getSize());
        problem.setPrefWidth(0);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setMinHeight(lines);
        problem.setPrefHeight(lines);
        problem.setMaxHeight(lines);
        problem.setAlignment(Pos.TOP_LEFT);
        g.add(problem, 0, 3, 2, 1);
        javafx.scene.control.CheckBox auto = new javafx.scene.control.CheckBox(messages.get("sync.dialog.auto", autoMinutes));
        auto.setId(DIALOG_AUTO_ID);
        auto.setSelected(automatic.get());
        auto.setWrapText(true);
        g.add(auto, 0, 4, 2, 1);
        // The fields' names keep their words ("Địa chỉ máy chủ" was cut to "Địa chỉ máy …").
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.getColumnConstraints().setAll(names, new javafx.scene.layout.ColumnConstraints());
        d.getDialogPane().setContent(g);
        ButtonType okType = new ButtonType(messages.get(thenSync ? "sync.button" : "dialog.ok"), ButtonType.OK.getButtonData());
        d.getDialogPane().getButtonTypes().setAll(okType, new ButtonType(messages.get("dialog.cancel"), ButtonType.CANCEL.getButtonData()));
        // What is wrong is said as it is typed, and OK waits for it to be put right: a wrong
        // address used to reach the sync and come back as "the server refused the request".
        Node accept = d.getDialogPane().lookupButton(okType);
        Runnable check = () -> {
            String why = formProblem(url.getText(), tok.getText(), thenSync);
            problem.setText(why == null || why.isEmpty() ? "" : messages.get(why));
            accept.setDisable(why != null);
        };
        url.textProperty().addListener((o, a, b) -> check.run());
        tok.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        javafx.application.Platform.runLater(url::requestFocus);
        d.showAndWait().filter(b -> b.getButtonData() == ButtonType.OK.getButtonData()).ifPresent(b -> {
            String newServer = url.getText().strip();
            String newToken = tok.getText().strip();
            setServer.accept(newServer);
            token = newToken;
            automatic.set(auto.isSelected());
            // Saved in the background: the FX thread never waits on disk.
            runner.run(() -> {
                TokenFile.save(tokenFile, newToken, dataKey.get());
                return null;
            }, ok -> { }, e -> System.getLogger(SyncBar.class.getName()).log(System.Logger.Level.WARNING,
                    "the device token could not be saved in " + tokenFile + "; the next start will ask for it again", e));
            if (thenSync && !newServer.isEmpty() && !newToken.isEmpty()) vm.syncNow(newServer, newToken);
            credentialsChanged.run();
        });
    }

    /** Reads the saved token off the FX thread (sealed: with the data key, so only once unlocked). */
    private void loadSavedToken() {
        byte[] key = dataKey.get();
        runner.run(() -> TokenFile.load(tokenFile, key), t -> {
            if (token == null || token.isEmpty()) token = t; // a token typed meanwhile wins over the saved one
            credentialsChanged.run();
        }, e -> {
            if (token == null) token = "";
        });
    }

    /**
     * The data key is here (unlocked at start, or a passcode just set): a sealed token can be read
     * now, and a plaintext one is sealed (its old bytes overwritten), so no secret stays in the clear.
     */
    public void dataKeyArrived() {
        byte[] key = dataKey.get();
        if (key == null) return;
        runner.run(() -> {
            if (java.nio.file.Files.exists(tokenFile) && !TokenFile.sealed(tokenFile)) {
                TokenFile.save(tokenFile, TokenFile.load(tokenFile, null), key);
            }
            return null;
        }, ok -> loadSavedToken(), e -> System.getLogger(SyncBar.class.getName()).log(System.Logger.Level.WARNING,
                "the device token could not be sealed in " + tokenFile, e));
    }
}
