package vn.r57desk.store.text;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

/**
 * Vietnamese text helpers: folding for search that ignores diacritics ("ha noi" finds "Hà Nội"),
 * and the collation that sorts names the way a Vietnamese reader expects.
 */
public final class VietnameseText {
    public static final Locale VI = Locale.forLanguageTag("vi-VN");

    private VietnameseText() {}

    /** Lower case, no diacritics; đ/Đ become d (Unicode decomposition does not split them). */
    public static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (Character.getType(ch) == Character.NON_SPACING_MARK) continue;
            if (ch == 'đ') ch = 'd';
            else if (ch == 'Đ') ch = 'D';
            b.append(ch);
        }
        return b.toString();
    }

    /** Folded and lower-cased, for matching. */
    public static String searchKey(String s) {
        return fold(s).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /** True when every word of the query occurs in the text, ignoring case and diacritics. */
    public static boolean matches(String text, String query) {
        String t = searchKey(text);
        for (String word : searchKey(query).split(" ")) if (!word.isEmpty() && !t.contains(word)) return false;
        return true;
    }

    /** Vietnamese alphabetical order (a ă â b c d đ e ê …). */
    public static Comparator<String> collator() {
        Collator c = Collator.getInstance(VI);
        c.setStrength(Collator.SECONDARY);
        return c::compare;
    }
}
