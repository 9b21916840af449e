package vn.r57desk.app.screens;

import java.time.LocalDate;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.shell.TaskRunner;
import vn.r57desk.store.query.DrillDown;

/**
 * The screen being shown: which place, and its data once loaded off the FX thread. A newer
 * navigation makes an older load stale; its answer is dropped.
 */
public final class ScreenViewModel {
    /** A place together with its loaded data, and how long the store took to read it (for the UI benchmark). */
    public record Loaded(Place place, Object data, long queryNanos) {}

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Place> loading = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private long generation;

    public ScreenViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /** The place being loaded, or null when nothing is loading. */
    public ReadOnlyObjectProperty<Place> loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Loaded> loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public void show(DrillDown dd, Place place, LocalDate today) {
        long mine = ++generation;
        loading.set(place);
        error.set(null);
        runner.run(() -> {
            long t0 = System.nanoTime();
            Object data = ScreenData.load(dd, place, today);
            return new Loaded(place, data, System.nanoTime() - t0);
        }, done -> {
            if (mine != generation) return;
            loading.set(null);
            // Data equal to what was shown (a reload after a sync that changed nothing here) must
            // still replace the placeholder: listeners only hear a value that is not equal.
            loaded.set(null);
            loaded.set(done);
        }, e -> {
            if (mine != generation) return;
            loading.set(null);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
        });
    }
}
