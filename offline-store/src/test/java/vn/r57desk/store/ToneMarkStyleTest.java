package vn.r57desk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One way of writing Vietnamese in every module, as the app's messages do (MessagesTest): the tone
 * mark on the first vowel of a final "oa", "oe", "uy" ("xóa", "khóa", "hủy"). The CLI's and the
 * packs' Vietnamese messages reach the user through the app ("Không xoá được khoá…" beside
 * "Xóa dữ liệu…" in one window, issue 22 item 14).
 */
class ToneMarkStyleTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern OLD_STYLE = Pattern.compile("(?<![qQ])(o[áàảãạ]|o[éèẻẽẹ]|u[ýỳỷỹỵ])(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Test
    void theSourcesWriteTheToneMarkOneWay() throws Exception {
        List<String> found = new ArrayList<>();
        for (String module : List.of("offline-store", "reference-server", "app")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    Matcher m = OLD_STYLE.matcher(text);
                    while (m.find()) found.add(ROOT.relativize(f) + ": …" + text.substring(Math.max(0, m.start() - 12), Math.min(text.length(), m.end() + 4)) + "…");
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
