package vn.r57desk.store.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What went wrong in a sync, kept as a {@link Key} and its values rather than as a sentence, so that
 * the app can say it in its user's language (Vietnamese first) while the CLI, the log and
 * {@link SyncException#getMessage()} keep English. The sentences live in {@code sync-texts.properties}
 * (English) and {@code sync-texts_vi.properties}, beside this class; a test checks that both hold
 * every key with the same placeholders.
 *
 * <p>A value may itself be a {@code SyncText} or a {@link SyncException} (said in the same
 * language), an {@link EntityName} (the kind of data, named in that language; English keeps the
 * protocol's wire name, which is what a support person searches for), or anything else, shown as
 * is: a server's own words, an address, a number, a file, a driver's message.
 */
public record SyncText(Key key, List<Object> args) {

    /** One sentence or phrase each; see the properties files for the words. */
    public enum Key {
        // ---- the address, the connection, the server's answers ----
        NOT_HTTP, PLAIN_HTTP, CERTIFICATE_REFUSED, CERTIFICATE_NONE, CERTIFICATE_UNREADABLE,
        TLS_BROKE, TIMED_OUT, NO_ANSWER, CONNECTION_BROKE, ANSWER_NOT_JSON,
        REASON_REFUSED, REASON_UNKNOWN_HOST, REASON_NOT_HTTP, REASON_RESET, REASON_UNREACHABLE, REASON_OTHER, TOO_SLOW,
        NOT_SYNC_SERVER, NOT_SYNC_SERVER_PAGE, WHY_EMPTY, WHY_NOT_JSON, WHY_NOT_UTF8, WHY_NOT_OBJECT, WHY_NO_PROTOCOL, WHY_TOO_BIG,
        CURSOR_LOOPS, TOO_MANY_ROWS, EMPTY_PAGES,
        TOKEN_REFUSED, SERVER_SAID, PROTOCOL_TOO_NEW, PROTOCOL_REFUSED, SERVER_PROBLEM, REQUEST_REFUSED,
        CURSORS_REFUSED, GENERATION_MOVED, WRONG_KIND, SNAPSHOT_INCOMPLETE, SNAPSHOT_GENERATION,
        // ---- retries, cancelling, revocation ----
        GAVE_UP, GAVE_UP_ONCE, GAVE_UP_WAITING, SYNC_TOO_LONG, MINUTES, SECONDS, STEP_INFO, STEP_SNAPSHOT, STEP_CHANGES, STEP_OUTBOX, CANCELLED, INTERRUPTED,
        REVOKED_NOT_WIPED, REVOKED_WIPED, REVOKED_WIPED_UNSENT,
        // ---- the cache on this computer ----
        CACHE_FAILED, CACHE_WRITE, PAGE_WRITE, BOOTSTRAP_PREPARE, BOOTSTRAP_WRITE,
        DISK_FULL_BOOTSTRAP,
        // ---- a page refused whole: what was wrong with it ----
        PAGE_REFUSED, PAGE_CUT_OR_NOT_JSON, PAGE_NOT_OBJECT, PAGE_TRAILING, PAGE_NO_PROTOCOL,
        PAGE_NO_PROTOCOL_BEFORE_ROWS, PAGE_NO_BATCHES, PAGE_NO_TOTALS, PAGE_ROW_COUNT, PAGE_MORE_NO_CURSOR,
        NOT_WHOLE_NUMBER, NOT_TEXT, NOT_TRUE_FALSE, BATCHES_NOT_LIST, BATCHES_NOT_BATCH, FIELDS_NOT_LIST,
        FIELDS_NOT_NAME, ROWS_NOT_LIST, ROWS_BEFORE_HEADER, ROW_NOT_LIST, BAD_OP, LACKS_REQUIRED,
        SNAPSHOT_DELETES, CUT_IN_ROW, MORE_VALUES, VALUE_COUNT, TOO_LONG_SOMEWHERE, TOO_LONG_FIELD,
        FIELD_PROBLEM, IS_EXPECTED, NOT_FINITE, TEXT_TOO_LONG, MISSING, NOT_ALLOWED, UNKNOWN_REF,
        ROW_NOT_STORED, ROW_NOT_DELETED, ROWS_NOT_STORED, ROWS_NOT_DELETED,
        // ---- kinds of JSON value, for IS_EXPECTED ----
        JSON_TEXT, JSON_NUMBER, JSON_WHOLE_NUMBER, JSON_TRUE_FALSE, JSON_LIST, JSON_OBJECT
    }

    /** A kind of data (an entity's wire name), named in the language of the sentence. */
    public record EntityName(String name) {}

    public SyncText {
        args = java.util.Collections.unmodifiableList(java.util.Arrays.asList(args.toArray())); // values may be null
    }

    public static SyncText of(Key key, Object... args) {
        return new SyncText(key, java.util.Arrays.asList(args));
    }

    public static final Locale VIETNAMESE = Locale.of("vi");

    /** The sentence in {@code locale}: Vietnamese for "vi", English otherwise. */
    public String in(Locale locale) {
        boolean vi = locale != null && "vi".equals(locale.getLanguage());
        String template = (vi ? Words.VI : Words.EN).getProperty(key.name());
        if (template == null) template = Words.EN.getProperty(key.name(), key.name());
        StringBuilder b = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            int close = ch == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(template.substring(i + 1, close));
                b.append(n < args.size() ? say(args.get(n), locale, vi) : "");
                i = close;
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** English, as the CLI and the log say it. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }

    private static String say(Object v, Locale locale, boolean vi) {
        if (v instanceof SyncText t) return t.in(locale);
        if (v instanceof SyncException e) return e.message(locale);
        if (v instanceof EntityName n) return vi ? Words.VI.getProperty("entity." + n.name(), n.name()) : n.name();
        if (v instanceof Double || v instanceof Float) {
            String s = String.valueOf(v);
            return vi ? s.replace('.', ',') : s; // a decimal comma in Vietnamese
        }
        return String.valueOf(v);
    }

    /** The properties files, read once. Plain files rather than a ResourceBundle: no fallback to the machine's default locale. */
    static final class Words {
        static final Properties EN = load("sync-texts.properties");
        static final Properties VI = load("sync-texts_vi.properties");

        private static Properties load(String name) {
            Properties p = new Properties();
            try (InputStream in = SyncText.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException(name + " is missing from the build");
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        }
    }
}
