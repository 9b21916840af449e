package vn.r57desk.app.core;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * "The newest answer wins": background work whose result is dropped when newer work of the same
 * kind was asked for in the meantime (a screen the user already left, a search already retyped, a
 * count already asked again). Used from the FX thread only: the generation is not shared.
 */
public final class LatestOnly {
    private final TaskRunner runner;
    private long generation;

    public LatestOnly(TaskRunner runner) {
        this.runner = runner;
    }

    /** Runs {@code work} off the FX thread; {@code onDone} or {@code onError} only if nothing newer was asked since. */
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        long mine = ++generation;
        runner.run(work, r -> {
            if (mine == generation) onDone.accept(r);
        }, e -> {
            if (mine == generation) onError.accept(e);
        });
    }

    /** Drops the answer of whatever is under way: what it would show is no longer wanted. */
    public void forget() {
        generation++;
    }
}
