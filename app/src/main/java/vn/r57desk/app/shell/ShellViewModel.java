package vn.r57desk.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.nav.Place;
import vn.r57desk.store.query.Catalog;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.query.DrillDown;

/**
 * Opens the cache (creating the embedded demo data on first start) off the FX thread and hands the
 * query API to the screens. Failures become one sentence in the user's language.
 */
public final class ShellViewModel implements vn.r57desk.app.sync.SyncViewModel.SharedCache {
    private final TaskRunner runner;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<DrillDown> drillDown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Path> cacheFile = new ReadOnlyObjectWrapper<>();
    private Cache cache;

    public ShellViewModel(TaskRunner runner, Messages messages) {
        this.runner = runner;
        this.messages = messages;
    }

    public ReadOnlyObjectProperty<DrillDown> drillDownProperty() { return drillDown.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> cacheFileProperty() { return cacheFile.getReadOnlyProperty(); }

    /** Opens {@code file}; when {@code demo} and the file does not exist yet, generates the demo dataset into it. */
    public void open(Path file, boolean demo) {
        open(file, demo && !Files.exists(file), () -> openNow(file, demo));
    }

    /**
     * Adopts an opening already under way (started before the window existed, to overlap it with
     * building the window).
     */
    public void open(Path file, boolean generating, java.util.concurrent.CompletableFuture<Opened> early) {
        open(file, generating, () -> {
            try {
                return early.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        });
    }

    /** Opens the cache, creating the demo data first when asked and missing. Blocks: call off the FX thread. */
    public static Opened openNow(Path file, boolean demo) throws CacheException {
        if (demo && !Files.exists(file)) {
            DatasetGenerator.generate(Scale.DEMO, DatasetGenerator.DEFAULT_SEED, file, false, DatasetGenerator.Progress.NONE);
        }
        Cache c = Cache.open(file);
        try {
            return new Opened(c, new DrillDown(c));
        } catch (CacheException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void open(Path file, boolean generating, java.util.concurrent.Callable<Opened> how) {
        progress.set(messages.get(generating ? "loading.demo" : "loading.cache"));
        error.set(null);
        cacheFile.set(file);
        runner.run(how, opened -> {
            Cache previous;
            synchronized (this) {
                previous = cache;
                cache = opened.cache();
            }
            if (previous != null) {
                // Closing waits for the writer thread: not on the FX thread.
                runner.run(() -> {
                    previous.close();
                    return null;
                }, ok -> { }, e -> { });
            }
            progress.set("");
            drillDown.set(opened.drillDown());
        }, e -> {
            progress.set("");
            error.set(describe(e));
        });
    }

    /** An open cache and its query API. */
    public record Opened(Cache cache, DrillDown drillDown) {}

    /** The user's sentence for a failure: never a stack trace. */
    public String describe(Throwable e) {
        if (e instanceof CacheException ce) {
            return messages.get("error.open", messages.get("error." + ce.problem().name())) + "\n" + ce.file();
        }
        return messages.get("error.open", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** The day the figures describe: fixed for demo data, today for synced data. */
    public LocalDate today() {
        DrillDown dd = drillDown.get();
        LocalDate asOf = dd == null ? null : dd.catalog().dataAsOf();
        return asOf != null ? asOf : LocalDate.now();
    }

    public synchronized void close() {
        if (cache != null) cache.close();
    }

    /** The open cache when it is {@code file}: a sync then writes through it. Any thread. */
    @Override
    public synchronized Cache cacheFor(Path file) {
        // normalized: "--cache ./x/cache.db" and the data folder's own path name the same file
        return cache != null && cache.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize()) ? cache : null;
    }

    /**
     * Closes the open cache when it is {@code file}, so that a sync can replace or delete the file;
     * the screens show an error until the shell opens a cache again. Any thread (not the FX thread:
     * closing waits for the writer).
     */
    @Override
    public void release(Path file) {
        Cache c;
        synchronized (this) {
            c = cacheFor(file);
            if (c != null) cache = null; // closed: never handed out again
        }
        if (c != null) c.close();
    }

    Path cacheFile() {
        return cacheFile.get();
    }

    /** What to show once data has opened. */
    public enum AfterOpen {
        /** Reload the place on screen. */
        RELOAD,
        /** Reload the place on screen; should its data be gone all the same, go to the section's start. */
        RELOAD_OR_START,
        /** Go to the section's start. */
        START
    }

    /**
     * A sync into the file on screen reopens it: the user stays where they were (the initiative
     * they were reading, with its new figures) instead of being sent back to the section's start,
     * unless the sync took that place away (an initiative withdrawn). Other data (the first sync's
     * file after the demo data) starts at the section.
     */
    public static AfterOpen afterOpen(Place start, Place here, boolean sameData, Messages messages, Catalog catalog) {
        if (start.equals(here)) return AfterOpen.RELOAD;
        if (sameData && namedIn(here, messages, catalog)) return AfterOpen.RELOAD_OR_START;
        return AfterOpen.START;
    }

    /**
     * Whether the data still has what {@code p} and the places above it name (their titles look
     * their rows up in the catalogue): an initiative withdrawn by a sync is not there any more.
     */
    static boolean namedIn(Place p, Messages messages, Catalog catalog) {
        try {
            for (Place q = p; q != null; q = q.parent()) q.title(messages, catalog);
            return true;
        } catch (RuntimeException gone) {
            return false;
        }
    }
}
