package vn.r57desk.app.lock;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vn.r57desk.app.core.Scheduler;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.store.pack.PackException;
import vn.r57desk.store.pack.Passcode;

/**
 * The lock of this laptop's data (issue 24 item 5): locked at start when a passcode is set, and
 * again after {@link #idleMinutes} without a key press or a mouse move (not while a meeting is
 * presented: the speaker is using the laptop, and a locked projector would stop the meeting).
 * Unlocking runs PBKDF2 (about a second) off the FX thread; a wrong passcode is refused with what
 * {@link Passcode} says, and after several the wait it imposes is shown and counted down.
 *
 * <p>The first unlock hands the data key to {@code onFirstUnlock} (the window then opens the data);
 * later unlocks only lift the screen: the key stays in memory while the app runs (docs/security.md
 * says so), the lock screen hides the data from whoever sits down at an unattended laptop.
 */
public final class LockViewModel {
    public enum State { OPEN, LOCKED, CHECKING }

    /** Minutes without input before the lock, by default. */
    public static final int IDLE_MINUTES = 10;

    private final Passcode passcode;
    private final TaskRunner runner;
    private final Scheduler scheduler;
    private final Messages messages;
    private final Consumer<Passcode.DataKey> onFirstUnlock;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.OPEN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Duration> wait = new ReadOnlyObjectWrapper<>(Duration.ZERO);
    private boolean unlockedOnce;
    private int idleMinutes = IDLE_MINUTES;
    private Scheduler.Pending idle;
    /** When the last key press or mouse move came, on the scheduler's clock. */
    private long lastInput;
    private Scheduler.Pending tick;
    private java.util.function.BooleanSupplier held = () -> false;
    /**
     * Whether a passcode protects this laptop's data, known without asking the disk (a mouse move
     * asks): true from a locked start or a passcode set, false after a forgotten one.
     */
    private final javafx.beans.property.ReadOnlyBooleanWrapper protectedData = new javafx.beans.property.ReadOnlyBooleanWrapper();

    public LockViewModel(Passcode passcode, TaskRunner runner, Scheduler scheduler, Messages messages, Consumer<Passcode.DataKey> onFirstUnlock) {
        this.passcode = passcode;
        this.runner = runner;
        this.scheduler = scheduler;
        this.messages = messages;
        this.onFirstUnlock = onFirstUnlock;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The answer to the last try, in the window's language ("" before any). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How long before the next try is accepted (zero: now). */
    public ReadOnlyObjectProperty<Duration> waitProperty() {
        return wait.getReadOnlyProperty();
    }

    public boolean locked() {
        return state.get() != State.OPEN;
    }

    /** Whether a passcode protects this laptop's data (otherwise there is nothing to lock). */
    public boolean protectedData() {
        return protectedData.get();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty protectedDataProperty() {
        return protectedData.getReadOnlyProperty();
    }

    /** A passcode was just set: the data is protected from now on, and the idle lock counts. */
    public void protectedNow() {
        protectedData.set(true);
        opened();
    }

    /** No idle lock while this says so (presenting a meeting). */
    public void holdWhile(java.util.function.BooleanSupplier held) {
        this.held = held;
    }

    /** 0 turns the idle lock off. */
    public void setIdleMinutes(int minutes) {
        idleMinutes = Math.max(0, minutes);
        cancelIdle();
        touched();
    }

    public int idleMinutes() {
        return idleMinutes;
    }

    /** Start with a passcode set (read off the FX thread by the caller): locked until it is typed. */
    public void lockAtStart() {
        protectedData.set(true);
        lock();
    }

    /** Locks now, when a passcode is set (start, Ctrl+Shift+L, the idle timer). */
    public void lock() {
        if (!protectedData.get() || state.get() != State.OPEN) return;
        cancelIdle();
        message.set("");
        state.set(State.LOCKED);
        refreshWait();
    }

    /**
     * A key press or a mouse move: the idle time starts again. Called on every mouse move, so it
     * only notes the time; the one pending timer, when it fires, waits again for what is left.
     */
    public void touched() {
        lastInput = scheduler.millis();
        if (state.get() != State.OPEN) return;
        if (idleMinutes <= 0 || !protectedData.get() || !unlockedOnce) {
            cancelIdle();
            return;
        }
        if (idle == null) idle = scheduler.after(Duration.ofMinutes(idleMinutes), this::idleCheck);
    }

    private void idleCheck() {
        idle = null;
        if (state.get() != State.OPEN || idleMinutes <= 0 || !protectedData.get()) return;
        long limit = Duration.ofMinutes(idleMinutes).toMillis();
        long quiet = scheduler.millis() - lastInput;
        if (quiet < limit) {
            idle = scheduler.after(Duration.ofMillis(limit - quiet), this::idleCheck);
        } else if (held.getAsBoolean()) {
            touched(); // presenting: look again a whole interval later
        } else {
            lock();
        }
    }

    /** Tries {@code code} (wiped afterwards, whatever the answer). */
    public void unlock(char[] code) {
        if (state.get() != State.LOCKED) {
            Arrays.fill(code, '\0');
            return;
        }
        state.set(State.CHECKING);
        message.set(messages.get("lock.checking"));
        runner.run(() -> {
            try {
                return passcode.unlock(code);
            } finally {
                Arrays.fill(code, '\0');
            }
        }, key -> {
            message.set("");
            wait.set(Duration.ZERO);
            boolean first = !unlockedOnce;
            unlockedOnce = true;
            // The key is handed over before the lock lifts: what waited for it (a sync held while
            // locked) must find the data's key in place.
            if (first) onFirstUnlock.accept(key);
            else key.close(); // the data is open already; this copy is not needed
            state.set(State.OPEN);
            touched();
        }, err -> {
            state.set(State.LOCKED);
            message.set(text(err));
            refreshWait();
        });
    }

    /** The passcode was forgotten and the data deleted: nothing left to lock, the window opens. */
    public void forgotten() {
        protectedData.set(false);
        cancelIdle();
        if (tick != null) tick.cancel();
        tick = null;
        unlockedOnce = true;
        message.set("");
        wait.set(Duration.ZERO);
        state.set(State.OPEN);
    }

    /** Marks the data as opened without the lock (no passcode set, or one set just now). */
    public void opened() {
        unlockedOnce = true;
        touched();
    }

    private void refreshWait() {
        if (tick != null) tick.cancel();
        tick = null;
        // The count of wrong tries is on disk: read off the FX thread.
        runner.run(passcode::waitBeforeNextTry, w -> {
            wait.set(w);
            if (!w.isZero() && state.get() == State.LOCKED) tick = scheduler.after(Duration.ofSeconds(1), this::refreshWait);
        }, e -> wait.set(Duration.ZERO));
    }

    private void cancelIdle() {
        if (idle != null) idle.cancel();
        idle = null;
    }

    private String text(Throwable e) {
        if (e instanceof PackException pe) return messages.english() ? pe.getMessage() : pe.vietnamese();
        return messages.get("lock.error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
