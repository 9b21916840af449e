package vn.r57desk.store.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;

/** The handout of the demo's Q4 meeting, read back with PDFBox's own text extraction. */
class HandoutPdfTest {
    @TempDir Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-04T09:15:00Z"), ZoneOffset.UTC);

    @Test
    void theVietnameseHandoutHasItsTextWithDiacriticsPageNumbersAndTheAsOfDateOnEveryPage() throws Exception {
        Path out = dir.resolve("q4.pdf");
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            HandoutPdf.Result r = HandoutPdf.write(cache, 1, out,
                    new HandoutPdf.Options(Locale.forLanguageTag("vi-VN"), "Nguyễn Thị Minh Khai", clock, LocalDate.of(2026, 12, 6)));
            assertThat(r.items()).isEqualTo(6);
            assertThat(r.pages()).isGreaterThanOrEqualTo(2 + 6);
        }
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            int n = doc.getNumberOfPages();
            PDFTextStripper strip = new PDFTextStripper();
            String all = strip.getText(doc).replaceAll("\\s+", " "); // a title may wrap
            // NFC text with its diacritics, as the reader types it
            assertThat(all).contains("Phiên họp Ban Chỉ đạo Trung ương quý IV/2026", "Mục lục", "Trí tuệ nhân tạo quốc gia",
                    "Thành phố Hồ Chí Minh", "Tình trạng", "Lý do", "Nhiệm vụ quá hạn", "Kết luận và nhiệm vụ của các phiên họp trước",
                    "Bộ Khoa học và Công nghệ", "08:30", "05/12/2026", "Lập lúc", "16:15 04/12/2026");
            assertThat(java.text.Normalizer.isNormalized(all, java.text.Normalizer.Form.NFC)).isTrue();
            assertThat(all).doesNotContain("?");
            for (int p = 1; p <= n; p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                String page = strip.getText(doc);
                assertThat(page).as("page %d", p).contains("Trang " + p + "/" + n).contains("Số liệu đến ngày 20/11/2026")
                        .contains("Bản của Nguyễn Thị Minh Khai");
            }
            // the contents page names each item with the page its section starts on
            strip.setStartPage(2);
            strip.setEndPage(2);
            assertThat(strip.getText(doc)).contains("1. Tình hình thực hiện các nhiệm vụ quá hạn 3").contains("6. Bộ Công an");
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children()).hasSize(7);
            // Noto Sans embedded (a subset), nothing else
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertThat(f.getName()).contains("NotoSans");
                    assertThat(f.isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void theEnglishHandoutAndABadMeetingId() throws Exception {
        Path out = dir.resolve("q4-en.pdf");
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            HandoutPdf.write(cache, 2, out, new HandoutPdf.Options(Locale.UK, "A. Reader", clock, LocalDate.of(2026, 12, 6)));
            Path bad = dir.resolve("bad.pdf");
            assertThatThrownBy(() -> HandoutPdf.write(cache, 404, bad, new HandoutPdf.Options(Locale.UK, "x", clock, LocalDate.of(2026, 12, 6))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no meeting has the id 404");
            assertThat(bad).doesNotExist();
            assertThat(dir.resolve("bad.pdf.writing")).doesNotExist();
        }
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String all = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(all).contains("Briefing on data infrastructure", "Contents", "Status", "Why:", "Data as of 20/11/2026", "Copy of A. Reader",
                    "Page 1/" + doc.getNumberOfPages(), "Trajectory to the target", "Better than at the meeting of 22/10/2026");
        }
        assertThat(Files.size(out)).isLessThan(5L * 1024 * 1024);
    }
}
