package vn.r57desk.app.sync;

import java.time.Duration;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import vn.r57desk.app.core.Scheduler;

/**
 * Keeps the figures current without being asked: when a server and a token are set, a sync at
 * start and then every {@link #interval} (15 minutes by default; 0 turns it off), quietly, through
 * the same {@link SyncViewModel} as Sync now, so the user stays on the page they read. While the
 * server fails, the wait doubles (up to {@link #MAX_BACKOFF} intervals) so a laptop off the network
 * does not knock every few minutes; a success brings it back to the interval. While the view-model
 * holds syncs ({@link SyncViewModel#holdWhile}: presenting in a meeting, the figures must not change
 * under the speaker) nothing starts; a sync that fell due meanwhile waits in the view-model, as one
 * asked for by hand does, and runs when the hold ends. One place holds syncs, not two.
 */
public final class AutoSync {
    /** The longest wait between attempts while the server fails, in intervals. */
    public static final int MAX_BACKOFF = 4;

    /** A server and the token that goes with it; empty strings when not set. */
    public record Credentials(String server, String token) {
        boolean complete() {
            return server != null && !server.isBlank() && token != null && !token.isBlank();
        }
    }

    /** When the next automatic sync is due, or why there is none. */
    public record Next(State state, Duration in) {}

    public enum State { OFF, NO_SERVER, WAITING, HELD, RUNNING }

    private final SyncViewModel vm;
    private final Scheduler scheduler;
    private final Supplier<Credentials> credentials;
    private final ReadOnlyObjectWrapper<Next> next = new ReadOnlyObjectWrapper<>(new Next(State.OFF, Duration.ZERO));
    private Duration interval;
    private int failures;
    private boolean mine;
    private Scheduler.Pending pending;

    public AutoSync(SyncViewModel vm, Scheduler scheduler, Supplier<Credentials> credentials, Duration interval) {
        this.vm = vm;
        this.scheduler = scheduler;
        this.credentials = credentials;
        this.interval = interval;
        vm.runningProperty().addListener((o, was, now) -> {
            if (was && !now) finished();
        });
        // Ours waiting for the hold to end, then running.
        vm.waitingForHoldProperty().addListener((o, was, now) -> {
            if (mine) next.set(new Next(now ? State.HELD : State.RUNNING, Duration.ZERO));
        });
    }

    /** When the next automatic sync comes (for the status bar and tests). */
    public ReadOnlyObjectProperty<Next> nextProperty() {
        return next.getReadOnlyProperty();
    }

    public Duration interval() {
        return interval;
    }

    /** Starts: a sync now (the figures as of today at start), then every interval. */
    public void start() {
        schedule(Duration.ZERO);
    }

    /** A new interval (0: off), from now; the off switch in the app. */
    public void setInterval(Duration d) {
        interval = d;
        failures = 0;
        schedule(interval);
    }

    /** The wait before the next attempt: the interval, doubled per failure in a row, at most {@link #MAX_BACKOFF} intervals. */
    Duration waitAfterFailures(int n) {
        long factor = Math.min(MAX_BACKOFF, 1L << Math.min(n, 16));
        return interval.multipliedBy(factor);
    }

    private void schedule(Duration delay) {
        if (pending != null) pending.cancel();
        pending = null;
        if (interval.isZero() || interval.isNegative()) {
            next.set(new Next(State.OFF, Duration.ZERO));
            return;
        }
        if (!credentials.get().complete()) {
            next.set(new Next(State.NO_SERVER, Duration.ZERO));
            return;
        }
        next.set(new Next(State.WAITING, delay));
        pending = scheduler.after(delay, this::fire);
    }

    private void fire() {
        pending = null;
        Credentials c = credentials.get();
        if (!c.complete()) {
            next.set(new Next(State.NO_SERVER, Duration.ZERO));
            return;
        }
        if (vm.runningProperty().get() || vm.waitingForHoldProperty().get()) {
            schedule(interval); // the user's own sync is under way or waiting: it counts
            return;
        }
        mine = true;
        next.set(new Next(State.RUNNING, Duration.ZERO));
        // while held, it waits in the view-model (State.HELD); without a passcode it is not
        // started (national data comes only under one) and the next try counts from now
        if (!vm.syncAutomatically(c.server(), c.token())) {
            mine = false;
            schedule(interval);
        }
    }

    /** Any sync ended (ours or the user's): the next one counts from now. */
    private void finished() {
        boolean ok = vm.lastSucceeded();
        if (mine || ok) failures = ok ? 0 : failures + 1;
        mine = false;
        schedule(ok ? interval : waitAfterFailures(failures));
    }
}
