package vn.r57desk.app.core;

import java.time.Duration;

/** Runs something later, on the UI thread (the FX thread in the app; the test's own in tests). */
public interface Scheduler {
    /** What {@link #after} returns: cancels what has not run yet. */
    interface Pending {
        void cancel();
    }

    Pending after(Duration delay, Runnable action);

    /** This scheduler's clock, in milliseconds (only differences mean anything). */
    long millis();
}
