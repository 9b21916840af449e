package vn.r57desk.app.core;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way to run background work: {@code work} off the FX thread, then {@code onDone} or
 * {@code onError} on it. Tests use a same-thread runner so view-models run without a toolkit.
 */
public interface TaskRunner {
    <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** Runs {@code update} on the UI thread (progress of long work); the same thread in tests. */
    default void onUi(Runnable update) {
        update.run();
    }

    /** Runs everything on the calling thread (tests). */
    TaskRunner SAME_THREAD = new TaskRunner() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onError.accept(e);
                return;
            }
            onDone.accept(result);
        }
    };
}
