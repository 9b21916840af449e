package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A sync's failure in both languages: every sentence in both files, with the same values. */
class SyncTextTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    private static Set<String> placeholders(String template) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyKeyHasBothLanguagesWithTheSameValues() {
        for (SyncText.Key k : SyncText.Key.values()) {
            String en = SyncText.Words.EN.getProperty(k.name());
            String vi = SyncText.Words.VI.getProperty(k.name());
            assertThat(en).as("English " + k).isNotBlank();
            assertThat(vi).as("Vietnamese " + k).isNotBlank();
            assertThat(placeholders(vi)).as(k + " values").isEqualTo(placeholders(en));
        }
    }

    @Test
    void theFilesHoldNoSentenceThatNothingSays() {
        Set<String> keys = new TreeSet<>();
        for (SyncText.Key k : SyncText.Key.values()) keys.add(k.name());
        assertThat(SyncText.Words.EN.stringPropertyNames()).isEqualTo(keys);
        Set<String> vi = new TreeSet<>(SyncText.Words.VI.stringPropertyNames());
        vi.removeIf(k -> k.startsWith("entity."));
        assertThat(vi).isEqualTo(keys);
    }

    @Test
    void everyKindOfDataHasAVietnameseName() {
        for (Entity e : Entities.all()) {
            assertThat(SyncText.Words.VI.getProperty("entity." + e.name())).as(e.name()).isNotBlank();
        }
    }

    @Test
    void nestedSentencesKindsOfDataAndNumbersAreSaidInTheSameLanguage() {
        SyncException timedOut = new SyncException(SyncException.Problem.NETWORK,
                SyncText.of(SyncText.Key.TIMED_OUT, "may-chu.example:443", 12.5));
        SyncText gaveUp = SyncText.of(SyncText.Key.GAVE_UP, SyncText.of(SyncText.Key.STEP_CHANGES), 6, timedOut);
        assertThat(gaveUp.in(Locale.ENGLISH)).isEqualTo("Downloading changes failed 6 times; giving up for now. Last error:"
                + " may-chu.example:443 did not answer within 12.5 s (timed out). The cache keeps everything received so far;"
                + " the next sync continues from there.");
        assertThat(gaveUp.in(SyncText.VIETNAMESE)).isEqualTo("Tải các thay đổi không thành sau 6 lần; tạm dừng. Lỗi cuối cùng:"
                + " may-chu.example:443 không trả lời trong 12,5 giây (quá thời gian chờ). Bộ nhớ đệm giữ mọi dữ liệu đã nhận;"
                + " lần đồng bộ sau sẽ tiếp tục từ đó.");
        assertThat(new SyncException(SyncException.Problem.SERVER, gaveUp).getMessage()).isEqualTo(gaveUp.in(Locale.ENGLISH));

        SyncText cut = SyncText.of(SyncText.Key.CUT_IN_ROW, new SyncText.EntityName("observation"));
        assertThat(cut.in(Locale.ENGLISH)).isEqualTo("The page was cut short inside a row of observation");
        assertThat(cut.in(SyncText.VIETNAMESE)).isEqualTo("Trang dữ liệu bị cắt ngắn giữa một dòng số liệu chỉ tiêu");
        // a kind this version does not know keeps its wire name
        assertThat(SyncText.of(SyncText.Key.CUT_IN_ROW, new SyncText.EntityName("budget_line")).in(SyncText.VIETNAMESE))
                .endsWith("một dòng budget_line");
    }

    @Test
    void anyOtherLanguageIsEnglishAndAServersOwnWordsAreKeptAsSent() {
        SyncText t = SyncText.of(SyncText.Key.SERVER_PROBLEM, "database is locked {0}");
        assertThat(t.in(Locale.FRENCH)).isEqualTo("The server had a problem: database is locked {0}");
        assertThat(t.in(SyncText.VIETNAMESE)).isEqualTo("Máy chủ gặp sự cố: database is locked {0}");
        assertThat(SyncText.of(SyncText.Key.SERVER_PROBLEM, (Object) null).in(Locale.ENGLISH)).endsWith(": null");
    }
}
