package vn.r57desk.app.screens;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.value.ObservableBooleanValue;

import vn.r57desk.store.sync.Outbox;

/** Where the notes written on a screen go: queues and lists them off the FX thread; the callbacks run on it. */
public interface NotesSink {
    /** {@code scopeId}: a KPI's values at one scope, or null. */
    void add(String kind, String targetKind, long targetId, Long scopeId, String text, Runnable onQueued, Consumer<Throwable> onError);

    void about(String targetKind, long targetId, Long scopeId, Consumer<List<Outbox.Item>> onLoaded, Consumer<Throwable> onError);

    /** Takes back an item not sent yet; {@code onDone} gets whether it was still there to take back. */
    void withdraw(String id, Consumer<Boolean> onDone, Consumer<Throwable> onError);

    /** Whether a sync sends what is written here: false on the embedded demo data, whose notes stay on the laptop. */
    boolean sends();

    /** True while a sync runs: a note may be on its way, so none is taken back then. */
    ObservableBooleanValue syncing();
}
