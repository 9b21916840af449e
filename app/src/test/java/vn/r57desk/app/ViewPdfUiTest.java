package vn.r57desk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.screens.ScreenRegistry;
import vn.r57desk.app.shell.MainWindow;
import vn.r57desk.app.shell.R57DeskApp;

/**
 * "PDF of this view" (Ctrl+P) driven headless on the demo data, the save dialog replaced by the
 * path a user would pick: the PDF holds the whole screen (the part scrolled out of view too) under
 * the view's title; a folder that is gone is said in the user's words and leaves nothing behind.
 */
class ViewPdfUiTest extends AppRobot {
    @TempDir static Path dataDir;
    private javafx.application.Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("r57.dataDir", dataDir.toString());
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        Files.deleteIfExists(dataDir.resolve("settings.properties"));
        app = FxToolkit.setupApplication(R57DeskApp.class);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
    }

    private Runnable restore;

    @AfterEach
    void cleanup() throws Exception {
        if (restore != null) interact(restore);
        restore = null;
        if (app != null) FxToolkit.cleanupApplication(app);
    }

    private MainWindow window() {
        return ((R57DeskApp) app).window();
    }

    private String message() {
        return lookup("#" + MainWindow.MESSAGE_ID).queryAs(Label.class).getText();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> ok) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, ok);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void ctrl(KeyCode key) {
        press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    @Test
    void ctrlPSavesTheWholeViewWithItsTitleAndFootersInTheWindowsLanguage() throws Exception {
        // a laptop's window: the ministry's lower lists below the fold
        var stage = (javafx.stage.Stage) lookup("#" + MainWindow.CONTENT_SCROLL_ID).query().getScene().getWindow();
        double[] was = {stage.getWidth(), stage.getHeight()};
        boolean maximized = stage.isMaximized();
        // the toolkit's one stage serves the tests after this one: given back its size at the end
        restore = () -> {
            stage.setWidth(was[0]);
            stage.setHeight(was[1]);
            stage.setMaximized(maximized);
        };
        interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(1100);
            stage.setHeight(640);
        });
        ctrl(KeyCode.DIGIT3); // Bộ, ngành, then the first ministry: its lists, taller than the window
        waitUntil(() -> window().navigator().current() instanceof vn.r57desk.app.nav.Place.Ministries);
        open("ministries-table", 0);
        waitUntil(() -> window().navigator().current() instanceof vn.r57desk.app.nav.Place.Ministry);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        ScrollPane scroll = lookup("#" + MainWindow.CONTENT_SCROLL_ID).queryAs(ScrollPane.class);
        double contentHeight = scroll.getContent().getLayoutBounds().getHeight();
        assertThat(contentHeight).as("the view is taller than its window").isGreaterThan(scroll.getViewportBounds().getHeight() + 50);
        String title = lookup(".r57-title").queryAs(Label.class).getText();
        // a table below the fold is not built until it comes into view (DataTable): the PDF has it all the same
        var holders = scroll.getContent().lookupAll("." + vn.r57desk.app.theme.Styles.DATA_TABLE_HOLDER).stream()
                .map(n -> (javafx.scene.layout.StackPane) n).toList();
        assertThat(holders).as("the ministry's tables").isNotEmpty().anyMatch(h -> h.getChildren().isEmpty());

        Path folder = Files.createDirectories(dataDir.resolve("Tài liệu"));
        String[] offered = new String[2];
        window().viewPdf().setChooser((start, name) -> {
            offered[0] = start.toString();
            offered[1] = name;
            return folder.resolve(name);
        });
        ctrl(KeyCode.P);
        waitUntil(() -> message().startsWith("Đã lưu PDF: "));
        assertThat(offered[1]).startsWith(title).endsWith(" 2026-11-20.pdf");
        assertThat(offered[0]).isNotBlank();
        Path pdf = folder.resolve(offered[1]);
        assertThat(message()).startsWith("Đã lưu PDF: " + offered[1]);
        assertThat(Files.list(folder).toList()).as("no temporary file left").containsExactly(pdf);

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int n = doc.getNumberOfPages();
            assertThat(n).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("PDF của màn hình này", title, "Số liệu đến ngày 20/11/2026", "DỮ LIỆU MINH HỌA", "Trang 1/" + n,
                    "Trang " + n + "/" + n, "Bản của " + System.getProperty("user.name"));
            // the whole content, not only the part in the window: the slices' heights add up to it
            double scale = 0, pixels = 0;
            for (var page : doc.getPages()) {
                List<Integer> heights = new java.util.ArrayList<>();
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                        heights.add(img.getHeight());
                        scale = img.getWidth() / scroll.getContent().getLayoutBounds().getWidth();
                    }
                }
                assertThat(heights).hasSizeBetween(1, 2);
                // a page starting inside a table has its column titles repeated: a short strip, not part of the screen's height
                pixels += heights.size() == 1 ? heights.getFirst() : java.util.Collections.max(heights);
            }
            assertThat(scale).isGreaterThanOrEqualTo(2.1);
            // ... every table put in and as tall as its rows (on screen 14 at the most, then it scrolls within)
            assertThat(holders).allMatch(h -> !h.getChildren().isEmpty());
            var tables = holders.stream().map(h -> (javafx.scene.control.TableView<?>) h.getChildren().getFirst()).toList();
            double more = tables.stream().mapToDouble(t -> Math.max(0, t.getItems().size() - vn.r57desk.app.widgets.DataTable.VISIBLE_ROWS)
                    * t.getFixedCellSize()).sum();
            assertThat(more).as("a table longer than the screen shows").isPositive();
            // (down to the last thing drawn: the screen's bottom padding is left out)
            assertThat(pixels / scale).isBetween(contentHeight + more - 48, contentHeight + more + 48 + n * 2.0);
            // the tables given back their 14 rows (a table put in may differ from its placeholder by a few pixels)
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(scroll.getContent().getLayoutBounds().getHeight()).as("the screen is given back its height").isLessThan(contentHeight + 40);
        }

        // the same in English (Ctrl+L): English words, the same file replaced
        ctrl(KeyCode.L);
        waitUntil(() -> !lookup(".r57-title").queryAs(Label.class).getText().equals(title));
        Path english = folder.resolve("en.pdf");
        window().viewPdf().setChooser((start, name) -> english);
        ctrl(KeyCode.P);
        waitUntil(() -> message().startsWith("PDF saved: en.pdf"));
        try (PDDocument doc = Loader.loadPDF(english.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("PDF of this view", "Data as of 20/11/2026", "DEMO DATA", "Page 1/");
        }
    }

    @Test
    void aFolderThatIsGoneIsSaidInTheUsersWordsAndNothingIsLeft() throws Exception {
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        Path gone = dataDir.resolve("usb-stick-removed");
        window().viewPdf().setChooser((start, name) -> gone.resolve(name));
        interact(() -> lookup("#" + MainWindow.VIEW_PDF_ID).queryButton().fire());
        waitUntil(() -> message().startsWith("Không lưu được PDF"));
        assertThat(message()).isEqualTo("Không lưu được PDF: thư mục " + gone + " không còn. Hãy chọn thư mục khác.");
        assertThat(gone).doesNotExist();
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).noneMatch(f -> f.endsWith(".pdf") || f.endsWith(".writing"));
        }
        assertThat(window().viewPdf().busy()).isFalse();
    }

    /** Saves the view on show to target/view-pdf/{@code name} (kept to be looked at with pdftoppm) and returns its page count. */
    private int saveAs(String name, String saved) throws Exception {
        Path out = Files.createDirectories(Path.of("target/view-pdf")).resolve(name).toAbsolutePath();
        Files.deleteIfExists(out);
        window().viewPdf().setChooser((start, n) -> out);
        interact(() -> window().viewPdf().run());
        waitUntil(() -> message().startsWith(saved + name));
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    private void theme(String id) {
        var themes = lookup("#" + MainWindow.THEME_BUTTON_ID).queryAs(javafx.scene.control.MenuButton.class);
        interact(() -> themes.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow().fire());
    }

    @Test
    void theOverviewAndAStocktakeInBothLanguagesAndInTheLightAndProjectorThemes() throws Exception {
        ctrl(KeyCode.DIGIT1);
        waitUntil(() -> window().navigator().current() instanceof vn.r57desk.app.nav.Place.Overview);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        assertThat(saveAs("overview-vi-light.pdf", "Đã lưu PDF: ")).isPositive();
        ctrl(KeyCode.DIGIT4); // the map and its bars
        waitUntil(() -> window().navigator().current() instanceof vn.r57desk.app.nav.Place.Localities);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        assertThat(saveAs("localities-vi-light.pdf", "Đã lưu PDF: ")).isPositive();
        ctrl(KeyCode.DIGIT3); // a table
        waitUntil(() -> window().navigator().current() instanceof vn.r57desk.app.nav.Place.Ministries);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        assertThat(saveAs("ministries-vi-light.pdf", "Đã lưu PDF: ")).isPositive();
        // the list of agencies runs onto a later page, which starts with its column titles again
        try (PDDocument doc = Loader.loadPDF(Path.of("target/view-pdf/ministries-vi-light.pdf").toFile())) {
            List<Integer> images = new java.util.ArrayList<>();
            for (var page : doc.getPages()) {
                int n = 0;
                for (var name : page.getResources().getXObjectNames()) if (page.getResources().getXObject(name) instanceof PDImageXObject) n++;
                images.add(n);
            }
            assertThat(images.getFirst()).isEqualTo(1);
            assertThat(images).contains(2).allMatch(n -> n == 1 || n == 2);
        }
        ctrl(KeyCode.DIGIT1);
        waitUntil(() -> window().navigator().current() instanceof vn.r57desk.app.nav.Place.Overview);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
        theme("theme-projector");
        assertThat(saveAs("overview-vi-projector.pdf", "Đã lưu PDF: ")).isPositive();
        ctrl(KeyCode.DIGIT8);
        waitFor(".r57-agenda-item");
        interact(() -> lookup(".r57-agenda-item").queryButton().fire());
        waitFor("#stocktake-status");
        assertThat(saveAs("stocktake-vi-projector.pdf", "Đã lưu PDF: ")).isPositive();
        ctrl(KeyCode.L);
        waitFor("#stocktake-status");
        waitUntil(() -> lookup("#stocktake-as-of").queryAs(Label.class).getText().startsWith("Figures as of"));
        assertThat(saveAs("stocktake-en-projector.pdf", "PDF saved: ")).isPositive();
        theme("theme-light");
        assertThat(saveAs("stocktake-en-light.pdf", "PDF saved: ")).isPositive();
    }

    @Test
    void theButtonNamesItsShortcut() throws Exception {
        var button = lookup("#" + MainWindow.VIEW_PDF_ID).queryButton();
        assertThat(button.getTooltip().getText()).startsWith("PDF của màn hình này (Ctrl+P)");
        assertThat(List.of(button.isDisabled())).containsExactly(false);
    }
}
