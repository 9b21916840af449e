package vn.r57desk.app.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.store.sync.CacheHost;
import vn.r57desk.store.sync.SyncClient;
import vn.r57desk.store.sync.SyncException;

/**
 * "Sync now" in the status bar: runs a sync off the FX thread into the synced cache, reports
 * phase and rows as it goes, can be cancelled, and says what happened in the user's language.
 * When it succeeds the shell is told to show the synced cache.
 */
public final class SyncViewModel {
    /** The shell's open cache, which a sync must write through or close before replacing the file. */
    public interface SharedCache {
        /** The open cache when it is {@code file}, else null. */
        vn.r57desk.store.db.Cache cacheFor(Path file);

        /** Closes the open cache when it is {@code file}. */
        void release(Path file);
    }

    private final TaskRunner runner;
    private final Messages messages;
    private final Path cacheFile;
    private final SharedCache shared;
    private final Consumer<Path> onSynced;
    private final Runnable onWiped;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(false);
    /** Whether the last sync that ended succeeded (read when running turns false). */
    private boolean lastOk;
    private volatile SyncClient client;
    private volatile boolean cancelRequested;
    private volatile long lastUpdate;
    private volatile SyncClient.Phase lastPhase;
    private String server = "";
    /**
     * How the status, detail and activity lines are worded: kept so that a change of language
     * rewords them at once (Ctrl+L in a meeting left "Đã đồng bộ lúc …" in an English window).
     */
    private java.util.function.Supplier<String> statusText = () -> "", detailText = () -> "", activityText = () -> "";
    private static final System.Logger LOG = System.getLogger(SyncViewModel.class.getName());

    /**
     * @param onSynced called (UI thread) with the synced cache to show
     * @param onWiped  called (UI thread) when a revoked device's cache was deleted
     */
    public SyncViewModel(TaskRunner runner, Messages messages, Path cacheFile, SharedCache shared, Consumer<Path> onSynced,
                         Runnable onWiped) {
        this.runner = runner;
        this.messages = messages;
        this.cacheFile = cacheFile;
        this.shared = shared;
        this.onSynced = onSynced;
        this.onWiped = onWiped;
        messages.localeProperty().addListener((o, a, b) -> {
            status.set(statusText.get());
            detail.set(detailText.get());
            activity.set(activityText.get());
        });
    }

    private void status(java.util.function.Supplier<String> text) {
        statusText = text;
        status.set(text.get());
    }

    private void detail(java.util.function.Supplier<String> text) {
        detailText = text;
        detail.set(text.get());
    }

