package vn.r57desk.store.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "PDF of this view" from synthetic screen slices, read back with PDFBox. */
class ViewPdfTest {
    @TempDir Path dir;
    /** 06:15 UTC, 13:15 in Vietnam: the PDF says Vietnam's time whatever the laptop's zone. */
    static final ZonedDateTime GENERATED = ZonedDateTime.of(2026, 12, 6, 6, 15, 0, 0, ZoneId.of("UTC"));

    static ViewPdf.Meta meta(Locale lang) {
        return new ViewPdf.Meta("Bộ Khoa học và Công nghệ: chỉ tiêu kinh tế số", List.of("Tổng quan", "Bộ, ngành", "Bộ Khoa học và Công nghệ"),
                LocalDate.of(2026, 11, 20), "Dữ liệu minh họa của R57 Desk (scale national, seed 57)", true, "Nguyễn Thị Hà", lang, GENERATED);
    }

    /** A slice with a 1-pixel black grid every 10 pixels on white: what a screen of text looks like to the encoder. */
    static ViewPdf.Slice slice(int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = x % 10 == 0 || y % 10 == 0 ? 0xFF000000 : 0xFFFFFFFF;
        return new ViewPdf.Slice(w, h, px);
    }

    /** Slices of a view {@code cssHeight} screen pixels tall, cut as {@link ViewPdf#breaks} says. */
    static List<ViewPdf.Slice> slices(ViewPdf.Layout l, double cssHeight) {
        List<Double> cuts = ViewPdf.breaks(cssHeight, List.of(), l);
        List<ViewPdf.Slice> out = new ArrayList<>();
        for (int i = 1; i < cuts.size(); i++) {
            out.add(slice((int) Math.round(l.cssWidth() * l.scale()), (int) Math.round((cuts.get(i) - cuts.get(i - 1)) * l.scale())));
        }
        return out;
    }

