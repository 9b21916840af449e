package vn.r57desk.app.shell;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.nav.Navigator;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.core.FxTaskRunner;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Loaded;
import vn.r57desk.app.screens.ScreenViewModel;
import vn.r57desk.app.search.SearchView;
import vn.r57desk.app.search.SearchViewModel;
import vn.r57desk.app.sync.SyncBar;
import vn.r57desk.app.sync.SyncViewModel;
import vn.r57desk.app.widgets.IconOnlyWhenNarrow;
import vn.r57desk.app.theme.Theme;
import vn.r57desk.app.widgets.Icons;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.app.packs.DatasetChooser;
import vn.r57desk.app.packs.DatasetsViewModel;
import vn.r57desk.app.packs.PackDialogs;
import java.time.Clock;

/**
 * The window: sidebar, breadcrumb with back/forward, theme and language, search (Ctrl+K), the
 * current screen, and a status bar saying how old the figures are. The cache opens in the
 * background; every screen loads off the FX thread behind a placeholder.
 */
public final class MainWindow {
    public static final String DEMO_BADGE_ID = "demo-badge";
    public static final String LANGUAGE_BUTTON_ID = "language-button";
    public static final String THEME_BUTTON_ID = "theme-button";
    public static final String SEARCH_BUTTON_ID = "search-button";
    public static final String ABOUT_BUTTON_ID = "about-button";
    public static final String AS_OF_ID = "as-of";
    public static final String BREADCRUMB_ID = "breadcrumb";
    public static final String BACK_ID = "nav-back";
    public static final String FORWARD_ID = "nav-forward";
    public static final String MESSAGE_ID = "status-message";
    static final double MIN_WIDTH = 1000, MIN_HEIGHT = 640;

    private final Stage stage;
    private final Messages messages = new Messages();
    private final Navigator nav = new Navigator();
    private final TaskRunner runner = new FxTaskRunner();
    private final ShellViewModel shell = new ShellViewModel(runner, messages);
    private final ScreenViewModel screen = new ScreenViewModel(runner, AllScreens.REGISTRY);
    /** Whether a meeting is being presented: syncs wait meanwhile. */
    private final vn.r57desk.app.screens.Presenting presenting = new vn.r57desk.app.screens.Presenting();
    /** The status bar's note from a screen, e.g. where an export was written. */
    private final Label message = new Label();
    /** How many notes wait for the next sync, in the status bar; empty (and gone) when none. */
    private final Label waiting = new Label();
    /** The notes written on screens, and how many wait for the next sync. */
    private final NotesViewModel notes;
    private final StatusBarViewModel statusBar;
    /** Keeps the figures current without being asked; waits while a meeting is presented, so they do not change under the speaker. */
    private final vn.r57desk.app.sync.AutoSync autoSync;
    /** Minutes between automatic syncs when they are on. */
    private final int autoMinutes;
    /** Where to go if the place reloaded after a sync is gone from the data. */
    private Place fallback;
    public static final String WAITING_ID = "status-waiting";
    public static final String VIEW_PDF_ID = "view-pdf";
    private final ViewPdfExport viewPdf;
    private final StackPane center = new StackPane();
    /** One scroll pane for every screen: only its content changes (see {@link #contentScroll()}). */
    private final ScrollPane scroll = contentScroll();
    public static final String CONTENT_SCROLL_ID = "content-scroll";
    private final Scene scene;
    private Theme theme;
    private String server;
    private final SyncViewModel sync;
    /** The synced data, the imported briefing packs and the demo data; expiry; wipe. */
    private final DatasetsViewModel datasets;
    private final PackDialogs packDialogs;
    private final Settings startSettings;
    /** Enforces the packs' expiry every hour, offline. */
    private final javafx.animation.Timeline expiryTimer;
    public static final String PACK_WARNING_ID = "pack-warning";
    public static final String DATA_NOTICE_ID = "data-notice";
    public static final String UNPROTECTED_ID = "data-unprotected";
    public static final String PROTECT_ID = "data-protect";
    /** Why the synced data was not opened at start (damaged and kept aside, newer, in use). */
    public static final String CACHE_PROBLEM_ID = "cache-problem";
    public static final String SYNC_AGAIN_ID = "sync-again";
    private final Label cacheProblem = new Label();
    private vn.r57desk.store.db.SyncedCacheCheck.Result cacheCheck;
    private Runnable relabelProblem = () -> { };
    private final SyncBar syncBar;
    private final vn.r57desk.app.lock.LockViewModel lock;
    private volatile byte[] dataKey;
    private java.util.function.Consumer<vn.r57desk.store.pack.Passcode.DataKey> firstUnlock = key -> key.close();
    private Runnable relabel = () -> { };
    private BiConsumer<Loaded<?, ?>, Long> onShown = (p, t) -> { };

