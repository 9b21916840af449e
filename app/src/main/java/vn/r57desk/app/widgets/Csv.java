package vn.r57desk.app.widgets;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * CSV as spreadsheets expect it: UTF-8 with a byte-order mark (so Excel shows Vietnamese
 * correctly), comma-separated, RFC 4180 quoting. Written to a temporary file and moved into place,
 * so a failed export never leaves half a file where the user asked for one.
 */
public final class Csv {
    private Csv() {}

    public static void write(Path target, List<String> header, List<List<String>> rows) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write('\ufeff');
            line(w, header);
            for (List<String> r : rows) line(w, r);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
    }

    static String quote(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
