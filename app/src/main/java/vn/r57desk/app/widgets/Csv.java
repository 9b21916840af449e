package vn.r57desk.app.widgets;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;

/**
 * CSV as spreadsheets expect it: UTF-8 with a byte-order mark (so Excel shows Vietnamese
 * correctly), comma-separated, RFC 4180 quoting. Numbers are written unquoted with a dot before the
 * decimals and no grouping ("46.6", "1234"), whatever the window's language: a quoted "46,6" was
 * read as text. Written to a temporary file and moved into place, so a failed export never leaves
 * half a file where the user asked for one.
 */
public final class Csv {
    private Csv() {}

    public static void write(Path target, List<String> header, List<List<String>> rows) throws IOException {
        write(target, null, header, new java.util.ArrayList<List<Object>>(rows.stream().<List<Object>>map(java.util.ArrayList::new).toList()));
    }

    /**
     * {@code title} (null: none) is a first line of its own saying what the file holds and as of
     * when; then the header and the rows. A cell that is a {@link Number} is written as a number.
     */
    public static void write(Path target, String title, List<String> header, List<List<Object>> rows) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write('\ufeff');
            if (title != null) line(w, List.of(title));
            line(w, new java.util.ArrayList<>(header));
            for (List<Object> r : rows) line(w, r);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void line(Writer w, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            Object c = cells.get(i);
            w.write(c instanceof Number n ? plain(n) : quote(c == null ? null : c.toString()));
        }
        w.write("\r\n");
    }

    static String plain(Number n) {
        if (n instanceof Long || n instanceof Integer) return n.toString();
        return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
    }

    /**
     * The number a table shows as {@code shown} in {@code locale} ("46,6 %", "1.234", "–"), or the
     * empty text for none; text that is not a number stays text.
     */
    static Object number(String shown, Locale locale) {
        String s = shown == null ? "" : shown.strip();
        if (s.isEmpty() || s.equals("–")) return "";
        if (s.endsWith("%")) s = s.substring(0, s.length() - 1).strip();
        ParsePosition pos = new ParsePosition(0);
        Number n = NumberFormat.getNumberInstance(locale).parse(s.replace('\u00a0', ' '), pos);
        if (n == null || pos.getIndex() != s.length()) return shown;
        return n instanceof Long ? n : (Object) n.doubleValue();
    }

    static String quote(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