    private void activity(java.util.function.Supplier<String> text) {
        activityText = text;
        activity.set(text.get());
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** 0..1, or -1 while the amount of work is not known. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** One line for the status bar. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The technical reason behind a failure (server's words), for a tooltip. */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
    /** While a sync runs: the kind of data arriving and how much has come ("số liệu chỉ tiêu · 12,3 MB"). */
    public ReadOnlyStringProperty activityProperty() { return activity.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty onlineProperty() { return online.getReadOnlyProperty(); }

    /** Whether the last sync that ended succeeded; listeners of {@link #runningProperty} see it already set. */
    public boolean lastSucceeded() {
        return lastOk;
    }

    public Path cacheFile() {
        return cacheFile;
    }

    /** While it is true (a meeting is being presented), syncs wait: see {@link #syncNow}. */
    private javafx.beans.value.ObservableBooleanValue hold = new javafx.beans.property.SimpleBooleanProperty(false);
    /** The sync asked for while held, run when the hold ends: {server, token}, or null. */
    private String[] held;
    private final ReadOnlyBooleanWrapper waitingForHold = new ReadOnlyBooleanWrapper(false);

    /**
     * Syncs wait while {@code hold} is true: one asked for then (F5, the button) runs when it turns
     * false. A meeting's presenter mode holds them, so the figures do not change under the speaker.
     */
    public void holdWhile(javafx.beans.value.ObservableBooleanValue hold) {
        this.hold = hold;
        hold.addListener((o, was, now) -> {
            if (now || held == null) return;
            String[] run = held;
            held = null;
            waitingForHold.set(false);
            syncNow(run[0], run[1]);
        });
    }

    /** True while a sync asked for waits for the hold (presenting) to end. */
    public ReadOnlyBooleanProperty waitingForHoldProperty() { return waitingForHold.getReadOnlyProperty(); }

    /** Whether this laptop's data is protected by a passcode (no national data arrives before it is). */
    private java.util.function.BooleanSupplier protectedData = () -> true;
    /** Asks the user to set a passcode, then runs the given step (the sync asked for), also when cancelled: it checks. */
    private Consumer<Runnable> askToProtect = Runnable::run;
    /** The status line already says a passcode is needed (until a sync starts). */
    private boolean passcodeNeedSaid;

    /**
     * National data reaches this laptop only under a passcode: a sync asked for while none is set
     * first asks for one ({@code askToProtect}, which runs the step it is given once the data is
     * encrypted, or at once when the user cancels: the sync then says a passcode is needed). An
     * automatic sync does not interrupt with a dialog: it is skipped and the status line says why.
     */
    public void requireProtection(java.util.function.BooleanSupplier isProtected, Consumer<Runnable> askToProtect) {
        this.protectedData = isProtected;
        this.askToProtect = askToProtect;
    }

    /** Starts a sync with this server and token; ignored while one runs; waits while held ({@link #holdWhile}). */
    public void syncNow(String serverUrl, String token) {
        if (running.get()) return;
        if (hold.get()) {
            held = new String[] {serverUrl, token};
            waitingForHold.set(true);
            status(() -> messages.get("sync.heldWhilePresenting"));
            return;
        }
        if (!protectedData.getAsBoolean()) {
            // said once the dialog is answered: an automatic sync's word may have come meanwhile
            askToProtect.accept(() -> {
                if (protectedData.getAsBoolean()) {
                    syncNow(serverUrl, token);
                } else {
                    passcodeNeedSaid = true;
                    status(() -> messages.get("sync.needsPasscode"));
                }
            });
            return;
        }
        start(serverUrl, token);
    }

    /**
     * An automatic sync (AutoSync): as {@link #syncNow}, except that without a passcode nothing
     * is asked: it returns false and the status line says a passcode is needed first.
     */
    public boolean syncAutomatically(String serverUrl, String token) {
        if (running.get()) return false;
        if (!protectedData.getAsBoolean()) {
            // the user's own "not synced: a passcode is needed" stays: this would only repeat it
            if (!passcodeNeedSaid) status(() -> messages.get("sync.autoNeedsPasscode"));
            passcodeNeedSaid = true;
            return false;
        }
        syncNow(serverUrl, token);
        return true;
    }

    private void start(String serverUrl, String token) {
        passcodeNeedSaid = false;
        server = serverUrl == null ? "" : serverUrl.strip();
        String url = server;
        client = null;
        cancelRequested = false;
        running.set(true);
        progress.set(-1);
        detail(() -> "");
        activity(() -> "");
        status(() -> messages.get("sync.connecting", url));
        runner.run(() -> {
            // Off the FX thread: preparing the client reads the system's certificates.
            SyncClient c = SyncClient.create(url, SyncClient.Options.defaults(token));
            client = c;
            if (cancelRequested) c.cancel();
            boolean existed = Files.exists(cacheFile);
            try (Host host = new Host()) {
                try {
                    return c.sync(host, new SyncClient.Listener() {
                        @Override
                        public void progress(SyncClient.Progress p) {
                            long now = System.nanoTime();
                            // a few updates a second, not one per page; a new phase always shows
                            if (now - lastUpdate < 150_000_000L && p.phase() == lastPhase) return;
                            lastUpdate = now;
                            lastPhase = p.phase();
                            runner.onUi(() -> show(p));
                        }

                        @Override
                        public void note(String line) {
                            // retries, a resumed bootstrap, kinds of data skipped: for whoever reads the log
                            LOG.log(System.Logger.Level.INFO, line);
                        }

                        @Override
                        public void waiting(SyncClient.Wait w) {
                            lastPhase = null; // the next progress replaces this at once
                            runner.onUi(() -> showWaiting(w));
                        }

                        @Override
                        public void retrying(SyncClient.Retry r) {
                            lastPhase = null; // whatever comes next shows at once, replacing this
                            runner.onUi(() -> onRetry(r));
                        }
                    });
                } catch (SyncException e) {
                    // A first sync that failed before any data arrived leaves no empty cache behind,
                    // which the next start would otherwise open instead of the demo data.
                    if (!existed && !host.replaced && e.problem() != SyncException.Problem.REVOKED) host.discardEmpty();
                    throw e;
                }
            }
        }, report -> {
            lastOk = true;
            running.set(false);
            progress.set(1);
            online.set(true);
            String at = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm"));
            status(() -> messages.get("sync.done", at, String.format(messages.locale(), "%,d", report.deltaRows() + report.snapshotRows())));
            detail(() -> {
                String d = messages.get("sync.doneDetail", report.snapshotRows(), report.deltaRows(), report.outboxAccepted() + report.outboxDuplicates());
                d += changeLines(report.changes());
                if (!report.skippedKinds().isEmpty()) d += "\n" + messages.get("sync.skippedKinds", String.join(", ", report.skippedKinds()));
                if (report.outboxError() != null) d += "\n" + messages.get("sync.outboxNotSent", report.outboxError());
                return d;
            });
            onSynced.accept(cacheFile);
        }, e -> {
            lastOk = false;
            running.set(false);
            progress.set(0);
            fail(e);
            if (e instanceof SyncException se && se.problem() == SyncException.Problem.REVOKED) onWiped.run();
        });
    }

    /**
     * The sync's view of the cache: the shell's open cache when it shows the synced file, else its
     * own; before the file is replaced or deleted, the shell's is closed (the shell reopens after).
     */
    private final class Host implements CacheHost, AutoCloseable {
        private vn.r57desk.store.db.Cache own;
        boolean replaced;

        @Override
        public vn.r57desk.store.db.Cache cache() {
            vn.r57desk.store.db.Cache c = shared.cacheFor(cacheFile);
            if (c != null) return c;
            if (own == null) {
                try {
                    own = vn.r57desk.store.db.Cache.open(cacheFile);
                } catch (vn.r57desk.store.db.CacheException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            return own;
        }

        @Override
        public void replace(Path bootstrapped) throws vn.r57desk.store.db.CacheException {
            shared.release(cacheFile);
            if (own != null) own.close();
            own = null;
            CacheHost.swapIn(cacheFile, bootstrapped);
            replaced = true;
            own = vn.r57desk.store.db.Cache.open(cacheFile);
        }

        @Override
        public void wipe() throws vn.r57desk.store.db.CacheException {
            shared.release(cacheFile);
            if (own != null) own.close();
            own = null;
            CacheHost.deleteCacheFiles(cacheFile);
        }

        void discardEmpty() {
            if (own != null) own.close();
            own = null;
            try {
                CacheHost.deleteCache(cacheFile); // the bootstrap downloaded so far stays: the next sync resumes it
            } catch (IOException ignored) {
                // an empty cache left behind is harmless; the next sync fills it
            }
        }

        @Override
        public void close() {
            if (own != null) own.close();
        }
    }

    /** Stops the sync in progress; what was applied stays, the page under way is undone. */
    public void cancel() {
        if (!running.get()) return;
        status(() -> messages.get("sync.cancelling"));
        cancelRequested = true; // seen by a client still being prepared
        SyncClient c = client;
        if (c != null) c.cancel();
    }

    /** "Waiting for the server to answer (12 s)…": a slow server is said as such, not a frozen bar. */
    private void showWaiting(SyncClient.Wait w) {
        if (!running.get()) return;
        long seconds = w.soFar().toSeconds();
        status(() -> messages.get("sync.waiting", w.server(), seconds));
    }

    /**
     * A request failed and is tried again: a server that cannot be reached or keeps failing is not
     * "online" while the sync waits for it (the bar said "Trực tuyến" through every retry).
     */
    void onRetry(SyncClient.Retry r) {
        if (r.problem() == SyncException.Problem.NETWORK || r.problem() == SyncException.Problem.SERVER) online.set(false);
        showRetry(r);
    }

    /** "The server could not be reached; trying again (3 of 6) in 2.4 s…", not a silent wait. */
    private void showRetry(SyncClient.Retry r) {
        if (!running.get()) return;
        String key = "sync.retry." + r.problem().name();
        status(() -> messages.get(messages.has(key) ? key : "sync.retry.other", r.nextAttempt(), r.maxAttempts(),
                String.format(messages.locale(), "%.1f", r.pause().toMillis() / 1000.0)));
    }

    private void show(SyncClient.Progress p) {
        if (!running.get()) return;
        java.util.function.Supplier<String> phase = () -> messages.get("sync.phase." + p.phase().name());
        String url = server;
        if (p.phase() == SyncClient.Phase.CONNECTING || p.phase() == SyncClient.Phase.OUTBOX || p.phase() == SyncClient.Phase.FINALIZING) {
            progress.set(-1); // no row count worth showing: say what it is doing
            status(() -> p.phase() == SyncClient.Phase.CONNECTING ? messages.get("sync.connecting", url) : phase.get() + "…");
        } else if (p.expectedRows() > 0) {
            progress.set(Math.min(1, (double) p.rows() / p.expectedRows()));
            status(() -> messages.get("sync.progressOf", phase.get(), String.format(messages.locale(), "%,d", p.rows()),
                    String.format(messages.locale(), "%,d", p.expectedRows())));
        } else {
            progress.set(-1);
            status(() -> messages.get("sync.progress", phase.get(), String.format(messages.locale(), "%,d", p.rows())));
        }
        activity(() -> arriving(p));
    }

    /**
     * What a delta changed, a line per kind of data it touched ("Số liệu chỉ tiêu: 7.340 mới,
     * 4.012 cập nhật, 1.520 xóa"), in the order the protocol lists the kinds; rows the cache
     * already had are not changes and are left out.
     */
    String changeLines(java.util.Map<String, long[]> changes) {
        StringBuilder b = new StringBuilder();
        for (var e : vn.r57desk.store.sync.Entities.all()) {
            long[] c = changes == null ? null : changes.get(e.name());
            if (c == null || c[0] + c[1] + c[2] == 0) continue;
            String key = "sync.entity." + e.name();
            String kind = messages.has(key) ? messages.get(key) : e.name();
            kind = kind.substring(0, 1).toUpperCase(messages.locale()) + kind.substring(1); // a line's first word
            b.append('\n').append(messages.get("sync.changeLine", kind, c[0], c[1], c[2]));
        }
        return b.toString();
    }

    /** "KPI values · 12.3 MB": the kind of rows arriving, if any, and how much has come. */
    private String arriving(SyncClient.Progress p) {
        String received = messages.get("sync.received", String.format(messages.locale(), "%.1f", p.bytes() / 1048576.0));
        if (p.entity() == null) return received;
        String key = "sync.entity." + p.entity();
        return (messages.has(key) ? messages.get(key) : p.entity()) + " · " + received;
    }

    private void fail(Throwable e) {
        if (e instanceof SyncException se) {
            // The technical detail (an exception's kind, a parser's words) goes to the log only.
            if (se.detail() != null) LOG.log(System.Logger.Level.INFO, "sync failed: " + se.getMessage() + " (" + se.detail() + ")");
            online.set(switch (se.problem()) {
                case NETWORK, INSECURE -> false;
                default -> online.get();
            });
            SyncException.Revocation r = se.revocation();
            if (r != null && !r.wiped()) status(() -> messages.get("sync.error.REVOKED.notWiped", cacheFile));
            else if (r != null && r.unsentDeleted() > 0) status(() -> messages.get("sync.error.REVOKED.unsent", r.unsentDeleted()));
            else if (se.text().key() == vn.r57desk.store.sync.SyncText.Key.NOT_SYNC_SERVER_PAGE) status(() -> messages.get("sync.error.portal"));
            else if (se.text().key() == vn.r57desk.store.sync.SyncText.Key.NOT_SYNC_SERVER) status(() -> messages.get("sync.error.notServer"));
            else status(() -> messages.get("sync.error." + se.problem().name()));
            detail(() -> se.message(messages.locale())); // reworded too when the language changes
        } else {
            status(() -> messages.get("sync.error.CACHE"));
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            detail(() -> why);
        }
    }

    // ---- where the server and token are kept -----------------------------------------------------

    /** The saved token as it is (no passcode on this laptop's data); see {@link TokenFile}. */
    public static String loadToken(Path file) {
        return TokenFile.load(file, null);
    }

    /** Saves the token readable by this user only; sealed under the data key once there is one ({@link TokenFile}). */
    public static void saveToken(Path file, String token) throws IOException {
        TokenFile.save(file, token, null);
    }
}
