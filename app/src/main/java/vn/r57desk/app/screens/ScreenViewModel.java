package vn.r57desk.app.screens;

import java.time.LocalDate;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vn.r57desk.app.core.LatestOnly;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.nav.Place;
import vn.r57desk.store.query.DrillDown;

/**
 * The screen being shown: which place, and its data once loaded off the FX thread by its screen.
 * A newer navigation makes an older load stale; its answer is dropped.
 */
public final class ScreenViewModel {
    private final ScreenRegistry screens;
    private final LatestOnly latest;
    private final ReadOnlyObjectWrapper<Place> loading = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Loaded<?, ?>> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();

    public ScreenViewModel(TaskRunner runner, ScreenRegistry screens) {
        this.latest = new LatestOnly(runner);
        this.screens = screens;
    }

    /** The place being loaded, or null when nothing is loading. */
    public ReadOnlyObjectProperty<Place> loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Loaded<?, ?>> loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public void show(DrillDown dd, Place place, LocalDate today) {
        loading.set(place);
        error.set(null);
        latest.run(() -> screens.load(dd, place, today), done -> {
            loading.set(null);
            // Data equal to what was shown (a reload after a sync that changed nothing here) must
            // still replace the placeholder: listeners only hear a value that is not equal.
            loaded.set(null);
            loaded.set(done);
        }, e -> {
            loading.set(null);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
        });
    }
}
