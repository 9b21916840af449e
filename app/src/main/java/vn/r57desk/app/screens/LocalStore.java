package vn.r57desk.app.screens;

import java.util.function.Consumer;

import vn.r57desk.store.query.DrillDown;

/**
 * Work on the open data that writes to this laptop only (private notes, decisions recorded in a
 * meeting): run off the FX thread, answered on it. A sync that replaced the file in between makes
 * the work fail with a sentence saying so, never write into a closed file.
 */
public interface LocalStore {
    @FunctionalInterface
    interface Work<T> {
        T on(DrillDown dd) throws Exception;
    }

    <T> void run(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError);
}
