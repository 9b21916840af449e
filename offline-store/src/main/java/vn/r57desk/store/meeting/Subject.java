package vn.r57desk.store.meeting;

import java.util.Locale;

/**
 * What an agenda item, a decision or a note is about, by its stable id: a kind and the row's code
 * ({@code initiative:SYS4-S2}, {@code locality:79}, {@code kpi:R57-01}). Codes survive a new
 * snapshot; row ids need not, so nothing the user writes is anchored to a row id.
 */
public record Subject(Kind kind, String code) {
    public enum Kind {
        SYSTEM("systems"), INITIATIVE("initiatives"), AGENCY("agencies"), LOCALITY("localities"), KPI("kpis");

        final String table;

        Kind(String table) {
            this.table = table;
        }

        /** As the schema writes it ({@code agenda_items.target_kind}). */
        public String db() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromDb(String s) {
            for (Kind k : values()) if (k.db().equals(s)) return k;
            throw new IllegalArgumentException("unknown subject kind '" + s + "': use system, initiative, agency, locality or kpi");
        }
    }

    public Subject {
        if (kind == null) throw new IllegalArgumentException("a subject needs a kind");
        if (code == null || code.isBlank()) throw new IllegalArgumentException("a subject needs a code");
    }

    /** {@code initiative:SYS4-S2} → the subject; a clear error for anything else. */
    public static Subject parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a subject: write KIND:CODE, e.g. initiative:SYS4-S2 or locality:79");
        }
        return new Subject(Kind.fromDb(text.substring(0, colon).trim()), text.substring(colon + 1).trim());
    }

    /** {@code initiative:SYS4-S2}. */
    public String key() {
        return kind.db() + ":" + code;
    }

    @Override
    public String toString() {
        return key();
    }
}
