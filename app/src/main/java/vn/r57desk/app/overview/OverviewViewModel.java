package vn.r57desk.app.overview;

import java.time.LocalDate;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vn.r57desk.app.shell.TaskRunner;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.Overview;

/** State of the Overview screen: loading, the overview itself, or an error. Never touches a node. */
public final class OverviewViewModel {
    private final TaskRunner runner;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Overview> overview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private long generation;

    public OverviewViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Overview> overviewProperty() { return overview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** Loads the overview as of {@code today}; a newer load makes an older answer stale and it is dropped. */
    public void load(DrillDown dd, LocalDate today) {
        long mine = ++generation;
        loading.set(true);
        error.set(null);
        runner.run(() -> dd.overview(today, PeriodRange.programmeTo(today)), result -> {
            if (mine != generation) return;
            loading.set(false);
            overview.set(result);
        }, e -> {
            if (mine != generation) return;
            loading.set(false);
            error.set(e.getMessage());
        });
    }
}
