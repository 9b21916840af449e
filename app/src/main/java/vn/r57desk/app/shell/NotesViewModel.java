package vn.r57desk.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableBooleanValue;

import vn.r57desk.app.core.LatestOnly;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.screens.NotesSink;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.sync.Outbox;

/**
 * The notes written on screens: they go to the open cache's outbox, off the FX thread, and a sync
 * sends them; and how many wait for the next sync (the status bar's count). The cache is looked up
 * when the work runs: a sync that replaces the file closes it, and the work then fails with a
 * sentence saying so.
 */
public final class NotesViewModel implements NotesSink, vn.r57desk.app.screens.LocalStore {
    private final TaskRunner runner;
    private final ShellViewModel shell;
    private final Path syncedCache;
    private final ObservableBooleanValue syncing;
    private final Supplier<String> noCache;
    private final LatestOnly counting;
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();

    /**
     * @param syncedCache the file a sync writes: only its notes are ever sent
     * @param noCache the sentence for work that finds no open cache (a sync has closed it)
     */
    public NotesViewModel(TaskRunner runner, ShellViewModel shell, Path syncedCache, ObservableBooleanValue syncing, Supplier<String> noCache) {
        this.runner = runner;
        this.shell = shell;
        this.syncedCache = syncedCache;
        this.syncing = syncing;
        this.noCache = noCache;
        this.counting = new LatestOnly(runner);
    }

    /** Notes waiting for the next sync on the open data; 0 on data a sync does not send. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    @Override
    public void add(String kind, String targetKind, long targetId, Long scopeId, String text, Runnable onQueued, Consumer<Throwable> onError) {
        onOpenCache(c -> Outbox.addAbout(c, kind, text, targetKind, targetId, scopeId), id -> {
            onQueued.run();
            refreshWaiting();
        }, onError);
    }

    @Override
    public void about(String targetKind, long targetId, Long scopeId, Consumer<List<Outbox.Item>> onLoaded, Consumer<Throwable> onError) {
        onOpenCache(c -> Outbox.about(c, targetKind, targetId, scopeId), onLoaded, onError);
    }

    @Override
    public void withdraw(String id, Consumer<Boolean> onDone, Consumer<Throwable> onError) {
        onOpenCache(c -> Outbox.withdraw(c, id), gone -> {
            onDone.accept(gone);
            refreshWaiting();
        }, onError);
    }

    @Override
    public ObservableBooleanValue syncing() {
        return syncing;
    }

    @Override
    public boolean sends() {
        // A sync pushes the outbox of the synced cache only; the embedded demo data's (or a file
        // opened with --cache) is never sent: its rows are not the monitoring system's.
        Path file = shell.cacheFileProperty().get();
        return file != null && file.toAbsolutePath().normalize().equals(syncedCache.toAbsolutePath().normalize());
    }

    /** Counts the notes waiting to be sent, off the FX thread; a newer count wins over a late older one. */
    public void refreshWaiting() {
        Path file = shell.cacheFileProperty().get();
        if (file == null || !sends()) {
            counting.forget();
            waiting.set(0);
            return;
        }
        counting.run(() -> {
            Cache c = shell.cacheFor(file);
            return c == null ? 0 : Outbox.waiting(c);
        }, waiting::set, e -> System.getLogger(NotesViewModel.class.getName())
                .log(System.Logger.Level.WARNING, "could not count the notes waiting to be sent", e));
    }

    /**
     * The laptop's own records (private notes, meeting decisions) on the open data, off the FX
     * thread; the outbox count is asked again after, as the work may have queued something to send.
     */
    @Override
    public <T> void run(vn.r57desk.app.screens.LocalStore.Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        vn.r57desk.store.query.DrillDown dd = shell.drillDownProperty().get();
        Path file = shell.cacheFileProperty().get();
        String busy = noCache.get();
        runner.run(() -> {
            Cache c = file == null ? null : shell.cacheFor(file);
            if (c == null || dd == null || dd.cache() != c) throw new IllegalStateException(busy);
            return work.on(dd);
        }, done -> {
            onDone.accept(done);
            refreshWaiting();
        }, onError);
    }

    /** Work on the open cache. */
    @FunctionalInterface
    interface CacheWork<T> {
        T on(Cache cache) throws Exception;
    }

    private <T> void onOpenCache(CacheWork<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Path file = shell.cacheFileProperty().get();
        String busy = noCache.get();
        runner.run(() -> {
            Cache c = file == null ? null : shell.cacheFor(file);
            if (c == null) throw new IllegalStateException(busy);
            return work.on(c);
        }, onDone, onError);
    }
}
