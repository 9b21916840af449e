package vn.r57desk.store.pack;

import java.util.Locale;

/**
 * What part of the data a pack holds: everything, one system, one ministry (or any agency), one
 * province (with its communes), or one meeting's agenda and what its pages need. Written as
 * {@code all}, {@code system:SYS2}, {@code ministry:MOST}, {@code province:79}, {@code meeting:3}.
 */
public record PackScope(Kind kind, String code) {
    public enum Kind { ALL, SYSTEM, MINISTRY, PROVINCE, MEETING }

    public static final PackScope ALL = new PackScope(Kind.ALL, "");

    public PackScope {
        if (kind == Kind.ALL) code = "";
        else if (code == null || code.isBlank()) throw new IllegalArgumentException("a " + kind.name().toLowerCase(Locale.ROOT) + " scope needs a code");
    }

    /** Parses "all" or "kind:code"; the error names what is accepted. */
    public static PackScope parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("all")) return ALL;
        int colon = t.indexOf(':');
        Kind k = null;
        if (colon > 0) {
            try {
                k = Kind.valueOf(t.substring(0, colon).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // said below
            }
        }
        if (k == null || k == Kind.ALL || colon == t.length() - 1) {
            throw new IllegalArgumentException("unknown scope '" + text + "': use all, system:CODE, ministry:CODE, province:CODE or meeting:ID");
        }
        return new PackScope(k, t.substring(colon + 1).strip());
    }

    /** The form {@link #parse} reads. */
    public String text() {
        return kind == Kind.ALL ? "all" : kind.name().toLowerCase(Locale.ROOT) + ":" + code;
    }
}
