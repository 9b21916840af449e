package vn.r57desk.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class LatestOnlyTest {
    /** Holds each piece of work until the test finishes it, in any order. */
    static final class Held implements TaskRunner {
        final List<Runnable> finish = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
            finish.add(() -> {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    onError.accept(e);
                }
            });
        }
    }

    @Test
    void anOlderAnswerArrivingLateIsDropped() {
        Held runner = new Held();
        LatestOnly latest = new LatestOnly(runner);
        List<String> shown = new ArrayList<>();
        latest.run(() -> "old", shown::add, e -> shown.add("error"));
        latest.run(() -> "new", shown::add, e -> shown.add("error"));
        runner.finish.get(1).run();
        runner.finish.get(0).run(); // late
        assertThat(shown).containsExactly("new");
    }

    @Test
    void anErrorOfStaleWorkIsDroppedTooAndForgetDropsWhatIsUnderWay() {
        Held runner = new Held();
        LatestOnly latest = new LatestOnly(runner);
        List<String> shown = new ArrayList<>();
        latest.<String>run(() -> { throw new IllegalStateException("gone"); }, shown::add, e -> shown.add("error"));
        latest.forget();
        runner.finish.get(0).run();
        assertThat(shown).isEmpty();
        latest.run(() -> "now", shown::add, e -> shown.add("error"));
        runner.finish.get(1).run();
        assertThat(shown).containsExactly("now");
    }
}
