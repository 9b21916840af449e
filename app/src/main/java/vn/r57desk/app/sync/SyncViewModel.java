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
import vn.r57desk.app.shell.TaskRunner;
import vn.r57desk.store.sync.CacheHost;
import vn.r57desk.store.sync.SyncClient;
import vn.r57desk.store.sync.SyncException;

/**
 * "Sync now" in the status bar: runs a sync off the FX thread into the synced cache, reports
 * phase and rows as it goes, can be cancelled, and says what happened in the user's language.
 * When it succeeds the shell is told to show the synced cache.
 */
public final class SyncViewModel {
    private final TaskRunner runner;
    private final Messages messages;
    private final Path cacheFile;
    private final Consumer<Path> onSynced;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(false);
    private volatile SyncClient client;
    private volatile long lastUpdate;
    private String server = "";

    public SyncViewModel(TaskRunner runner, Messages messages, Path cacheFile, Consumer<Path> onSynced) {
        this.runner = runner;
        this.messages = messages;
        this.cacheFile = cacheFile;
        this.onSynced = onSynced;
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** 0..1, or -1 while the amount of work is not known. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** One line for the status bar. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The technical reason behind a failure (server's words), for a tooltip. */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty onlineProperty() { return online.getReadOnlyProperty(); }

    public Path cacheFile() {
        return cacheFile;
    }

    /** Starts a sync with this server and token; ignored while one runs. */
    public void syncNow(String serverUrl, String token) {
        if (running.get()) return;
        server = serverUrl == null ? "" : serverUrl.strip();
        SyncClient c;
        try {
            c = SyncClient.create(server, SyncClient.Options.defaults(token));
        } catch (SyncException e) {
            fail(e);
            return;
        }
        client = c;
        running.set(true);
        progress.set(-1);
        detail.set("");
        status.set(messages.get("sync.connecting", server));
        runner.run(() -> {
            try (CacheHost.Simple host = CacheHost.of(cacheFile)) {
                return c.sync(host, p -> {
                    long now = System.nanoTime();
                    if (now - lastUpdate < 150_000_000L && p.phase() != SyncClient.Phase.DONE) return; // a few updates a second, not one per page
                    lastUpdate = now;
                    runner.onUi(() -> show(p));
                });
            }
        }, report -> {
            running.set(false);
            progress.set(1);
            online.set(true);
            status.set(messages.get("sync.done", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm")),
                    String.format(messages.locale(), "%,d", report.deltaRows() + report.snapshotRows())));
            detail.set(messages.get("sync.doneDetail", report.snapshotRows(), report.deltaRows(), report.outboxAccepted() + report.outboxDuplicates()));
            onSynced.accept(cacheFile);
        }, e -> {
            running.set(false);
            progress.set(0);
            fail(e);
        });
    }

    /** Stops the sync in progress; what was applied stays, the page under way is undone. */
    public void cancel() {
        SyncClient c = client;
        if (c != null && running.get()) {
            status.set(messages.get("sync.cancelling"));
            c.cancel();
        }
    }

    private void show(SyncClient.Progress p) {
        if (!running.get()) return;
        String phase = messages.get("sync.phase." + p.phase().name());
        if (p.phase() == SyncClient.Phase.CONNECTING || p.phase() == SyncClient.Phase.OUTBOX || p.phase() == SyncClient.Phase.FINALIZING) {
            progress.set(-1); // no row count worth showing: say what it is doing
            status.set(p.phase() == SyncClient.Phase.CONNECTING ? messages.get("sync.connecting", server) : phase + "…");
        } else if (p.expectedRows() > 0) {
            progress.set(Math.min(1, (double) p.rows() / p.expectedRows()));
            status.set(messages.get("sync.progressOf", phase, String.format(messages.locale(), "%,d", p.rows()),
                    String.format(messages.locale(), "%,d", p.expectedRows())));
        } else {
            progress.set(-1);
            status.set(messages.get("sync.progress", phase, String.format(messages.locale(), "%,d", p.rows())));
        }
    }

    private void fail(Throwable e) {
        if (e instanceof SyncException se) {
            online.set(switch (se.problem()) {
                case NETWORK, INSECURE -> false;
                default -> online.get();
            });
            status.set(messages.get("sync.error." + se.problem().name()));
            detail.set(se.getMessage());
        } else {
            status.set(messages.get("sync.error.CACHE"));
            detail.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    // ---- where the server and token are kept -----------------------------------------------------

    /** The saved token, or "" when there is none. */
    public static String loadToken(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Saves the token readable by this user only (where the file system allows it). */
    public static void saveToken(Path file, String token) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            Files.createFile(tmp);
        } else {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, token == null ? "" : token.strip(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