    public MainWindow(Stage stage, Settings settings) {
        this.stage = stage;
        this.theme = settings.theme();
        this.server = settings.server();
        // A sync can take minutes: it gets its own threads, so screens keep loading meanwhile.
        TaskRunner syncRunner = new FxTaskRunner();
        this.datasets = new DatasetsViewModel(runner, messages, DataHome.forCache(AppData.syncedCache(), null), Clock.systemUTC(),
                new DatasetsViewModel.Host() {
                    @Override
                    public Path openFile() {
                        return shell.cacheFileProperty().get();
                    }

                    @Override
                    public void open(Path file, boolean demo) {
                        shell.open(file, demo);
                    }

                    @Override
                    public void release(Path file) {
                        shell.release(file);
                    }
                }, AppData.demoCache());
        this.startSettings = settings;
        // A revoked device keeps nothing the office gave it: the sync deleted the synced data,
        // the packs and this device's key go too, and the demo data opens.
        this.sync = new SyncViewModel(syncRunner, messages, AppData.syncedCache(), shell, file -> shell.open(file, false),
                datasets::afterRevocation);
        this.syncBar = new SyncBar(sync, messages, syncRunner, AppData.tokenFile(), () -> server, s -> {
            server = s;
            relabel.run();
        }, () -> stage, () -> dataKey == null ? null : dataKey.clone());
        // The lock of the laptop's data: at start when a passcode is set, after some idle minutes,
        // Ctrl+Shift+L. Syncs wait while it is locked (the data's key may not be in place yet) and
        // while a meeting is presented.
        this.lock = new vn.r57desk.app.lock.LockViewModel(vn.r57desk.store.pack.Passcode.in(DataHome.forCache(AppData.syncedCache(), null).keys().dir(),
                Clock.systemUTC()), runner, new vn.r57desk.app.core.FxScheduler(), messages, key -> firstUnlock.accept(key));
        lock.holdWhile(presenting::isPresenting);
        var locked = javafx.beans.binding.Bindings.createBooleanBinding(lock::locked, lock.stateProperty());
        sync.holdWhile(presenting.presentingProperty().or(locked));
        // National data comes onto this laptop only under a passcode: the first sync asks for one.
        sync.requireProtection(lock::protectedData, then -> setPasscode("passcode.required.sync", then, then));
        this.notes = new NotesViewModel(runner, shell, AppData.syncedCache(), sync.runningProperty(), () -> messages.get("feedback.noCache"));
        this.autoMinutes = settings.autoSyncMinutes() > 0 ? settings.autoSyncMinutes() : Settings.AUTO_SYNC_MINUTES;
        syncBar.setAutoMinutes(autoMinutes);
        syncBar.automaticProperty().set(settings.autoSyncMinutes() > 0);
        this.autoSync = new vn.r57desk.app.sync.AutoSync(sync, new vn.r57desk.app.core.FxScheduler(), syncBar::credentials,
                java.time.Duration.ofMinutes(settings.autoSyncMinutes()));
        syncBar.automaticProperty().addListener((o, was, on) -> autoSync.setInterval(java.time.Duration.ofMinutes(on ? autoMinutes : 0)));
        // At start, once the saved token is read, and whenever the server or token change: a sync
        // now, then every interval (nothing when no server is set).
        syncBar.onCredentialsChanged(autoSync::start);
        this.statusBar = new StatusBarViewModel(messages, shell, notes, () -> server, () -> sync.onlineProperty().get(), LocalDate::now);
        messages.localeProperty().set("en".equals(settings.language()) ? Messages.EN : Messages.VI);

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        Label demoBadge = new Label();
        demoBadge.setId(DEMO_BADGE_ID);
        demoBadge.getStyleClass().add(Styles.DEMO_BADGE);
        demoBadge.setVisible(false);
        Tooltip demoTip = new Tooltip();
        demoBadge.setTooltip(demoTip);
        Button language = new Button();
        language.setId(LANGUAGE_BUTTON_ID);
        language.setOnAction(e -> toggleLanguage());
        Icons.on(language, Material2AL.LANGUAGE);
        MenuButton themes = new MenuButton();
        themes.setId(THEME_BUTTON_ID);
        Icons.on(themes, Material2MZ.PALETTE);
        // "PDF of this view" (Ctrl+P): any screen, with its title, as-of date and source
        this.viewPdf = new ViewPdfExport(messages, runner, statusBar::say, presenting, this::printableView, () -> stage);
        Button pdf = new Button();
        pdf.setId(VIEW_PDF_ID);
        pdf.setOnAction(e -> viewPdf.run());
        pdf.disableProperty().bind(presenting.presentingProperty());
        Icons.on(pdf, Material2MZ.PICTURE_AS_PDF);
        Button search = new Button();
        search.setId(SEARCH_BUTTON_ID);
        Icons.on(search, Material2MZ.SEARCH);
        // "Giới thiệu / About" (F1): an icon only, its words in the tooltip; the title keeps its room.
        Button about = new Button();
        about.setId(ABOUT_BUTTON_ID);
        Icons.on(about, Material2AL.INFO);
        about.setOnAction(e -> showAbout());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button back = Icons.on(new Button(), Material2AL.ARROW_BACK);
        back.setId(BACK_ID);
        back.disableProperty().bind(nav.canGoBackProperty().not());
        back.setOnAction(e -> nav.back());
        Button forward = Icons.on(new Button(), Material2AL.ARROW_FORWARD);
        forward.setId(FORWARD_ID);
        forward.disableProperty().bind(nav.canGoForwardProperty().not());
        forward.setOnAction(e -> nav.forward());
        HBox breadcrumb = new HBox(4);
        breadcrumb.setId(BREADCRUMB_ID);
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        breadcrumb.getStyleClass().add(Styles.BREADCRUMB);
        HBox header = new HBox(12, back, forward, title, demoBadge, spacer, pdf, search, themes, language, about);
        // A long title (an initiative's name) gives way, ending in "…" (the breadcrumb below has it
        // in full); the badge and the buttons keep their words. HBox otherwise shrank them all
        // alike, to "DỮ LIỆU MINH …" and "Engl…".
        for (Region r : List.of(back, forward, demoBadge, pdf, search, themes, language, about)) r.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        // On a projector's 1024 pixels in the projector's type the buttons show just their icons,
        // so that ten letters of the title (in its own larger type) still show.
        IconOnlyWhenNarrow.install(header, List.of(pdf, search, themes, language), () -> 10 * title.getFont().getSize());
        header.getStyleClass().add(Styles.HEADER);
        // What happened to the data (a pack opened, expired, wiped) and which packs expire soon:
        // visible under the header, taking no room when there is nothing to say.
        Label packWarning = new Label();
        packWarning.setId(PACK_WARNING_ID);
        packWarning.setWrapText(true);
        packWarning.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
        Icons.on(packWarning, Material2AL.ACCESS_TIME);
        packWarning.textProperty().bind(datasets.warningProperty());
        packWarning.managedProperty().bind(datasets.warningProperty().isNotEmpty());
        packWarning.visibleProperty().bind(datasets.warningProperty().isNotEmpty());
        Label dataNotice = new Label();
        dataNotice.setId(DATA_NOTICE_ID);
        dataNotice.setWrapText(true);
        dataNotice.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        dataNotice.textProperty().bind(datasets.noticeProperty());
        dataNotice.managedProperty().bind(datasets.noticeProperty().isNotEmpty());
        dataNotice.visibleProperty().bind(datasets.noticeProperty().isNotEmpty());
        cacheProblem.setId(CACHE_PROBLEM_ID);
        cacheProblem.setWrapText(true);
        // coloured as an error only while it says something: an empty one is no error on screen
        cacheProblem.textProperty().addListener((o, was, now) -> {
            if (now == null || now.isEmpty()) cacheProblem.getStyleClass().remove(Styles.ERROR);
            else if (!cacheProblem.getStyleClass().contains(Styles.ERROR)) cacheProblem.getStyleClass().add(Styles.ERROR);
        });
        Button syncAgain = new Button();
        syncAgain.setId(SYNC_AGAIN_ID);
        syncAgain.setOnAction(e -> syncBar.syncNow());
        syncAgain.setMinWidth(Region.USE_PREF_SIZE);
        HBox problemRow = new HBox(12, cacheProblem, syncAgain);
        problemRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(cacheProblem, Priority.ALWAYS);
        problemRow.managedProperty().bind(cacheProblem.textProperty().isNotEmpty());
        problemRow.visibleProperty().bind(cacheProblem.textProperty().isNotEmpty());
        relabelProblem = () -> {
            cacheProblem.setText(cacheCheck == null ? "" : cacheCheck.message(messages.locale()));
            syncAgain.setText(messages.get("sync.again"));
            syncAgain.setVisible(cacheCheck != null && cacheCheck.outcome() == vn.r57desk.store.db.SyncedCacheCheck.Outcome.MOVED_ASIDE);
            syncAgain.setManaged(syncAgain.isVisible());
        };
        messages.localeProperty().addListener((o, a, b) -> relabelProblem.run());
        // a sync that worked brings the data back: the notice has done its job
        sync.runningProperty().addListener((o, was, now) -> {
            if (was && !now && sync.lastSucceeded() && cacheCheck != null) {
                cacheCheck = null;
                relabelProblem.run();
            }
        });
        // National data (synced, or a pack) on a laptop without a passcode: said, with the way to fix it.
        Label unprotected = new Label();
        unprotected.setId(UNPROTECTED_ID);
        unprotected.setWrapText(true);
        unprotected.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
        Icons.on(unprotected, Material2AL.LOCK_OPEN);
        Button protect = new Button();
        protect.setId(PROTECT_ID);
        protect.setMinWidth(Region.USE_PREF_SIZE);
        protect.setOnAction(e -> setPasscode());
        HBox protectRow = new HBox(12, unprotected, protect);
        protectRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(unprotected, Priority.ALWAYS);
        var nationalUnprotected = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            var d = datasets.currentProperty().get();
            return !lock.protectedData() && d != null && d.kind() != DataHome.Kind.DEMO;
        }, datasets.currentProperty(), lock.protectedDataProperty());
        protectRow.visibleProperty().bind(nationalUnprotected);
        protectRow.managedProperty().bind(nationalUnprotected);
        Runnable relabelProtect = () -> {
            unprotected.setText(messages.get("passcode.unprotected"));
            protect.setText(messages.get("passcode.set.button"));
        };
        relabelProtect.run();
        messages.localeProperty().addListener((o, a, b) -> relabelProtect.run());
        VBox notices = new VBox(4, problemRow, protectRow, packWarning, dataNotice);
        notices.getStyleClass().add(Styles.BREADCRUMB);
        notices.managedProperty().bind(packWarning.managedProperty().or(dataNotice.managedProperty()).or(problemRow.managedProperty())
                .or(protectRow.managedProperty()));
        VBox top = new VBox(header, breadcrumb, notices);
        this.packDialogs = new PackDialogs(messages, () -> stage);
        datasets.onPassphraseNeeded((file, why) -> packDialogs.askPassphrase(file, why, pass -> datasets.importPack(file, pass)));
        datasets.onRefused(packDialogs::refused);
        DatasetChooser chooser = new DatasetChooser(datasets, messages, this::openPack, this::wipeData,
                new DatasetChooser.PasscodeActions(lock::protectedData, this::setPasscode, this::changePasscode, lock::lock));
        // The menu's passcode items follow whether one is set.
        lock.stateProperty().addListener((o, a, b) -> chooser.relabel());
        datasets.noticeProperty().addListener((o, a, b) -> chooser.relabel());

        ToggleGroup sections = new ToggleGroup();
        Map<KeyCombination, Runnable> sectionKeys = new java.util.LinkedHashMap<>();
        VBox sidebar = new VBox(4);
        sidebar.getStyleClass().add(Styles.SIDEBAR);
        for (Section section : Section.values()) {
            ToggleButton b = new ToggleButton();
            b.setId(section.buttonId());
            b.setUserData(section);
            b.setToggleGroup(sections);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add(Styles.NAV_BUTTON);
            // In the projector's type "Ghi chú của tôi" is wider than the sidebar: it wraps, never "Ghi chú củ…".
            b.setWrapText(true);
            Icons.on(b, section.icon);
            Runnable open = () -> {
                DrillDown dd = shell.drillDownProperty().get();
                if (dd != null) nav.go(section.start(dd.catalog()));
            };
            b.setOnAction(e -> open.run());
            sidebar.getChildren().add(b);
            // A briefing official moves between sections without the mouse.
            section.shortcut().ifPresent(k -> sectionKeys.put(k, open));
        }

        Label progress = new Label();
        progress.getStyleClass().add(Styles.PLACEHOLDER);
        progress.textProperty().bind(shell.progressProperty());
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR);
        error.textProperty().bind(shell.errorProperty());
        center.getChildren().setAll(progress, error);

        Label asOf = new Label();
        asOf.setId(AS_OF_ID);
        asOf.textProperty().bind(statusBar.asOfProperty());
        Label network = new Label();
        network.textProperty().bind(statusBar.networkProperty());
        Tooltip networkTip = new Tooltip();
        networkTip.textProperty().bind(statusBar.networkTipProperty());
        network.setTooltip(networkTip);
        Label file = new Label();
        file.textProperty().bind(statusBar.fileProperty());
        Tooltip fileTip = new Tooltip();
        fileTip.textProperty().bind(statusBar.fileTipProperty());
        file.tooltipProperty().bind(javafx.beans.binding.Bindings.when(statusBar.fileTipProperty().isEmpty())
                .then((Tooltip) null).otherwise(fileTip));
        // When the bar is short (projector type), the file name gives way; the age of the figures
        // and the connection state never do.
        asOf.setMinWidth(Region.USE_PREF_SIZE);
        network.setMinWidth(Region.USE_PREF_SIZE);
        message.setId(MESSAGE_ID);
        message.textProperty().bind(statusBar.messageProperty());
        statusBar.expireWith((after, run) -> {
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.millis(after.toMillis()));
            wait.setOnFinished(e -> run.run());
            wait.play();
        });
        // In the projector's type the bar may cut the message ("Đã lưu ý ki…"): the tooltip has it whole.
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(message.textProperty());
        message.setTooltip(messageTip);
        // What a screen reports (an export written); when there is none it takes no room, as the
        // bar's spacing around it would leave a gap where a narrow window needs the width.
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        // The sync controls take what is left and keep to the right. No spacer: it too would be spaced.
        HBox.setHgrow(syncBar.node(), Priority.ALWAYS);
        waiting.setId(WAITING_ID);
        waiting.textProperty().bind(statusBar.waitingProperty());
        Tooltip waitingTip = new Tooltip();
        waitingTip.textProperty().bind(statusBar.waitingTipProperty());
        waiting.tooltipProperty().bind(javafx.beans.binding.Bindings.when(statusBar.waitingTipProperty().isEmpty())
                .then((Tooltip) null).otherwise(waitingTip));
        waiting.setMinWidth(Region.USE_PREF_SIZE);
        waiting.managedProperty().bind(waiting.textProperty().isNotEmpty());
        waiting.visibleProperty().bind(waiting.textProperty().isNotEmpty());
        Icons.on(waiting, org.kordamp.ikonli.material2.Material2MZ.SEND);
        // The dataset chooser says which data is on screen (its tooltip has the file); the file
        // label stays for a file opened with --cache, which is no dataset of this laptop.
        // While a sync runs, its progress needs the room more than the file name does.
        file.visibleProperty().bind(sync.runningProperty().not().and(datasets.currentProperty().isNull()));
        file.managedProperty().bind(file.visibleProperty());
        HBox status = new HBox(asOf, network, waiting, file, chooser.node(), message, syncBar.node());
        // The buttons give up their words before the age of the figures or the status give up theirs.
        IconOnlyWhenNarrow.install(status, syncBar.buttons(), () -> 0);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add(Styles.STATUS_BAR);

        SearchViewModel searchVm = new SearchViewModel(runner);
        SearchView searchView = new SearchView(searchVm, messages, () -> shell.drillDownProperty().get(), nav::go);
        search.setOnAction(e -> searchView.show());

        relabel = () -> {
            DrillDown dd = shell.drillDownProperty().get();
            Place p = nav.current();
            title.setText(dd == null ? messages.get("app.name") : p.title(messages, dd.catalog()));
            demoBadge.setText(messages.get("demo.badge"));
            demoTip.setText(messages.get("demo.tooltip"));
            language.setText(messages.get("lang.switch"));
            search.setText(messages.get("search.button"));
            pdf.setText(messages.get("viewpdf.button"));
            pdf.setTooltip(new Tooltip(messages.get("viewpdf.tip")));
            pdf.setAccessibleText(messages.get("viewpdf.tip"));
            themes.setText(messages.get(theme.messageKey()));
            themes.getItems().clear();
            for (Theme t : Theme.values()) {
                MenuItem item = new MenuItem(messages.get(t.messageKey()));
                item.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
                item.setOnAction(e -> applyTheme(t));
                themes.getItems().add(item);
            }
            back.setTooltip(new Tooltip(messages.get("nav.back")));
            about.setTooltip(new Tooltip(messages.get("about.button")));
            about.setAccessibleText(messages.get("about.button"));
            forward.setTooltip(new Tooltip(messages.get("nav.forward")));
            // Icon-only buttons: screen readers read these words.
            back.setAccessibleText(messages.get("nav.back"));
            forward.setAccessibleText(messages.get("nav.forward"));
            stage.setTitle(messages.get("app.title"));
            statusBar.relabel();
            syncBar.relabel();
            chooser.relabel();
            datasets.relabel();
            for (var tg : sections.getToggles()) {
                ToggleButton b = (ToggleButton) tg;
                Section section = (Section) b.getUserData();
                b.setText(messages.get(section.key));
                int n = section.ordinal() + 1;
                b.setTooltip(new Tooltip(section.shortcut().isPresent() ? messages.get("nav.shortcut", b.getText(), n) : b.getText()));
                b.setSelected(dd != null && section == Section.of(p));
            }
            breadcrumb.getChildren().clear();
            if (dd != null) {
                List<Place> path = Place.path(p);
                for (int i = 0; i < path.size(); i++) {
                    Place step = path.get(i);
                    if (i > 0) breadcrumb.getChildren().add(new Label("›"));
                    if (i == path.size() - 1) {
                        Label here = new Label(step.title(messages, dd.catalog()));
                        here.getStyleClass().add(Styles.BREADCRUMB_HERE);
                        breadcrumb.getChildren().add(here);
                    } else {
                        Hyperlink link = new Hyperlink(step.title(messages, dd.catalog()));
                        link.setOnAction(e -> nav.go(step));
                        breadcrumb.getChildren().add(link);
                    }
                }
            }
        };

        sync.onlineProperty().addListener((o, a, b) -> relabel.run());
        // A sync that failed after pushing the notes leaves the data as it was (no reopening):
        // the count of notes waiting is asked again whenever a sync ends.
        sync.runningProperty().addListener((o, was, now) -> {
            if (was && !now) notes.refreshWaiting();
        });
        notes.waitingProperty().addListener((o, a, b) -> relabel.run());
        messages.localeProperty().addListener((o, a, b) -> {
            statusBar.languageChanged();
            relabel.run();
            redraw();
        });
        nav.currentProperty().addListener((o, a, b) -> {
            // Before the table leaves the scene (and JavaFX hands its focus to the next control).
            Node focused = this.stage.getScene() == null ? null : this.stage.getScene().getFocusOwner();
            openedFromATable = focused instanceof javafx.scene.control.TableView<?> && isInside(focused, scroll);
            fallback = null; // the user went elsewhere: an error there is shown, not skipped
            relabel.run();
            load();
        });
        Path[] shownFile = {null};
        shell.cacheFileProperty().addListener((o, a, f) -> datasets.shown(f));
        shell.drillDownProperty().addListener((o, a, dd) -> {
            demoBadge.setVisible(dd.catalog().isDemo());
            Path opened = shell.cacheFileProperty().get() == null ? null : shell.cacheFileProperty().get().toAbsolutePath().normalize();
            boolean sameData = a != null && opened != null && opened.equals(shownFile[0]);
            shownFile[0] = opened;
            // A sync into the file on screen reopens it: the user stays where they were (the
            // initiative they were reading, with its new figures) instead of being sent back to
            // the section's start, unless the sync took that place away (an initiative
            // withdrawn). Other data (the first sync's file after the demo data) starts at the
            // section.
            Place start = Section.fromKey(settings.section()).start(dd.catalog());
            Place here = nav.current();
            switch (ShellViewModel.afterOpen(start, here, sameData, messages, dd.catalog())) {
                case RELOAD -> {
                    relabel.run();
                    load();
                }
                case RELOAD_OR_START -> {
                    fallback = start; // should its data be gone all the same (a commune's)
                    relabel.run();
                    load();
                }
                case START -> nav.go(start); // relabels and loads through the listener
            }
            notes.refreshWaiting(); // a sync has sent them, or other data is open
            datasets.refresh(); // a first sync or the demo data just made: a dataset more to list
        });
        screen.loadingProperty().addListener((o, a, loading) -> {
            if (loading == null) return;
            Label wait = new Label(messages.get("loading.screen"));
            wait.getStyleClass().add(Styles.PLACEHOLDER);
            center.getChildren().setAll(wait);
        });
        screen.loadedProperty().addListener((o, a, b) -> {
            fallback = null;
            redraw();
        });
        screen.errorProperty().addListener((o, a, err) -> {
            if (err == null) return;
            if (fallback != null) {
                Place to = fallback;
                fallback = null;
                nav.go(to);
                return;
            }
            Label l = new Label(messages.get("error.screen", err));
            l.getStyleClass().add(Styles.ERROR);
            center.getChildren().setAll(l);
        });
        relabel.run();

        BorderPane root = new BorderPane(center, top, null, status, sidebar);
        StackPane layers = new StackPane(root, searchView.node(), vn.r57desk.app.lock.LockScreen.build(lock, messages, this::forgotPasscode));
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(layers, Math.min(settings.width(), bounds.getWidth()), Math.min(settings.height(), bounds.getHeight()));
        applyTheme(theme);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::toggleLanguage);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), lock::lock);
        // Any key or mouse move: the idle lock's minutes start again.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> lock.touched());
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> lock.touched());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> lock.touched());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), syncBar::syncNow);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::showAbout);
        scene.getAccelerators().putAll(sectionKeys);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), searchView::show);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openPack);
        scene.getAccelerators().put(ViewPdfExport.KEY, viewPdf::run);
        // A .r57pack dropped onto the window is opened as if chosen with Ctrl+O.
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1 && PackDialogs.isPack(e.getDragboard().getFiles().get(0))) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1
                    && PackDialogs.isPack(e.getDragboard().getFiles().get(0));
            if (ok) openPack(e.getDragboard().getFiles().get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
        expiryTimer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.hours(1), e -> datasets.enforceExpiry()));
        expiryTimer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        expiryTimer.play();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), nav::back);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), nav::forward);
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.BACK) nav.back();
            else if (e.getButton() == MouseButton.FORWARD) nav.forward();
        });
        stage.setScene(scene);
        // A projector's 1024 x 768 is the narrowest screen a briefing uses; below it the top bar's
        // buttons and the status bar's age of the figures could not all show.
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        if (!Double.isNaN(settings.x()) && !Double.isNaN(settings.y()) && onAScreen(settings.x(), settings.y())) {
            stage.setX(settings.x());
            stage.setY(settings.y());
        }
        stage.setMaximized(settings.maximized());
    }

    /** A saved position is used only if it is still on a connected screen (a projector may be gone). */
    private static boolean onAScreen(double x, double y) {
        return !javafx.stage.Screen.getScreensForRectangle(x, y, 100, 40).isEmpty();
    }

    public void open(Path cache, boolean demo) {
        shell.open(cache, demo);
    }

    /**
     * Starts locked: nothing of the data opens until the passcode is typed; then {@code then} gets
     * the data key (on the FX thread) and opens the data.
     */
    public void lockAtStart(java.util.function.Consumer<vn.r57desk.store.pack.Passcode.DataKey> then) {
        firstUnlock = then;
        lock.lockAtStart();
    }

    /** Data opened without a lock (no passcode set): the idle lock counts from now once one is. */
    public void openedUnlocked() {
        lock.opened();
    }

    /**
     * This laptop's data key, unlocked or just made: kept (a copy) while the app runs, as SQLite
     * keeps it for the open files, to seal and read the device token (sync/TokenFile).
     */
    public void dataKeyArrived(byte[] key) {
        dataKey = key.clone();
        java.util.Arrays.fill(key, (byte) 0);
        syncBar.dataKeyArrived();
    }

    /** The window's way to run background work (there is no screen context before data opens). */
    public TaskRunner runner() {
        return runner;
    }

    /** The lock (tests, and the status bar's lock button). */
    public vn.r57desk.app.lock.LockViewModel lock() {
        return lock;
    }

    /**
     * "Forgot the passcode", confirmed: the synced data, its notes and outbox, the packs and the
     * wrapped key are deleted (the device key stays); the demo data opens and the user can set a
     * new passcode and sync again.
     */
    private vn.r57desk.store.pack.Passcode passcode() {
        return vn.r57desk.store.pack.Passcode.in(DataHome.forCache(AppData.syncedCache(), null).keys().dir(), Clock.systemUTC());
    }

    /** "Đặt mật mã…": the dialog, then the data already here encrypted (progress in the status bar). */
    public void setPasscode() {
        setPasscode("passcode.set.header", () -> { }, () -> { });
    }

    /**
     * The passcode dialog under the header {@code headerKey}; once the data here is encrypted under
     * it, {@code then} runs (the sync or import that asked for it); cancelled, {@code cancelled}.
     */
    private void setPasscode(String headerKey, Runnable then, Runnable cancelled) {
        vn.r57desk.app.lock.PasscodeDialogs.askNew(stage, messages, headerKey).ifPresentOrElse(code ->
                datasets.protect(passcode(), code, key -> {
                    lock.protectedNow();
                    dataKeyArrived(key);
                    then.run();
                }), cancelled);
    }

    /** "Đổi mật mã…": the old one, the new one twice; the data key is re-wrapped. */
    public void changePasscode() {
        vn.r57desk.app.lock.PasscodeDialogs.askChange(stage, messages).ifPresent(codes -> datasets.changePasscode(passcode(), codes[0], codes[1]));
    }

    private void forgotPasscode() {
        DataHome home = DataHome.forCache(AppData.syncedCache(), null);
        if (dataKey != null) java.util.Arrays.fill(dataKey, (byte) 0);
        dataKey = null;
        datasets.forgotPasscode(vn.r57desk.store.pack.Passcode.in(home.keys().dir(), Clock.systemUTC()), () -> {
            firstUnlock = key -> key.close();
            lock.forgotten();
        });
    }

    /** "Mở gói dữ liệu…" (Ctrl+O): the file chooser, then the import. */
    public void openPack() {
        Path f = packDialogs.chooseFile();
        if (f != null) openPack(f);
    }

    /** Imports the pack at {@code file} (asking for its passphrase when it needs one) and opens it. */
    public void openPack(Path file) {
        if (datasets.importingProperty().get()) return;
        // A pack's national data is written to this laptop only under a passcode: asked for first.
        if (!lock.protectedData()) {
            setPasscode("passcode.required.pack", () -> datasets.importPack(file, null), () -> { });
            return;
        }
        datasets.importPack(file, null);
    }

    /** "Xóa dữ liệu trên máy này…": asks first, saying what goes and how it comes back. */
    public void wipeData() {
        packDialogs.confirmWipe(datasets::wipeAll);
    }

    /** "Giới thiệu / About R57 Desk" (F1), over the window, in its theme. */
    public void showAbout() {
        AboutDialog.show(stage, scene.getStylesheets(), messages, About.load(), aboutData());
    }

    /** The data open, where it came from and its as-of date: "Dữ liệu đồng bộ từ https://…, số liệu đến ngày 20/11/2026." */
    String aboutData() {
        var d = datasets.currentProperty().get();
        if (shell.drillDownProperty().get() == null || d == null) return messages.get("about.noData");
        String day = shell.today().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        return d.kind() == DataHome.Kind.SYNCED && server != null && !server.isBlank()
                ? messages.get("about.dataServer", datasets.label(d), server, day)
                : messages.get("about.data", datasets.label(d), day);
    }

    /** The datasets on this laptop (for the chooser's tests and the start-up expiry report). */
    public DatasetsViewModel datasets() {
        return datasets;
    }

    public void open(Path cache, boolean generating, java.util.concurrent.CompletableFuture<ShellViewModel.Opened> early) {
        shell.open(cache, generating, early);
    }

    public Navigator navigator() {
        return nav;
    }

    /** Called on the FX thread each time a place has been drawn with its data, with System.nanoTime(). */
    public void onShown(BiConsumer<Loaded<?, ?>, Long> listener) {
        this.onShown = listener;
    }

    public Settings settings() {
        String section = Section.of(nav.current()).key;
        String dataset = datasets.currentId().isEmpty() ? startSettings.dataset() : datasets.currentId();
        return new Settings(stage.getX(), stage.getY(), scene.getWidth(), scene.getHeight(), stage.isMaximized(), theme,
                messages.english() ? "en" : "vi", section, server, dataset, syncBar.automaticProperty().get() ? autoMinutes : 0);
    }

    /** The synced data was not opened at start: say why, in the window's language, with Sync again when it was moved aside. */
    public void syncedCacheRefused(vn.r57desk.store.db.SyncedCacheCheck.Result r) {
        cacheCheck = r;
        relabelProblem.run();
    }


    /** The automatic sync (for tests and the status bar). */
    public vn.r57desk.app.sync.AutoSync autoSync() {
        return autoSync;
    }

    public void close() {
        expiryTimer.stop();
        shell.close();
    }

    private void load() {
        DrillDown dd = shell.drillDownProperty().get();
        if (dd != null) screen.show(dd, nav.current(), shell.today());
    }

    /**
     * The scroll pane around the screens. Its skin caches the viewport as an image (a render
     * texture the size of the view), made anew for every screen; in the software pipeline those
     * textures live in the Java heap, held by soft references until the heap is full, and a drill
     * tour spent its time in full collections (hundreds of MB of pixel buffers, docs/performance.md).
     * Screens are redrawn rather than scrolled as bitmaps, so the cache buys nothing here.
     */
    private static ScrollPane contentScroll() {
        ScrollPane sp = new ScrollPane();
        sp.setId(CONTENT_SCROLL_ID);
        sp.setFitToWidth(true);
        sp.skinProperty().addListener((o, old, skin) -> sp.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("viewport")).forEach(n -> n.setCache(false)));
        return sp;
    }

    /** What the screens draw with, for the open data (null before data opens). */
    public Ctx context() {
        DrillDown dd = shell.drillDownProperty().get();
        return dd == null ? null : new Ctx(messages, nav, dd.catalog(), runner, statusBar::say, theme, notes, shell.today(), notes, presenting);
    }

    /** "PDF of this view" (Ctrl+P): tests set its chooser. */
    public ViewPdfExport viewPdf() {
        return viewPdf;
    }

    /** The screen on show, for "PDF of this view": its content node (all of it, not the viewport), title and breadcrumb; null while loading or failed. */
    private ViewPdfExport.View printableView() {
        DrillDown dd = shell.drillDownProperty().get();
        var loaded = screen.loadedProperty().get();
        if (dd == null || loaded == null || !loaded.place().equals(nav.current()) || !center.getChildren().contains(scroll) || scroll.getContent() == null) {
            return null;
        }
        List<String> crumbs = Place.path(nav.current()).stream().map(p -> p.title(messages, dd.catalog())).toList();
        return new ViewPdfExport.View(scroll.getContent(), nav.current().title(messages, dd.catalog()), crumbs, dd, shell.today(),
                javafx.scene.paint.Color.web(theme.palette.bg()));
    }

    /** Whether a meeting is being presented. */
    public vn.r57desk.app.screens.Presenting presenting() {
        return presenting;
    }

    private void redraw() {
        var loaded = screen.loadedProperty().get();
        DrillDown dd = shell.drillDownProperty().get();
        if (loaded == null || dd == null || !loaded.place().equals(nav.current())) return;
        Ctx ctx = context();
        Node content = loaded.render(ctx);
        VBox padded = new VBox(content);
        padded.getStyleClass().add(Styles.CONTENT);
        // A row opened by a click or Enter leaves with its table: the keyboard goes on in the new
        // screen's first table, not to whatever JavaFX picks next (once the Back button, which
        // Enter then pressed).
        scroll.setContent(padded);
        scroll.setVvalue(0);
        scroll.setHvalue(0);
        center.getChildren().setAll(scroll);
        if (openedFromATable) {
            openedFromATable = false;
            Node first = padded.lookup("." + Styles.DATA_TABLE_HOLDER);
            (first != null ? first : scroll).requestFocus();
        }
        // Report once the new content has been drawn: timers run at the start of a pulse, before
        // its layout and render, so the second call comes after the first frame with the content.
        javafx.animation.AnimationTimer[] timer = new javafx.animation.AnimationTimer[1];
        timer[0] = new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) return;
                timer[0].stop();
                onShown.accept(loaded, System.nanoTime());
            }
        };
        timer[0].start();
    }

    /** A row was opened from a table (click or Enter): the next screen's first table takes the focus. */
    private boolean openedFromATable;

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    private void applyTheme(Theme t) {
        theme = t;
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
        scene.getStylesheets().setAll(t.stylesheets());
        relabel.run();
        redraw(); // tiles take their colours in Java
    }

    private void toggleLanguage() {
        messages.localeProperty().set(messages.english() ? Messages.VI : Messages.EN);
    }
}
