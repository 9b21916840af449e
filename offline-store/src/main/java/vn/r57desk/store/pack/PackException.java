package vn.r57desk.store.pack;

/**
 * A pack refused, or a pack operation that failed, with the reason in the user's words: Vietnamese
 * for the app ({@link #vietnamese()}), English for the CLI and logs ({@link #getMessage()}). When
 * a pack is refused nothing has been written: the laptop's data is as it was.
 */
public final class PackException extends Exception {
    /** Why; the CLI's exit code follows it, so scripts can tell the cases apart. */
    public enum Problem {
        /** Not a pack at all (wrong magic, unknown format version, too short). */
        NOT_A_PACK(10),
        /** The signature does not match: changed, cut short or reordered after signing. */
        TAMPERED(11),
        /** Signed by a key this laptop does not trust. */
        UNKNOWN_ISSUER(12),
        /** Past its expiry date. */
        EXPIRED(13),
        /** Older (lower sequence) than a pack already seen from the same issuer. */
        ROLLBACK(14),
        /** Neither this device's key nor a passphrase opens it. */
        NOT_FOR_THIS_DEVICE(15),
        WRONG_PASSPHRASE(16),
        /** This device is on the pack's revoked list: its data was wiped. */
        REVOKED(17),
        /** The signed content is not a valid snapshot (an issuer's bug, never an attacker's: it is signed). */
        BAD_CONTENT(18),
        /** A key file, the trust list, or the disk. */
        KEYS(19),
        IO(20),
        /** Data at rest: the passcode does not unwrap the data key ({@link Passcode}). */
        WRONG_PASSCODE(21),
        /** Data at rest: too many wrong passcodes; the next try must wait. */
        TRY_LATER(22),
        /** Data at rest: the data folder is encrypted and no passcode was given. */
        LOCKED(23);

        private final int exitCode;

        Problem(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Problem problem;
    private final String vietnamese;

    public PackException(Problem problem, String vietnamese, String english) {
        this(problem, vietnamese, english, null);
    }

    public PackException(Problem problem, String vietnamese, String english, Throwable cause) {
        super(english, cause);
        this.problem = problem;
        this.vietnamese = vietnamese;
    }

    public Problem problem() {
        return problem;
    }

    /** The reason in Vietnamese, for the app. */
    public String vietnamese() {
        return vietnamese;
    }
}
