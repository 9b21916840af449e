package vn.r57desk.app.core;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.concurrent.Task;
import vn.r57desk.app.theme.Styles;

/** Background work on a small daemon pool; results come back on the FX thread through javafx.concurrent. */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, Styles.BACKGROUND);
        t.setDaemon(true);
        return t;
    });

    @Override
    public void onUi(Runnable update) {
        javafx.application.Platform.runLater(update);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        pool.execute(task);
    }
}
