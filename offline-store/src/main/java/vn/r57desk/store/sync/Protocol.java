package vn.r57desk.store.sync;

/** Constants of sync protocol 1; docs/sync-protocol.md is the full description. */
public final class Protocol {
    /** major.minor: a client accepts any minor of its major and refuses another major. */
    public static final String VERSION = "1.0";
    public static final int MAJOR = 1;
    public static final String BASE_PATH = "/v1";
    public static final String KIND_SNAPSHOT = "snapshot";
    public static final String KIND_DELTA = "delta";
    public static final String OP_UPSERT = "upsert";
    public static final String OP_DELETE = "delete";
    /**
     * Rows per page a client asks for; a server may send fewer and caps what it accepts. Each page
     * is a round trip in which client and server wait for each other (`bench sync`, national: 9.8 s
     * with pages of 50,000 rows, 7.0–7.2 s with 200,000). 200,000 rows are 2–4 MB gzipped, which
     * is also the most a sync killed mid-page downloads again.
     */
    public static final int DEFAULT_PAGE_ROWS = 200_000;
    public static final int MAX_PAGE_ROWS = 500_000;
    /** Outbox items per push, and the largest payload an item may carry. */
    public static final int OUTBOX_BATCH = 100;
    public static final int MAX_OUTBOX_PAYLOAD = 64 * 1024;
    /** What a client sends in one outbox push at most (payloads counted at 3 bytes a character). */
    public static final int MAX_OUTBOX_PUSH_BYTES = 1024 * 1024;

    private Protocol() {}

    /** The major version of a "major.minor" string, or -1 when it is not one. */
    public static int major(String version) {
        if (version == null) return -1;
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
