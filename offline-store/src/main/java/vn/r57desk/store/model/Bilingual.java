package vn.r57desk.store.model;

import java.util.Locale;

/** A text in Vietnamese and English; every name in the data has both. */
public record Bilingual(String vi, String en) {
    public Bilingual {
        if (vi == null || en == null) throw new IllegalArgumentException("both languages are required");
    }

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : vi;
    }
}
