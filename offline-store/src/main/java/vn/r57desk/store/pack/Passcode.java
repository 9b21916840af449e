package vn.r57desk.store.pack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key hierarchy of data at rest (issue 24 item 5; docs/security.md, "Data at rest"): one random
 * 256-bit <b>data key</b> encrypts the laptop's data; it is stored only wrapped (AES-256-GCM) under a
 * key derived from the <b>passcode</b> the user sets (PBKDF2-HMAC-SHA256, 600,000 iterations, a
 * 16-byte random salt), in {@code keys/data.key} beside the data. Changing the passcode re-wraps the
 * same data key, so no data is re-encrypted.
 *
 * <p><b>A forgotten passcode cannot be recovered.</b> Nobody, the office included, holds a copy of
 * the data key. The only way back is to delete the local data ({@link #forgotten}: the synced cache
 * with its notes and outbox, the imported packs and this key) and sync again; private notes not yet
 * sent to the server are lost. The app must say so when the passcode is set.
 *
 * <p>A wrong passcode is refused. After {@value #FREE_TRIES} wrong tries in a row each further try
 * must wait: 30 s, then doubling up to 1 hour ({@link #waitBeforeNextTry}). The count and the time of
 * the last failure are kept in {@code keys/passcode-tries} (written before the answer is given), so
 * quitting or killing the app does not reset them. This slows a person at the keyboard; it does not
 * slow someone who copies {@code data.key} and guesses offline: only PBKDF2's cost and the
 * passcode's length do.
 */
public final class Passcode {
    /** Wrong tries allowed before a delay is imposed. */
    public static final int FREE_TRIES = 5;
    public static final int MIN_LENGTH = 8;
    static final int ITERATIONS = 600_000;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final String KEY_MAGIC = "R57-DATA-KEY";
    private static final String TRIES_MAGIC = "R57-PASSCODE-TRIES";
    private static final byte[] WRAP_AAD = "R57 data key 1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    private final Path triesFile;
    private final Clock clock;
    private final int iterations;

    /** The passcode of the data whose keys folder is {@code keysDir} ({@code keys/} beside the cache). */
    public static Passcode in(Path keysDir, Clock clock) {
        return new Passcode(keysDir, clock, ITERATIONS);
    }

    /** Tests: fewer iterations, so a test of many tries stays quick; the count is stored in the file. */
    static Passcode in(Path keysDir, Clock clock, int iterations) {
        return new Passcode(keysDir, clock, iterations);
    }

    private Passcode(Path keysDir, Clock clock, int iterations) {
        this.keyFile = keysDir.resolve("data.key");
        this.triesFile = keysDir.resolve("passcode-tries");
        this.clock = clock;
        this.iterations = iterations;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** Whether a passcode (and so a data key) exists. */
    public boolean isSet() {
        return Files.isRegularFile(keyFile);
    }

    /**
     * First use: makes a random data key, wraps it under {@code passcode}, writes {@code data.key}
     * atomically and returns the key. Refused when a passcode is already set (use {@link #change}).
     */
    public DataKey set(char[] passcode) throws PackException {
        if (isSet()) {
            throw new PackException(PackException.Problem.KEYS, "Mật mã đã được đặt; hãy dùng “Đổi mật mã”.",
                    "A passcode is already set; change it instead");
        }
        checkStrength(passcode);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        write(key, passcode);
        KeyFiles.writeAtomically(triesFile, tries(0, null), false);
        return new DataKey(key);
    }

    /**
     * Unlocks: the data key if {@code passcode} is right. A wrong passcode is counted (on disk, before
     * the answer) and refused with {@link PackException.Problem#WRONG_PASSCODE}; a try before the
     * delay has passed is refused with {@link PackException.Problem#TRY_LATER} without being checked.
     */
    public DataKey unlock(char[] passcode) throws PackException {
        if (!isSet()) {
            throw new PackException(PackException.Problem.KEYS, "Chưa đặt mật mã cho dữ liệu trên máy này.", "No passcode is set for this laptop's data");
        }
        Duration wait = waitBeforeNextTry();
        if (!wait.isZero()) {
            long s = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            throw new PackException(PackException.Problem.TRY_LATER, "Đã nhập sai mật mã nhiều lần. Hãy thử lại sau " + s + " giây.",
                    "Too many wrong passcodes. Try again in " + s + " s");
        }
        Tries t = readTries();
        byte[] key = tryUnwrap(passcode);
        if (key == null) {
            KeyFiles.writeAtomically(triesFile, tries(t.failures + 1, clock.instant()), false);
            int left = FREE_TRIES - (t.failures + 1);
            throw new PackException(PackException.Problem.WRONG_PASSCODE,
                    "Sai mật mã." + (left > 0 ? " Còn " + left + " lần thử trước khi phải chờ." : ""),
                    "Wrong passcode" + (left > 0 ? " (" + left + " tries left before a delay)" : ""));
        }
        if (t.failures != 0) KeyFiles.writeAtomically(triesFile, tries(0, null), false);
        return new DataKey(key);
    }

    /** Re-wraps the same data key under {@code newPasscode}; the old one must be right (counted like {@link #unlock}). */
    public void change(char[] oldPasscode, char[] newPasscode) throws PackException {
        checkStrength(newPasscode);
        try (DataKey k = unlock(oldPasscode)) {
            write(k.bytes(), newPasscode);
        }
    }

    /** How long the next try must wait: zero for the first {@value #FREE_TRIES} wrong tries, then 30 s doubling to 1 h. */
    public Duration waitBeforeNextTry() throws PackException {
        Tries t = readTries();
        if (t.failures < FREE_TRIES || t.last == null) return Duration.ZERO;
        int doublings = Math.min(t.failures - FREE_TRIES, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        if (delay.compareTo(MAX_DELAY) > 0) delay = MAX_DELAY;
        Instant now = clock.instant();
        if (now.isBefore(t.last)) {
            // The clock was set back: the delay restarts now, rather than lasting until the clock
            // catches up with the recorded failure (which could be days).
            KeyFiles.writeAtomically(triesFile, tries(t.failures, now), false);
            return delay;
        }
        Duration left = Duration.between(now, t.last.plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Wrong tries in a row so far. */
    public int failures() throws PackException {
        return readTries().failures;
    }

    /**
     * A forgotten passcode: deletes (overwriting first) the synced cache with its notes and outbox,
     * every imported pack, the demo data (encrypted under the lost key; the app makes it again), the
     * wrapped data key and the count of tries, and the device key when it was wrapped under the lost
     * data key (a new one is needed: pack keygen); trusted issuers stay. Then the user sets a new
     * passcode and syncs again.
     */
    public void forgotten(DataHome home) throws PackException {
        home.wipeAll(false);
        try {
            // The demo data is public, but it was encrypted under the forgotten key: the app makes it again.
            for (String s : new String[] {"", "-wal", "-shm", "-journal"}) DataHome.shred(home.root().resolve("demo-cache.db" + s));
            // A device key wrapped under the lost data key is lost with it: this laptop needs a new
            // one (pack keygen), which the office must be given before it sends packs again.
            Path device = home.keys().deviceKeyFile();
            if (Files.exists(device) && !DeviceKey.isPlaintext(device)) {
                DataHome.shred(device);
                DataHome.shred(home.keys().devicePublicFile());
            }
            DataHome.shred(keyFile);
            DataHome.shred(triesFile);
        } catch (java.io.IOException e) {
            throw new PackException(PackException.Problem.IO, "Không xóa được khóa dữ liệu.", "Cannot delete the data key: " + e.getMessage(), e);
        }
    }

    private static void checkStrength(char[] passcode) throws PackException {
        if (passcode == null || passcode.length < MIN_LENGTH) {
            throw new PackException(PackException.Problem.KEYS, "Mật mã cần ít nhất " + MIN_LENGTH + " ký tự.",
                    "The passcode needs at least " + MIN_LENGTH + " characters");
        }
    }

    private void write(byte[] dataKey, char[] passcode) throws PackException {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        byte[] kek = derive(passcode, salt, iterations);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(WRAP_AAD);
            byte[] wrapped = c.doFinal(dataKey);
            Base64.Encoder b64 = Base64.getEncoder();
            String text = KEY_MAGIC + " 1\n"
                    + "# The key of this laptop's data, wrapped under the passcode. Forgotten passcode: delete the data and sync again.\n"
                    + "kdf PBKDF2WithHmacSHA256\niterations " + iterations + "\nsalt " + b64.encodeToString(salt)
                    + "\nnonce " + b64.encodeToString(nonce) + "\nwrapped " + b64.encodeToString(wrapped) + "\n";
            KeyFiles.writeAtomically(keyFile, text.getBytes(StandardCharsets.UTF_8), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The data key, or null when the passcode is wrong (the wrap's tag fails). */
    private byte[] tryUnwrap(char[] passcode) throws PackException {
        Map<String, String> f = KeyFiles.readFields(keyFile, KEY_MAGIC);
        byte[] salt, nonce, wrapped;
        int n;
        try {
            if (!"PBKDF2WithHmacSHA256".equals(KeyFiles.need(keyFile, f, "kdf"))) throw new IllegalArgumentException("unknown kdf");
            n = Integer.parseInt(KeyFiles.need(keyFile, f, "iterations"));
            salt = Base64.getDecoder().decode(KeyFiles.need(keyFile, f, "salt"));
            nonce = Base64.getDecoder().decode(KeyFiles.need(keyFile, f, "nonce"));
            wrapped = Base64.getDecoder().decode(KeyFiles.need(keyFile, f, "wrapped"));
            if (n < 10_000 || n > 20_000_000 || salt.length < 16 || nonce.length != 12 || wrapped.length != 48) throw new IllegalArgumentException("out of range");
        } catch (IllegalArgumentException e) {
            throw new PackException(PackException.Problem.KEYS, "Tệp khóa dữ liệu " + keyFile + " bị hỏng.", "The data key file " + keyFile + " is damaged (" + e.getMessage() + ")");
        }
        byte[] kek = derive(passcode == null ? new char[0] : passcode, salt, n);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(WRAP_AAD);
            return c.doFinal(wrapped);
        } catch (AEADBadTagException wrong) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** PBKDF2-HMAC-SHA256, the JDK's result computed about three times faster in the app's C1-only JVM ({@link Pbkdf2}). */
    private static byte[] derive(char[] passcode, byte[] salt, int iterations) {
        return Pbkdf2.derive(passcode, salt, iterations);
    }

    private record Tries(int failures, Instant last) {}

    private Tries readTries() throws PackException {
        if (!Files.exists(triesFile)) return new Tries(0, null);
        try {
            Map<String, String> f = KeyFiles.readFields(triesFile, TRIES_MAGIC);
            int n = Integer.parseInt(f.getOrDefault("failures", "0"));
            String last = f.get("last");
            return new Tries(Math.max(0, n), last == null || last.isEmpty() ? null : Instant.parse(last));
        } catch (PackException | NumberFormatException | DateTimeParseException e) {
            // Damaged (or edited): the threshold reached now, never a fresh start. Written back, so
            // the delay runs from this moment instead of restarting at every read.
            Tries t = new Tries(FREE_TRIES, clock.instant());
            KeyFiles.writeAtomically(triesFile, tries(t.failures, t.last), false);
            return t;
        }
    }

    private static byte[] tries(int failures, Instant last) {
        return (TRIES_MAGIC + " 1\nfailures " + failures + "\nlast " + (last == null ? "" : last.toString()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The data key in memory; {@link #close} overwrites it. Hand {@link #bytes} to the storage layer only. */
    public static final class DataKey implements AutoCloseable {
        private final byte[] key;
        private boolean closed;

        DataKey(byte[] key) {
            this.key = key;
        }

        /** The 32 bytes (a copy). */
        public synchronized byte[] bytes() {
            if (closed) throw new IllegalStateException("the data key was closed (the app is locked)");
            return key.clone();
        }

        /** The key as 64 hex digits, the form SQLite3 Multiple Ciphers takes as a raw key. */
        public synchronized String hex() {
            byte[] b = bytes();
            try {
                return java.util.HexFormat.of().formatHex(b);
            } finally {
                Arrays.fill(b, (byte) 0);
            }
        }

        @Override
        public synchronized void close() {
            Arrays.fill(key, (byte) 0);
            closed = true;
        }
    }

}
