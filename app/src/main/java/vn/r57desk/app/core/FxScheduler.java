package vn.r57desk.app.core;

import java.time.Duration;

import javafx.animation.PauseTransition;

/** {@link Scheduler} on the FX thread: a pause transition, so nothing waits on a thread. */
public final class FxScheduler implements Scheduler {
    @Override
    public Pending after(Duration delay, Runnable action) {
        PauseTransition p = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
        p.setOnFinished(e -> action.run());
        p.play();
        return p::stop;
    }

    @Override
    public long millis() {
        return System.nanoTime() / 1_000_000;
    }
}
