package vn.r57desk.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir Path dir;

    @Test
    void writesUtf8WithBomAndQuotesWhatNeedsIt() throws Exception {
        Path f = dir.resolve("out.csv");
        Csv.write(f, List.of("Mã", "Tên"), List.of(List.of("01", "Hà Nội"), List.of("x", "a, \"b\"\nc")));
        byte[] bytes = Files.readAllBytes(f);
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF); // UTF-8 byte-order mark, for Excel
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).isEqualTo("Mã,Tên\r\n01,Hà Nội\r\nx,\"a, \"\"b\"\"\nc\"\r\n");
        assertThat(Files.exists(dir.resolve("out.csv.part"))).isFalse();
    }

    /**
     * Numbers are written as numbers a spreadsheet reads in any language: unquoted, a dot before
     * the decimals, no grouping, no "%" (a quoted "46,6" was read as text); a first line says what
     * the file holds and as of when.
     */
    @Test
    void numbersAreWrittenAsNumbersAfterALineSayingWhatAndWhen() throws Exception {
        java.util.Locale vi = java.util.Locale.of("vi", "VN");
        assertThat(Csv.number("46,6 %", vi)).isEqualTo(46.6);
        assertThat(Csv.number("1.234", vi)).isEqualTo(1234L);
        assertThat(Csv.number("–", vi)).isEqualTo("");
        assertThat(Csv.number("46.6 %", java.util.Locale.ENGLISH)).isEqualTo(46.6);
        assertThat(Csv.number("1,234", java.util.Locale.ENGLISH)).isEqualTo(1234L);
        assertThat(Csv.number("không phải số", vi)).isEqualTo("không phải số");
        Path f = dir.resolve("n.csv");
        Csv.write(f, "Tiến độ — số liệu tính đến 20/11/2026", List.of("Mã", "Tiến độ (%)"),
                List.of(List.<Object>of("S1", Csv.number("46,6 %", vi)), List.<Object>of("S2", Csv.number("1.234", vi))));
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).substring(1);
        assertThat(text).isEqualTo("Tiến độ — số liệu tính đến 20/11/2026\r\nMã,Tiến độ (%)\r\nS1,46.6\r\nS2,1234\r\n");
    }
}
