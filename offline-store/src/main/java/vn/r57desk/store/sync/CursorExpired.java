package vn.r57desk.store.sync;

/**
 * The server no longer serves changes from the cache's cursor (a 410, or a delta page of another
 * generation): the sync bootstraps again. Carried as the cause of a {@link SyncException}.
 */
final class CursorExpired extends Exception {
    CursorExpired(String message) {
        super(message);
    }
}