    /** Each image drawn on a page, with its resolution on paper (pixels over the points it covers, times 72). */
    static List<double[]> imageDpi(PDDocument doc, PDPage page) throws IOException {
        List<double[]> found = new ArrayList<>();
        new PDFStreamEngine() {
            {
                addOperator(new org.apache.pdfbox.contentstream.operator.state.Concatenate(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.state.Save(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.state.Restore(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.state.SetMatrix(this));
            }

            @Override
            protected void processOperator(Operator op, List<COSBase> operands) throws IOException {
                if ("Do".equals(op.getName()) && getResources().getXObject((COSName) operands.getFirst()) instanceof PDImageXObject img) {
                    var m = getGraphicsState().getCurrentTransformationMatrix();
                    found.add(new double[] {img.getWidth() / (m.getScalingFactorX() / 72), img.getHeight() / (m.getScalingFactorY() / 72),
                            m.getTranslateY(), m.getTranslateY() + m.getScalingFactorY(), m.getScalingFactorX()});
                } else {
                    super.processOperator(op, operands);
                }
            }
        }.processPage(page);
        return found;
    }

    @Test
    void aWideViewOnLandscapePagesWithItsTitleBlockFootersWatermarkAndSharpImages() throws Exception {
        ViewPdf.Layout l = ViewPdf.layout(1100);
        assertThat(l.landscape()).isTrue();
        assertThat(l.scale()).isGreaterThanOrEqualTo(ViewPdf.MIN_SCALE);
        assertThat(l.dpi()).isGreaterThanOrEqualTo(200);
        List<ViewPdf.Slice> slices = slices(l, 2400);
        assertThat(slices).hasSizeGreaterThanOrEqualTo(3);
        Path out = dir.resolve("Bộ Khoa học.pdf");
        ViewPdf.Result r = ViewPdf.write(out, meta(Locale.forLanguageTag("vi-VN")), l, slices);
        assertThat(r.pages()).isEqualTo(slices.size());
        assertThat(Files.list(dir).toList()).as("no temporary file left").containsExactly(out.toAbsolutePath());

        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            int n = doc.getNumberOfPages();
            assertThat(n).isEqualTo(slices.size());
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Bộ Khoa học và Công nghệ: chỉ tiêu kinh tế số");
            PDFTextStripper strip = new PDFTextStripper();
            strip.setStartPage(1);
            strip.setEndPage(1);
            String first = strip.getText(doc).replaceAll("\\s+", " ");
            assertThat(first).contains("PDF của màn hình này", "Bộ Khoa học và Công nghệ: chỉ tiêu kinh tế số",
                    "Tổng quan › Bộ, ngành › Bộ Khoa học và Công nghệ", "Số liệu đến ngày 20/11/2026",
                    "Nguồn: Dữ liệu minh họa của R57 Desk", "DỮ LIỆU MINH HỌA", "Lập lúc 13:15 06/12/2026 (giờ Việt Nam)");
            assertThat(java.text.Normalizer.isNormalized(first, java.text.Normalizer.Form.NFC)).isTrue();
            for (int p = 1; p <= n; p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                String page = strip.getText(doc).replaceAll("\\s+", " ");
                assertThat(page).as("page %d", p).contains("Trang " + p + "/" + n, "Số liệu đến ngày 20/11/2026");
                // the watermark (whose copy, when): diagonal, so the extraction spaces its letters unevenly
                assertThat(page.replace(" ", "")).as("page %d", p).contains("BảncủaNguyễnThịHà·06/12/202613:15");
                PDPage pg = doc.getPage(p - 1);
                assertThat(pg.getMediaBox().getWidth()).isGreaterThan(pg.getMediaBox().getHeight());
                List<double[]> images = imageDpi(doc, pg);
                assertThat(images).as("page %d has the view's slice", p).hasSize(1);
                assertThat(images.getFirst()[0]).isGreaterThanOrEqualTo(200);
                assertThat(images.getFirst()[1]).isGreaterThanOrEqualTo(200);
            }
        }
    }

    @Test
    void aNarrowViewInEnglishOnPortraitPagesStillPrintsAt200DpiOrMore() throws Exception {
        ViewPdf.Layout l = ViewPdf.layout(520);
        assertThat(l.landscape()).isFalse();
        assertThat(l.scale()).isGreaterThan(ViewPdf.MIN_SCALE); // a narrow view needs more pixels for the same sharpness
        Path out = dir.resolve("view.pdf");
        ViewPdf.write(out, meta(Locale.UK), l, slices(l, 500));
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("PDF of this view", "Data as of 20/11/2026", "DEMO DATA", "Page 1/1", "Copy of Nguyễn Thị Hà");
            assertThat(imageDpi(doc, doc.getPage(0)).getFirst()[0]).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void aPageThatStartsInsideATableRepeatsItsColumnTitlesAboveTheRowsAtTheSameScale() throws Exception {
        ViewPdf.Layout l = ViewPdf.layout(1000);
        List<ViewPdf.Slice> slices = slices(l, l.firstPage() + l.page() * 0.6);
        int w = slices.getFirst().width();
        ViewPdf.Slice header = slice(w, (int) Math.round(30 * l.scale()));
        Path out = dir.resolve("table.pdf");
        ViewPdf.writePages(out, meta(Locale.UK), l, List.of(new ViewPdf.Page(slices.get(0), null), new ViewPdf.Page(slices.get(1), header)));
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(imageDpi(doc, doc.getPage(0))).hasSize(1);
            List<double[]> second = imageDpi(doc, doc.getPage(1));
            assertThat(second).hasSize(2);
            double[] titles = second.get(0), rows = second.get(1);
            assertThat(titles[2]).as("the titles sit right on the rows").isCloseTo(rows[3], org.assertj.core.data.Offset.offset(0.01));
            assertThat(titles[4]).as("as wide as the rows: the columns line up").isCloseTo(rows[4], org.assertj.core.data.Offset.offset(0.01));
            assertThat(titles[0]).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void pagesEndAboveALineOrRowThatWouldBeCutAndCutATallChartOnlyWhenItMustBe() {
        ViewPdf.Layout l = ViewPdf.layout(1000);
        double first = l.firstPage(), page = l.page();
        // a row crossing the first page's bottom: the page ends above it
        List<Double> cuts = ViewPdf.breaks(first * 2, List.of(new double[] {first - 10, first + 10}, new double[] {first - 30, first - 12}), l);
        assertThat(cuts.get(1)).isEqualTo(Math.floor(first - 10));
        assertThat(cuts.getLast()).isEqualTo(first * 2);
        // overlapping atoms (a chart and its labels) count as one
        cuts = ViewPdf.breaks(first * 2, List.of(new double[] {first - 40, first - 5}, new double[] {first - 6, first + 20}), l);
        assertThat(cuts.get(1)).isEqualTo(Math.floor(first - 40));
        // a chart taller than a page, starting near the top: cut where the page ends
        cuts = ViewPdf.breaks(first + page * 2, List.of(new double[] {10, first + page * 1.5}), l);
        assertThat(cuts.get(1)).isEqualTo(first);
        // what fits on one page is one page
        assertThat(ViewPdf.breaks(first - 1, List.of(), l)).containsExactly(0.0, first - 1);
        // a heading right above the row that moves goes with it; a plain line does not
        List<double[]> withHeading = List.of(new double[] {first - 60, first - 40, 1}, new double[] {first - 30, first + 200});
        assertThat(ViewPdf.breaks(first * 2, withHeading, l).get(1)).isEqualTo(Math.floor(first - 60));
        List<double[]> withLine = List.of(new double[] {first - 60, first - 40}, new double[] {first - 30, first + 200});
        assertThat(ViewPdf.breaks(first * 2, withLine, l).get(1)).isEqualTo(Math.floor(first - 30));
        // a heading at the very bottom of a page starts the next one
        List<double[]> lastLine = List.of(new double[] {first - 20, first - 2, 1}, new double[] {first + 5, first + 40});
        assertThat(ViewPdf.breaks(first * 2, lastLine, l).get(1)).isEqualTo(Math.floor(first - 20));
        // every page holds at most what fits; the last may take a few lines more rather than be a page of its own
        for (double height : new double[] {10_000, first + page * 3 + page * 0.05, first + page * 3 + page * 0.5}) {
            cuts = ViewPdf.breaks(height, List.of(), l);
            for (int i = 1; i < cuts.size(); i++) {
                double room = (i == 1 ? first : page) * (i == cuts.size() - 1 ? 1 + ViewPdf.WIDOW : 1);
                assertThat(cuts.get(i) - cuts.get(i - 1)).isLessThanOrEqualTo(room + 1e-6).isPositive();
            }
            assertThat(cuts.getLast()).isEqualTo(height);
        }
        assertThat(ViewPdf.breaks(first + page * 3 + page * 0.05, List.of(), l)).hasSize(5);
        assertThat(ViewPdf.breaks(first + page * 3 + page * 0.5, List.of(), l)).hasSize(6);
    }

    @Test
    void aFolderThatIsGoneIsSaidAndNothingIsWritten() {
        Path out = dir.resolve("gone/view.pdf");
        ViewPdf.Layout l = ViewPdf.layout(900);
        assertThatThrownBy(() -> ViewPdf.write(out, meta(Locale.UK), l, slices(l, 300))).isInstanceOf(NoSuchFileException.class);
        assertThat(dir.resolve("gone")).doesNotExist();
    }

    @Test
    void aFailedMoveLeavesNeitherThePdfNorItsTemporaryFile() throws Exception {
        // the chosen name is a folder with something in it: the PDF is written, the move fails
        Path out = dir.resolve("taken.pdf");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "x");
        ViewPdf.Layout l = ViewPdf.layout(900);
        assertThatThrownBy(() -> ViewPdf.write(out, meta(Locale.UK), l, slices(l, 300))).isInstanceOf(IOException.class);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(out);
        }
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("x");
    }

    @Test
    void theFileNameIsTheTitleAndTheDateWithoutWhatWindowsForbids() {
        LocalDate d = LocalDate.of(2026, 11, 20);
        assertThat(ViewPdf.fileName("Bộ Công an", d)).isEqualTo("Bộ Công an 2026-11-20.pdf");
        // NFD in, NFC out: the same name on every system
        assertThat(ViewPdf.fileName(java.text.Normalizer.normalize("Hà Nội", java.text.Normalizer.Form.NFD), d)).isEqualTo("Hà Nội 2026-11-20.pdf");
        assertThat(ViewPdf.fileName("Tỷ lệ hồ sơ: trực tuyến/toàn trình?", d)).isEqualTo("Tỷ lệ hồ sơ - trực tuyến - toàn trình 2026-11-20.pdf");
        assertThat(ViewPdf.fileName("a\"b<c>d|e*f\\g\tz.", d)).isEqualTo("a - b - c - d - e - f - g - z 2026-11-20.pdf");
        assertThat(ViewPdf.fileName("  ...  ", d)).isEqualTo("R57 Desk 2026-11-20.pdf");
        assertThat(ViewPdf.fileName("con", d)).isEqualTo("con - 2026-11-20.pdf");
        String longTitle = "Sáng kiến ".repeat(30);
        assertThat(ViewPdf.fileName(longTitle, d)).hasSizeLessThan(100).endsWith("kiến 2026-11-20.pdf");
    }

    @Test
    void theDocumentsFolderIsTheDesktopsOwnThenDocumentsThenHome() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        assertThat(ViewPdf.documentsFolder(home)).isEqualTo(home);
        Files.createDirectories(home.resolve("Documents"));
        assertThat(ViewPdf.documentsFolder(home)).isEqualTo(home.resolve("Documents"));
        Files.createDirectories(home.resolve(".config"));
        Files.createDirectories(home.resolve("Tài liệu"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Tài liệu\"\n");
        assertThat(ViewPdf.documentsFolder(home)).isEqualTo(home.resolve("Tài liệu"));
    }
}
