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
}
