package vn.r57desk.store.sync;

/**
 * A sync that could not finish, with what went wrong in words a user can act on. The cache is
 * always left at the last page that was applied whole.
 */
public final class SyncException extends Exception {
    public enum Problem {
        /** No connection, or it kept failing: retried with backoff, then given up. */
        NETWORK(true),
        /** The server kept answering with an error (5xx, 429). */
        SERVER(true),
        /** A body that was cut short or is not JSON: retried like a network fault. */
        BROKEN_BODY(true),
        /** A page that parses but breaks the rules (type, required field, reference, size): refused whole. */
        INVALID_PAGE(false),
        /** The server speaks another major version of the protocol. */
        INCOMPATIBLE(false),
        /** The token was refused (401). */
        UNAUTHORIZED(false),
        /** The device was revoked: its cache and outbox have been wiped. */
        REVOKED(false),
        /** Plain HTTP to a host that is not this machine, or a certificate that is not trusted. */
        INSECURE(false),
        /** The server refused the request as wrong (4xx other than the above). */
        REFUSED(false),
        /** The server's address is not an http:// or https:// address: nothing was sent. */
        BAD_ADDRESS(false),
        /** The user cancelled. */
        CANCELLED(false),
        /** The local cache could not be read or written. */
        CACHE(false);

        private final boolean transientFault;

        Problem(boolean transientFault) {
            this.transientFault = transientFault;
        }

        /** Worth another attempt after a pause. */
        public boolean isTransient() {
            return transientFault;
        }
    }

    private final Problem problem;
    private final SyncText text;
    private java.time.Duration retryAfter;

    public SyncException(Problem problem, SyncText text) {
        this(problem, text, null);
    }

    public SyncException(Problem problem, SyncText text, Throwable cause) {
        super(text.toString(), cause);
        this.problem = problem;
        this.text = text;
    }

    public SyncException(Problem problem, SyncText.Key key, Object... args) {
        this(problem, SyncText.of(key, args));
    }

    /** What went wrong, to be said in the user's language. */
    public SyncText text() {
        return text;
    }

    /** What went wrong in {@code locale}'s language (Vietnamese or English); {@link #getMessage()} is English. */
    public String message(java.util.Locale locale) {
        return text.in(locale);
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The technical detail behind the message, for a log or a support person: each cause's kind
     * and its own words (a parser's limits, a driver's message, a connection's exception). The
     * message itself names the problem in the user's words; null when there is nothing more.
     */
    public String detail() {
        StringBuilder b = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = getCause(); t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SyncException) continue; // its sentence is already in the message
            if (!b.isEmpty()) b.append("; caused by ");
            b.append(t.getClass().getName());
            if (t.getMessage() != null) b.append(": ").append(t.getMessage());
        }
        return b.isEmpty() ? null : b.toString();
    }

    /** How long the server asked to wait before trying again (Retry-After), or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    SyncException retryAfter(java.time.Duration d) {
        this.retryAfter = d;
        return this;
    }

    /**
     * What a {@link Problem#REVOKED revoked} device's wipe did: whether the cache and outbox are
     * gone, and how many notes or feedback items that were never sent went with them.
     */
    public record Revocation(boolean wiped, int unsentDeleted) {}

    private Revocation revocation;

    /** For {@link Problem#REVOKED}: what happened to this computer's data; null otherwise. */
    public Revocation revocation() {
        return revocation;
    }

    SyncException revocation(Revocation r) {
        this.revocation = r;
        return this;
    }
}
