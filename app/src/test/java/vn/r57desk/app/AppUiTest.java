package vn.r57desk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.screens.ScreenRegistry;
import vn.r57desk.app.shell.R57DeskApp;

/** Drives the real window headless (Monocle) through the main flows, by keyboard as a user could. */
class AppUiTest extends AppRobot {
    @TempDir static Path dataDir;
    /**
     * The reference servers' folders, outside the app's data folder: once a passcode is set, every
     * database under that folder opens encrypted in this JVM, the server's own plaintext one too.
     */
    @TempDir static Path serverDir;
    private javafx.application.Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("r57.dataDir", dataDir.toString());
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        java.nio.file.Files.deleteIfExists(dataDir.resolve("settings.properties")); // every test starts from the defaults
        app = FxToolkit.setupApplication(R57DeskApp.class);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
    }

    @AfterEach
    void cleanup() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        // A test that synced set a passcode (the first sync asks for one): the next test starts
        // on a laptop as new, not on the lock screen.
        if (vn.r57desk.store.pack.Passcode.in(vn.r57desk.store.pack.DataHome.forCache(vn.r57desk.app.shell.AppData.syncedCache(), null).keys().dir(),
                java.time.Clock.systemUTC()).isSet()) {
            freshDataFolder(dataDir);
        }
    }

    /** Only the widest column (the names) may be narrowed to fit: every other shows in full. */
    private void assertOnlyTheWidestColumnIsNarrowed(String tableId) {
        var columns = lookup("#" + tableId).queryAs(TableView.class).getColumns();
        javafx.scene.control.TableColumn<?, ?> widest = null;
        for (Object c : columns) {
            var col = (javafx.scene.control.TableColumn<?, ?>) c;
            if (widest == null || col.getPrefWidth() > widest.getPrefWidth()) widest = col;
        }
        var name = widest;
        assertThat(columns).allSatisfy(c -> {
            var col = (javafx.scene.control.TableColumn<?, ?>) c;
            if (col != name) assertThat(col.getWidth()).as(col.getText()).isGreaterThanOrEqualTo(col.getPrefWidth() - 0.5);
        });
    }

    /** Every column is within the table's width: none pushed out of sight by another's. */
    private void assertAllColumnsInView(String tableId) {
        TableView<?> table = lookup("#" + tableId).queryAs(TableView.class);
        double sum = table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
        assertThat(sum).as("columns of " + tableId + " within its width " + table.getWidth()).isLessThanOrEqualTo(table.getWidth());
    }

    /** The text a label or button draws: its own text, or that cut to end in "…". */
    private static String shownText(javafx.scene.control.Labeled l) {
        return l.lookupAll(".text").stream().filter(c -> c instanceof javafx.scene.text.Text && c.getParent() == l)
                .map(c -> ((javafx.scene.text.Text) c).getText()).findFirst().orElse("");
    }

    /** The texts a table's row at {@code index} draws, column by column (widgets/TextRow). */
    private List<String> rowTexts(String tableId, int index) {
        TableView<?> table = lookup("#" + tableId).queryAs(TableView.class);
        var row = table.lookupAll(".table-row-cell").stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n).filter(r -> r.getIndex() == index && !r.isEmpty()).findFirst().orElseThrow();
        return row.getChildrenUnmodifiable().stream().map(n -> ((javafx.scene.text.Text) n).getText()).toList();
    }

    /** Every column title shows in full (on two lines where narrowed), none ends in "…". */
    private void assertNoTitleIsCut(String tableId) {
        var labels = lookup("#" + tableId).queryAs(TableView.class).lookupAll(".column-header .label");
        assertThat(labels).isNotEmpty().allSatisfy(n -> {
            Label l = (Label) n;
            String shown = l.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text)
                    .map(c -> ((javafx.scene.text.Text) c).getText()).findFirst().orElse("");
            assertThat(shown).as("title " + l.getText()).isEqualTo(l.getText());
        });
    }

    private int rowWhere(String tableId, java.util.function.Predicate<String> text) {
        TableView<?> table = lookup("#" + tableId).queryAs(TableView.class);
        for (int r = 0; r < table.getItems().size(); r++) {
            for (var col : table.getColumns()) {
                Object v = col.getCellData(r);
                if (v != null && text.test(v.toString())) return r;
            }
        }
        throw new AssertionError("no row matches in " + tableId);
    }

    /** The numbers the overview's tiles show. */
    private List<String> tileNumbers() {
        List<String> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(lookup(n -> n instanceof eu.hansolo.tilesfx.Tile).queryAll());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().matches("[\\d.,]+")) out.add(t.getText());
            if (n instanceof javafx.scene.Parent p) todo.addAll(p.getChildrenUnmodifiable());
        }
        return out;
    }

    private List<String> breadcrumb() {
        HBox crumb = lookup("#" + R57DeskApp.BREADCRUMB_ID).queryAs(HBox.class);
        return crumb.getChildrenUnmodifiable().stream()
                .map(n -> n instanceof Label l ? l.getText() : n instanceof javafx.scene.control.Hyperlink h ? h.getText() : "")
                .filter(s -> !s.equals("›")).toList();
    }

    /**
     * The window keeps the AtlantaFX look: JavaFX's default (Modena) paints buttons with gradients,
     * AtlantaFX with flat colours. Modena once won a start-up race with the warm-up thread.
     */
    @Test
    void showsTheAtlantaFxLookNotJavaFxDefault() {
        WaitForAsyncUtils.waitForFxEvents();
        Button language = lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).queryAs(Button.class);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).endsWith("primer-light.css");
        assertThat(language.getBackground().getFills()).isNotEmpty()
                .noneMatch(f -> f.getFill() instanceof javafx.scene.paint.LinearGradient);
    }

    /** The sidebar, the toolbar, the status bar and every table's export carry Ikonli icons in the theme's text colour. */
    @Test
    void buttonsCarryIkonliIconsInTheThemesColour() {
        for (String id : List.of("#nav-overview", "#nav-systems", "#nav-ministries", "#nav-localities", "#nav-deadlines", "#nav-rankings", "#nav-changes",
                "#" + R57DeskApp.BACK_ID, "#" + R57DeskApp.FORWARD_ID, "#" + R57DeskApp.LANGUAGE_BUTTON_ID)) {
            var graphic = lookup(id).queryAs(javafx.scene.control.Labeled.class).getGraphic();
            assertThat(graphic).as(id).isInstanceOf(org.kordamp.ikonli.javafx.FontIcon.class);
            var icon = (org.kordamp.ikonli.javafx.FontIcon) graphic;
            assertThat(icon.getIconCode()).as(id).isNotNull();
            assertThat(icon.getIconSize()).as(id + " size from r57.css").isEqualTo(18);
        }
        var overview = (org.kordamp.ikonli.javafx.FontIcon) lookup("#nav-overview").queryAs(javafx.scene.control.Labeled.class).getGraphic();
        var systems = (org.kordamp.ikonli.javafx.FontIcon) lookup("#nav-systems").queryAs(javafx.scene.control.Labeled.class).getGraphic();
        assertThat(overview.getIconColor()).as("the selected section's icon is light on the accent").isNotEqualTo(systems.getIconColor());
    }

    @Test
    void everyTablesExportCarriesAnIcon() throws Exception {
        clickOn("#nav-systems");
        waitFor("#systems-table");
        assertThat(lookup("." + vn.r57desk.app.widgets.DataTable.EXPORT_STYLE_CLASS).queryAll()).isNotEmpty().allSatisfy(b ->
                assertThat(((javafx.scene.control.Labeled) b).getGraphic()).isInstanceOf(org.kordamp.ikonli.javafx.FontIcon.class));
    }

    /** The Changes section on demo data says there is no history and how to get one; its span is a place of its own. */
    @Test
    void theChangesSectionSaysTheDemoDataHasNoHistoryAndItsSpanNavigates() throws Exception {
        clickOn("#nav-changes");
        waitFor("#changes-summary");
        assertThat(breadcrumb()).containsExactly("Thay đổi");
        assertThat(lookup("#changes-summary").queryAs(Label.class).getText()).startsWith("Dữ liệu minh họa không có lịch sử thay đổi");
        @SuppressWarnings("unchecked")
        var span = (javafx.scene.control.ComboBox<Integer>) lookup("#changes-span").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(span.getValue()).isEqualTo(7);
        assertThat(span.getConverter().toString(1)).isEqualTo("24 giờ qua");
        interact(() -> span.setValue(30));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#changes-span").tryQuery()
                .map(n -> ((javafx.scene.control.ComboBox<?>) n).getValue()).filter(v -> v.equals(30)).isPresent());
        clickOn("#" + R57DeskApp.BACK_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#changes-span").tryQuery()
                .map(n -> ((javafx.scene.control.ComboBox<?>) n).getValue()).filter(v -> v.equals(7)).isPresent());
        // "since the last meeting": the span names the meeting it counts from (the demo data's
        // meetings are on 28/11/2026 and 05/12/2026; which one is "last" depends on today's date)
        assertThat(span.getItems().getFirst()).isEqualTo(vn.r57desk.app.nav.Place.Changes.SINCE_MEETING);
        assertThat(span.getConverter().toString(vn.r57desk.app.nav.Place.Changes.SINCE_MEETING)).isEqualTo("Từ phiên họp trước");
        var latest = lookup("#changes-span").queryAs(javafx.scene.control.ComboBox.class);
        interact(() -> latest.setValue(vn.r57desk.app.nav.Place.Changes.SINCE_MEETING));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#changes-summary").tryQuery()
                .map(n -> ((Label) n).getText()).filter(t -> t.startsWith("Từ phiên họp trước: ") || t.startsWith("Dữ liệu chưa có phiên họp")).isPresent());
        String since = lookup("#changes-summary").queryAs(Label.class).getText();
        java.time.LocalDate today = java.time.LocalDate.now(vn.r57desk.store.model.Meeting.ZONE);
        if (today.isAfter(java.time.LocalDate.of(2026, 12, 5))) assertThat(since).startsWith("Từ phiên họp trước: Phiên họp Ban Chỉ đạo Trung ương quý IV/2026, 08:30 05/12/2026.");
        else if (today.isAfter(java.time.LocalDate.of(2026, 11, 28))) assertThat(since).startsWith("Từ phiên họp trước: Giao ban chuyên đề hạ tầng dữ liệu, 14:00 28/11/2026.");
        else assertThat(since).startsWith("Dữ liệu chưa có phiên họp nào");
    }

    /** Ctrl+1 ... Ctrl+7 open the sidebar's sections in its order; each button's tooltip names its keys. */
    @Test
    void ctrlAndADigitOpensTheSidebarsSections() throws Exception {
        press(KeyCode.CONTROL).type(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        waitFor("#changes-summary");
        assertThat(breadcrumb()).containsExactly("Thay đổi");
        assertThat(lookup("#nav-changes").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitFor("#systems-table");
        assertThat(breadcrumb()).containsExactly("Hệ thống");
        press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL); // again: stays, still selected
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#nav-systems").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(lookup("#nav-overview").queryAs(javafx.scene.control.ToggleButton.class).getTooltip().getText()).isEqualTo("Tổng quan (Ctrl+1)");
        assertThat(lookup("#nav-changes").queryAs(javafx.scene.control.ToggleButton.class).getTooltip().getText()).isEqualTo("Thay đổi (Ctrl+7)");
        press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> breadcrumb().equals(List.of("Tổng quan")));
    }

    /**
     * A note written on an initiative is kept in the cache's outbox and listed on the initiative with
     * where it stands; on the embedded demo data it says it stays on this laptop. OK waits for a text.
     */
    @Test
    void aNoteWrittenOnAnInitiativeIsKeptAndListedWithWhereItStands() throws Exception {
        clickOn("#nav-systems");
        open("systems-table", 3);
        open("initiatives-table", 0);
        waitFor("#" + vn.r57desk.app.notes.FeedbackPanel.WRITE_ID);
        String title = lookup(".r57-section-title").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t.startsWith("Ý kiến gửi hệ thống giám sát")).findFirst().orElseThrow();
        int before = Integer.parseInt(title.replaceAll("\\D+", ""));
        // below the tasks: scrolled to, reached with Tab, as from the keyboard, and pressed with Space
        var page = lookup("#" + vn.r57desk.app.shell.MainWindow.CONTENT_SCROLL_ID).queryAs(javafx.scene.control.ScrollPane.class);
        interact(() -> page.setVvalue(1.0));
        var write = lookup("#" + vn.r57desk.app.notes.FeedbackPanel.WRITE_ID).queryButton();
        interact(write::requestFocus);
        type(KeyCode.SPACE);
        waitFor("#" + vn.r57desk.app.notes.FeedbackPanel.TEXT_ID);
        var save = lookup((javafx.scene.control.Button b) -> "Lưu (Ctrl+Enter)".equals(b.getText())).queryButton();
        assertThat(save.isDisabled()).as("nothing written yet").isTrue();
        var text = lookup("#" + vn.r57desk.app.notes.FeedbackPanel.TEXT_ID).queryAs(javafx.scene.control.TextArea.class);
        interact(() -> text.setText("x".repeat(vn.r57desk.app.notes.FeedbackPanel.MAX_TEXT + 1)));
        assertThat(save.isDisabled()).isTrue();
        assertThat(lookup("#" + vn.r57desk.app.notes.FeedbackPanel.PROBLEM_ID).queryAs(Label.class).getText())
                .isEqualTo("Ý kiến dài 10.001 ký tự; tối đa 10.000.");
        interact(() -> text.setText("Đề nghị cơ quan chủ trì báo cáo tiến độ thí điểm trước phiên họp quý IV"));
        clickOn("#" + vn.r57desk.app.notes.FeedbackPanel.KIND_FEEDBACK_ID);
        clickOn(text);
        press(KeyCode.ENTER).release(KeyCode.ENTER); // a new line, not a save
        assertThat(text.getText()).endsWith("quý IV\n");
        press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL); // saves
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#" + vn.r57desk.app.notes.FeedbackPanel.LIST_ID + " .r57-feedback-item").queryAll().size() == before + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page.getVvalue()).as("the page stays at the note just written, not scrolled to its top").isGreaterThan(0.9);
        assertThat(write.isFocused()).as("the focus stays on the button").isTrue();
        List<String> newest = lookup("#" + vn.r57desk.app.notes.FeedbackPanel.LIST_ID + " .r57-feedback-item").queryAll().stream().findFirst().orElseThrow()
                .lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
        assertThat(newest.get(0)).isEqualTo("Phản hồi số liệu");
        assertThat(newest.get(1)).isEqualTo("Đề nghị cơ quan chủ trì báo cáo tiến độ thí điểm trước phiên họp quý IV");
        assertThat(newest.get(2)).startsWith("Viết lúc ").endsWith("chỉ lưu trên máy này (dữ liệu minh họa hoặc gói dữ liệu, không gửi đi)");
        assertThat(lookup("#" + vn.r57desk.app.shell.MainWindow.WAITING_ID).queryAs(Label.class).isVisible())
                .as("demo data's notes are never sent: none counted as waiting").isFalse();
        assertThat(lookup(".r57-section-title").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Ý kiến gửi hệ thống giám sát (" + (before + 1) + ")");
        // kept in the cache: leaving the initiative and coming back reads it again
        clickOn("#" + R57DeskApp.BACK_ID);
        waitFor("#initiatives-table");
        clickOn("#" + R57DeskApp.FORWARD_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#" + vn.r57desk.app.notes.FeedbackPanel.LIST_ID + " .r57-feedback-item").queryAll().size() == before + 1);

        // not sent yet, so it can be taken back, after a question
        var takeBack = lookup("#" + vn.r57desk.app.notes.FeedbackPanel.LIST_ID + " ." + vn.r57desk.app.notes.FeedbackPanel.WITHDRAW_CLASS).queryButton();
        interact(takeBack::requestFocus);
        type(KeyCode.SPACE);
        var confirm = lookup((javafx.scene.control.Button b) -> "Rút lại".equals(b.getText()) && b.isDefaultButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> confirm.tryQuery().isPresent());
        assertThat(lookup("Rút lại ý kiến chưa gửi này? Ý kiến sẽ bị xóa khỏi máy này.").tryQuery()).isPresent();
        clickOn(confirm.queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#" + vn.r57desk.app.notes.FeedbackPanel.LIST_ID + " .r57-feedback-item").queryAll().size() == before);
        Label message = lookup("#" + vn.r57desk.app.shell.MainWindow.MESSAGE_ID).queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("Đã rút lại ý kiến.");
        assertThat(message.getTooltip().getText()).as("whole in the tooltip, should the bar cut it").isEqualTo("Đã rút lại ý kiến.");
    }

    /** A system's initiatives filter by status, lead agency and deadline year, alone and together. */
    @Test
    void theInitiativeListFiltersByStatusLeadAndDeadlineYear() throws Exception {
        clickOn("#nav-systems");
        open("systems-table", 3);
        waitFor("#initiatives-table");
        int all = lookup("#initiatives-table").queryAs(TableView.class).getItems().size();
        var deadline = lookup("#filter-deadline").queryAs(javafx.scene.control.ComboBox.class);
        var lead = lookup("#filter-lead").queryAs(javafx.scene.control.ComboBox.class);
        var status = lookup("#filter-status").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(deadline.getItems().get(0)).isEqualTo("Tất cả");
        assertThat(deadline.getItems()).hasSizeGreaterThan(2); // "all" and at least two years
        String year = ((String) deadline.getItems().get(1)).replace("Năm ", "");
        interact(() -> deadline.getSelectionModel().select(1));
        waitFor("#initiatives-table");
        TableView<?> byYear = lookup("#initiatives-table").queryAs(TableView.class);
        assertThat(byYear.getItems()).isNotEmpty().hasSizeLessThan(all);
        for (int r = 0; r < byYear.getItems().size(); r++) assertThat(String.valueOf(byYear.getColumns().get(5).getCellData(r))).as("dd/MM/yyyy").endsWith("/" + year);
        // and a lead agency on top of it: every row led by it, due that year
        interact(() -> deadline.getSelectionModel().select(0));
        String code = (String) lead.getItems().get(1);
        interact(() -> lead.getSelectionModel().select(1));
        waitFor("#initiatives-table");
        TableView<?> byLead = lookup("#initiatives-table").queryAs(TableView.class);
        assertThat(byLead.getItems()).isNotEmpty();
        for (int r = 0; r < byLead.getItems().size(); r++) assertThat(byLead.getColumns().get(6).getCellData(r)).isEqualTo(code);
        String shownStatus = String.valueOf(byLead.getColumns().get(2).getCellData(0));
        interact(() -> status.getSelectionModel().select(shownStatus));
        waitFor("#initiatives-table");
        TableView<?> both = lookup("#initiatives-table").queryAs(TableView.class);
        assertThat(both.getItems()).isNotEmpty();
        for (int r = 0; r < both.getItems().size(); r++) {
            assertThat(both.getColumns().get(2).getCellData(r)).isEqualTo(shownStatus);
            assertThat(both.getColumns().get(6).getCellData(r)).isEqualTo(code);
        }
        interact(() -> {
            status.getSelectionModel().select(0);
            lead.getSelectionModel().select(0);
        });
        waitFor("#initiatives-table");
        assertThat(lookup("#initiatives-table").queryAs(TableView.class).getItems()).hasSize(all);
    }

    @Test
    void startsOnDemoDataAndSwitchesLanguage() {
        Label badge = lookup("#" + R57DeskApp.DEMO_BADGE_ID).queryAs(Label.class);
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo("DỮ LIỆU MINH HỌA");
        long age = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2026, 11, 20), java.time.LocalDate.now());
        assertThat(lookup("#" + R57DeskApp.AS_OF_ID).queryAs(Label.class).getText())
                .isEqualTo(age <= 0 ? "Số liệu tính đến 20/11/2026" : "Số liệu tính đến 20/11/2026 (" + age + " ngày trước)");
        assertThat(lookup("Chỉ tiêu chủ yếu (toàn quốc)").tryQuery()).isPresent();
        // A share keeps one decimal, as on every screen (Ctx.decimals): "17,8".
        assertThat(tileNumbers()).as("vi-VN decimals on the tiles").anyMatch(t -> t.matches("\\d+,\\d")).noneMatch(t -> t.matches("\\d+\\.\\d"));

        clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tileNumbers()).as("English decimals on the tiles").anyMatch(t -> t.matches("\\d+\\.\\d"));
        assertThat(badge.getText()).isEqualTo("DEMO DATA");
        assertThat(lookup("Headline KPIs (national)").tryQuery()).isPresent();
        assertThat(lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).queryAs(Button.class).getText()).isEqualTo("Tiếng Việt");
        Stage stage = (Stage) badge.getScene().getWindow();
        assertThat(stage.getTitle()).contains("Resolution 57-NQ/TW");
        press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL); // Ctrl+L switches back
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge.getText()).isEqualTo("DỮ LIỆU MINH HỌA");
    }

    @Test
    void drillsSystemToInitiativeToKpiAndBack() throws Exception {
        clickOn("#nav-systems");
        open("systems-table", 3);
        waitFor("#initiatives-table");
        assertThat(breadcrumb()).containsExactly("Hệ thống", "Hệ thống hạ tầng thông tin và dữ liệu");
        // Columns are sized from their text in the table's font, not by JavaFX's cell-by-cell
        // auto-size (which runs only while a column keeps its default width of 80, and leaves every
        // column at 80 until it does). One column may come to exactly 80 from its text (the
        // Vietnamese "expected" column does), so the check is that they are not all 80 and that
        // each title fits its column.
        var columns = lookup("#initiatives-table").queryAs(TableView.class).getColumns();
        assertThat(columns.stream().mapToDouble(c -> ((javafx.scene.control.TableColumn<?, ?>) c).getPrefWidth()).distinct().count())
                .as("columns of different widths").isGreaterThan(columns.size() / 2);
        assertThat(columns).allSatisfy(c -> {
            var col = (javafx.scene.control.TableColumn<?, ?>) c;
            javafx.scene.text.Text title = new javafx.scene.text.Text();
            title.setFont(lookup("#initiatives-table .column-header .label").queryAs(javafx.scene.control.Label.class).getFont());
            double widest = 0;
            for (String line : col.getText().split("\n")) {
                title.setText(line);
                widest = Math.max(widest, title.getLayoutBounds().getWidth());
            }
            assertThat(col.getWidth()).as("column '%s' holds its title", col.getText()).isGreaterThanOrEqualTo(widest);
        });
        assertThat(((javafx.scene.control.TableColumn<?, ?>) columns.get(1)).getPrefWidth())
                .as("the initiative name is wider than its code").isGreaterThan(3 * ((javafx.scene.control.TableColumn<?, ?>) columns.get(0)).getPrefWidth());
        assertThat(lookup("#initiatives-table").queryAs(TableView.class).getFixedCellSize()).as("rows of one line, fixed height").isBetween(25.0, 35.0);
        // A table shows all its rows up to VISIBLE_ROWS, then scrolls inside itself: fewer cells to
        // build per screen (docs/performance.md). Its height follows the theme's row height.
        TableView<?> initiatives = lookup("#initiatives-table").queryAs(TableView.class);
        int shown = Math.min(vn.r57desk.app.widgets.DataTable.VISIBLE_ROWS, initiatives.getItems().size());
        assertThat(initiatives.getHeight()).as("the rows shown, a header, no more")
                .isBetween(shown * initiatives.getFixedCellSize() + initiatives.lookup(".column-header-background").getLayoutBounds().getHeight(),
                        (shown + 1) * initiatives.getFixedCellSize() + initiatives.lookup(".column-header-background").getLayoutBounds().getHeight());
        assertThat(initiatives.lookupAll(".scroll-bar").stream().filter(n -> n instanceof javafx.scene.control.ScrollBar sb
                && sb.getOrientation() == javafx.geometry.Orientation.VERTICAL && sb.isVisible()).count())
                .as("a vertical scroll bar only when there are more rows than shown")
                .isEqualTo(initiatives.getItems().size() > vn.r57desk.app.widgets.DataTable.VISIBLE_ROWS ? 1L : 0L);
        assertOnlyTheWidestColumnIsNarrowed("initiatives-table");
        assertNoTitleIsCut("initiatives-table");
        // Rows draw the formatted values; sorting by a column title redraws them in the new order.
        var codes = java.util.stream.IntStream.range(0, initiatives.getItems().size())
                .mapToObj(i -> String.valueOf(initiatives.getColumns().get(0).getCellData(i))).sorted().toList();
        assertThat(rowTexts("initiatives-table", 0).get(0)).isEqualTo(codes.get(0));
        var codeHeader = initiatives.lookupAll(".column-header").stream()
                .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() == initiatives.getColumns().get(0)).findFirst().orElseThrow();
        clickOn(codeHeader).clickOn(codeHeader); // ascending, then descending
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowTexts("initiatives-table", 0).get(0)).isEqualTo(codes.get(codes.size() - 1));
        // A name wider than its column ends in "…" and keeps its start.
        var nameColumn = initiatives.getColumns().get(1);
        String fullName = String.valueOf(nameColumn.getCellData(0));
        double min = nameColumn.getMinWidth();
        double max = nameColumn.getMaxWidth();
        interact(() -> {
            nameColumn.setMinWidth(120);
            nameColumn.setMaxWidth(120);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String shownName = rowTexts("initiatives-table", 0).get(1);
        assertThat(shownName).endsWith("…").hasSizeLessThan(fullName.length());
        assertThat(fullName).startsWith(shownName.substring(0, shownName.length() - 1).strip());
        var firstRow = initiatives.lookupAll(".table-row-cell").stream().map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(r -> r.getIndex() == 0).findFirst().orElseThrow();
        moveTo((Node) firstRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(initiatives.getTooltip()).as("the cut name in full in the tooltip over its row").isNotNull();
        assertThat(initiatives.getTooltip().getText()).isEqualTo(fullName);
        // Widened again, the row redraws the name in full; then the table is put back as it was.
        interact(() -> {
            nameColumn.setMaxWidth(nameColumn.getPrefWidth());
            nameColumn.setMinWidth(nameColumn.getPrefWidth());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowTexts("initiatives-table", 0).get(1)).isEqualTo(fullName);
        moveTo("#nav-systems").moveTo((Node) firstRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(initiatives.getTooltip()).as("no tooltip when nothing is cut").isNull();
        interact(() -> {
            var code = initiatives.getColumns().get(0);
            code.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            ((javafx.collections.ObservableList<javafx.scene.control.TableColumn<?, ?>>) (Object) initiatives.getSortOrder()).setAll(code);
            nameColumn.setMinWidth(min);
            nameColumn.setMaxWidth(max);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowTexts("initiatives-table", 0).get(0)).isEqualTo(codes.get(0));
        assertAllColumnsInView("initiatives-table");
        open("initiatives-table", 0);
        waitFor("#kpi-table");
        WaitForAsyncUtils.waitForFxEvents();
        assertAllColumnsInView("kpi-table"); // one row: its name column once took a width of 9.2e18
        // A long title gives way; the demo badge and the toolbar's buttons keep their words.
        for (String id : List.of(R57DeskApp.DEMO_BADGE_ID, R57DeskApp.LANGUAGE_BUTTON_ID)) {
            var l = lookup("#" + id).queryAs(javafx.scene.control.Labeled.class);
            assertThat(shownText(l)).as(id).isEqualTo(l.getText());
        }
        assertThat(breadcrumb()).hasSize(3);
        assertThat(breadcrumb().get(2)).startsWith("SYS4-S1");
        // Every screen shows in the same scroll pane, which does not keep a bitmap of its view
        // (in the software pipeline those filled the heap: docs/performance.md).
        var scroll = lookup("#" + vn.r57desk.app.shell.MainWindow.CONTENT_SCROLL_ID).queryAs(javafx.scene.control.ScrollPane.class);
        assertThat(scroll.lookupAll(".viewport")).isNotEmpty().noneMatch(Node::isCache);
        interact(() -> scroll.setVvalue(1));
        open("kpi-table", 0);
        waitFor(".r57-kpi-chart");
        assertThat(lookup("#" + vn.r57desk.app.shell.MainWindow.CONTENT_SCROLL_ID).queryAs(javafx.scene.control.ScrollPane.class)).isSameAs(scroll);
        assertThat(scroll.getVvalue()).as("a new screen starts at its top").isZero();
        assertThat(lookup(".r57-kpi-chart").queryAs(LineChart.class).getData()).hasSize(2); // values and trajectory
        assertThat(breadcrumb()).hasSize(4);

        press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        waitFor("#kpi-table");
        assertThat(breadcrumb()).hasSize(3);
        clickOn("#" + R57DeskApp.BACK_ID);
        waitFor("#initiatives-table");
        clickOn("#" + R57DeskApp.FORWARD_ID);
        waitFor("#kpi-table");
        assertThat(breadcrumb().get(2)).startsWith("SYS4-S1");
    }

    @Test
    void drillsLocalitiesToProvinceToCommune() throws Exception {
        clickOn("#nav-localities");
        waitFor("#provinces-table");
        open("provinces-table", rowWhere("provinces-table", s -> s.equals("Hà Nội")));
        waitFor("#communes-table");
        assertThat(breadcrumb()).containsExactly("Địa phương", "Hà Nội");
        assertOnlyTheWidestColumnIsNarrowed("kpi-table"); // the locality's KPIs: status in full
        open("communes-table", 0);
        waitFor("#task-table");
        assertThat(breadcrumb()).hasSize(3);
        assertThat(breadcrumb().get(2)).matches("(Xã|Phường) .+");
    }

    @Test
    void aTableBelowTheFoldIsBuiltWhenScrolledToOrReachedWithTab() throws Exception {
        clickOn("#nav-localities");
        waitFor("#locality-bars");
        WaitForAsyncUtils.waitForFxEvents(3);
        var holder = lookup("#" + vn.r57desk.app.widgets.DataTable.holderId("provinces-table")).queryAs(javafx.scene.layout.StackPane.class);
        var scene = holder.getScene();
        assertThat(holder.localToScene(holder.getLayoutBounds()).getMinY()).as("under the map, out of view").isGreaterThan(scene.getHeight());
        assertThat(lookup("#provinces-table").tryQuery()).as("not built while nobody can see it").isEmpty();
        assertThat(holder.getHeight()).as("its place is kept: the page scrolls as far as with the table").isGreaterThan(100);
        // Scrolling to it puts it in.
        var scroll = lookup("#" + vn.r57desk.app.shell.MainWindow.CONTENT_SCROLL_ID).queryAs(javafx.scene.control.ScrollPane.class);
        interact(() -> scroll.setVvalue(1));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> lookup("#provinces-table").tryQuery().isPresent());
        assertThat(lookup("#provinces-table").queryAs(TableView.class).getItems()).hasSize(34);

        // Tab reaches the place of a table not built yet, and lands in the table.
        clickOn("#" + R57DeskApp.BACK_ID);
        clickOn("#nav-localities");
        waitFor("#locality-bars");
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(lookup("#" + vn.r57desk.app.widgets.DataTable.holderId("provinces-table")).tryQuery()).isPresent();
        assertThat(lookup("#provinces-table").tryQuery()).isEmpty();
        // From the bars: Tab goes to the table's Export button, then to the table.
        interact(() -> lookup(".r57-bar-list").queryAs(javafx.scene.Node.class).requestFocus());
        for (int i = 0; i < 4 && !lookup("#provinces-table").tryQuery().map(javafx.scene.Node::isFocused).orElse(false); i++) {
            type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(lookup("#provinces-table").queryAs(TableView.class).isFocused()).as("Tab lands in the table").isTrue();
    }

    @Test
    void theProvinceBarsNameEveryProvinceAndOpenOneByClickOrKeyboard() throws Exception {
        clickOn("#nav-localities");
        waitFor("#locality-bars");
        var bars = lookup("#locality-bars").queryAs(vn.r57desk.app.widgets.BarList.class);
        var names = bars.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("r57-bar-text"))
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList();
        assertThat(names).contains("Hà Nội", "Hồ Chí Minh", "Đà Nẵng").hasSizeGreaterThanOrEqualTo(34); // + the axis label
        // Keyboard: focus the bars, Down to the first (largest) row, Enter opens it.
        String first = names.getFirst();
        interact(bars::requestFocus);
        type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitFor("#communes-table");
        assertThat(breadcrumb()).containsExactly("Địa phương", first);
        // Mouse: a click on a row's bar opens that row.
        clickOn("#" + R57DeskApp.BACK_ID);
        waitFor("#locality-bars");
        var again = lookup("#locality-bars").queryAs(vn.r57desk.app.widgets.BarList.class);
        var row3 = again.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.shape.Rectangle && n.isVisible()).skip(2).findFirst().orElseThrow();
        String third = names.get(2);
        interact(() -> row3.getParent().layout());
        clickOn(row3);
        waitFor("#communes-table");
        assertThat(breadcrumb()).containsExactly("Địa phương", third);
    }

    @Test
    void syncNowAsksForTheServerShowsProgressAndThenTheSyncedData() throws Exception {
        try (vn.r57desk.server.ReferenceServer server = vn.r57desk.server.ReferenceServer.start(
                new vn.r57desk.server.ReferenceServer.Config(serverDir.resolve("server"), vn.r57desk.store.generate.Scale.DEMO, "127.0.0.1", 0,
                        java.util.Map.of("ui-token", "laptop"), true, null, null, 0, 57), line -> { })) {
            server.churn(300);
            syncNowWithTheDialog(server, "ui-token"); // no server yet: the dialog asks for one
            javafx.scene.control.Label status = lookup("#" + vn.r57desk.app.sync.SyncBar.STATUS_ID).queryAs(javafx.scene.control.Label.class);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("Đã đồng bộ lúc"));
            assertThat(vn.r57desk.store.db.Sqlite.isPlaintextDatabase(vn.r57desk.app.shell.AppData.syncedCache()))
                    .as("the synced national data is written encrypted").isFalse();
            // the window switches to the synced cache, still labelled as demo data (the reference server's data is generated)
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup((javafx.scene.control.Label l) -> l.getText() != null
                    && l.getText().contains("cache.db") && !l.getText().contains("demo-cache")).tryQuery().isPresent());
            assertThat(lookup((javafx.scene.control.Label l) -> "Trực tuyến — 127.0.0.1".equals(l.getText())).tryQuery()).isPresent();
            waitFor("#" + ScreenRegistry.CONTENT_ID);

            // A note written on the synced data waits for the next sync; F5 sends it, the panel says
            // when, and the user stays on the initiative they were reading.
            clickOn("#nav-systems");
            open("systems-table", 3);
            open("initiatives-table", 0);
            waitFor("#" + vn.r57desk.app.notes.FeedbackPanel.WRITE_ID);
            List<String> where = breadcrumb();
            var write = lookup("#" + vn.r57desk.app.notes.FeedbackPanel.WRITE_ID).queryButton();
            interact(write::requestFocus);
            type(KeyCode.SPACE);
            waitFor("#" + vn.r57desk.app.notes.FeedbackPanel.TEXT_ID);
            interact(() -> lookup("#" + vn.r57desk.app.notes.FeedbackPanel.TEXT_ID).queryAs(javafx.scene.control.TextArea.class)
                    .setText("Đề nghị bổ sung số liệu tháng 11"));
            clickOn(lookup((javafx.scene.control.Button b) -> "Lưu (Ctrl+Enter)".equals(b.getText())).queryButton());
            java.util.function.Supplier<String> state = () -> lookup("#" + vn.r57desk.app.notes.FeedbackPanel.LIST_ID + " .r57-feedback-item")
                    .tryQuery().map(n -> n.lookupAll(".label").stream().map(l -> ((Label) l).getText()).toList().get(2)).orElse("");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> state.get().endsWith("chờ gửi ở lần đồng bộ tới"));
            assertThat(server.outboxReceived().values()).noneMatch(p -> p.contains("tháng 11"));
            Label waiting = lookup("#" + vn.r57desk.app.shell.MainWindow.WAITING_ID).queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "1 ý kiến chờ gửi".equals(waiting.getText()) && waiting.isVisible());
            press(KeyCode.F5).release(KeyCode.F5);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> server.outboxReceived().values().stream().anyMatch(p -> p.contains("Đề nghị bổ sung số liệu tháng 11")));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state.get().contains("đã gửi lúc"));
            assertThat(breadcrumb()).as("still on the initiative after the sync").isEqualTo(where);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !waiting.isVisible());

            // An initiative withdrawn by the time of the next sync: the window goes to the
            // section's start instead of an error. (Taken out of the synced cache here, with its
            // tasks, as a withdrawal would.)
            String code = where.getLast().substring(0, where.getLast().indexOf(" · "));
            try (var db = vn.r57desk.store.db.Sqlite.open(vn.r57desk.app.shell.AppData.syncedCache()); // encrypted: opened with the data key
                 var st = db.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("DELETE FROM tasks WHERE initiative_id = (SELECT id FROM initiatives WHERE code = '" + code + "')");
                st.execute("UPDATE kpis SET initiative_id = NULL WHERE initiative_id = (SELECT id FROM initiatives WHERE code = '" + code + "')");
                st.execute("DELETE FROM initiatives WHERE code = '" + code + "'");
            }
            press(KeyCode.F5).release(KeyCode.F5);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> breadcrumb().stream().noneMatch(b -> b.startsWith(code)));
            waitFor("#" + ScreenRegistry.CONTENT_ID);
            assertThat(lookup(".r57-error").tryQuery()).as("no error screen").isEmpty();
        }
    }

    /**
     * National data comes onto a laptop only under a passcode: the first sync asks for one, says
     * why, and cancelled, nothing is fetched and nothing is written.
     */
    @Test
    void aFirstSyncAsksForAPasscodeAndCancelledItFetchesNothing() throws Exception {
        try (vn.r57desk.server.ReferenceServer server = vn.r57desk.server.ReferenceServer.start(
                new vn.r57desk.server.ReferenceServer.Config(serverDir.resolve("server-cancel"), vn.r57desk.store.generate.Scale.DEMO, "127.0.0.1", 0,
                        java.util.Map.of("ui-token", "laptop"), true, null, null, 0, 57), line -> { })) {
            type(KeyCode.F5);
            waitFor("#" + vn.r57desk.app.sync.SyncBar.DIALOG_SERVER_ID);
            interact(() -> {
                lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_SERVER_ID).queryAs(javafx.scene.control.TextField.class).setText(server.uri().toString());
                lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_TOKEN_ID).queryAs(javafx.scene.control.TextField.class).setText("ui-token");
            });
            type(KeyCode.ENTER);
            waitFor("#" + vn.r57desk.app.lock.PasscodeDialogs.NEW_ID);
            var pane = (javafx.scene.control.DialogPane) lookup("#" + vn.r57desk.app.lock.PasscodeDialogs.NEW_ID).query().getScene().getRoot();
            assertThat(pane.getHeaderText()).startsWith("Trước khi dữ liệu quốc gia được đồng bộ về máy này, hãy đặt một mật mã");
            type(KeyCode.ESCAPE);
            Label status = lookup("#" + vn.r57desk.app.sync.SyncBar.STATUS_ID).queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#" + vn.r57desk.app.lock.PasscodeDialogs.NEW_ID).tryQuery().isEmpty());
            assertThat(status.getText()).isEqualTo("Chưa đồng bộ: dữ liệu quốc gia chỉ được lưu trên máy khi đã đặt mật mã.");
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // a sync started by mistake would have begun writing by now
            assertThat(java.nio.file.Files.exists(vn.r57desk.app.shell.AppData.syncedCache())).as("nothing synced").isFalse();
            assertThat(lookup("#" + R57DeskApp.DEMO_BADGE_ID).query().isVisible()).as("the demo data stays open").isTrue();
        }
    }

    @Test
    void aLongSyncErrorOnANarrowWindowIsCutWithItsFullTextInTheTooltip() throws Exception {
        try (vn.r57desk.server.ReferenceServer server = vn.r57desk.server.ReferenceServer.start(
                new vn.r57desk.server.ReferenceServer.Config(serverDir.resolve("server-narrow"), vn.r57desk.store.generate.Scale.DEMO, "127.0.0.1", 0,
                        java.util.Map.of("ui-token", "laptop"), true, null, null, 0, 57), line -> { })) {
            Label asOf = lookup("#" + R57DeskApp.AS_OF_ID).queryAs(Label.class);
            Stage stage = (Stage) asOf.getScene().getWindow();
            double width = stage.getWidth();
            try {
                narrowWindowRefusedSync(server, stage, asOf);
            } finally {
                interact(() -> stage.setWidth(width)); // the stage is shared with the tests that follow
            }
        }
    }

    @Test
    void theServerDialogSaysWhatIsWrongWithTheAddressAndWaitsForItToBeRight() throws Exception {
        type(KeyCode.F5);
        waitFor("#" + vn.r57desk.app.sync.SyncBar.DIALOG_SERVER_ID);
        javafx.scene.control.TextField url = lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_SERVER_ID).queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField token = lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_TOKEN_ID).queryAs(javafx.scene.control.TextField.class);
        Label problem = lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_PROBLEM_ID).queryAs(Label.class);
        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) url.getScene().getRoot();
        Node ok = pane.lookupButton(pane.getButtonTypes().get(0));
        try {
            interact(() -> { // a token saved by an earlier test may be filled in: start from nothing
                url.setText("");
                token.setText("");
            });
            assertThat(ok.isDisabled()).as("nothing typed yet").isTrue();
            assertThat(problem.getText()).isEmpty();
            interact(() -> {
                url.setText("127.0.0.1:8557");
                token.setText("demo-token");
            });
            assertThat(problem.getText()).startsWith("Địa chỉ phải bắt đầu bằng https://");
            assertThat(ok.isDisabled()).isTrue();
            interact(() -> url.setText("http://10.0.0.5:8557/"));
            assertThat(problem.getText()).startsWith("http:// chỉ dùng được với máy chủ trên chính máy này");
            interact(() -> url.setText("http://127.0.0.1:8557/"));
            assertThat(problem.getText()).isEmpty();
            assertThat(ok.isDisabled()).isFalse();
        } finally {
            type(KeyCode.ESCAPE); // cancelled: nothing is saved, no sync starts
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_SERVER_ID).tryQuery()).isEmpty();
    }

    /** F5 with no server set: the dialog asks for the server and token, filled in, then Enter. */
    private void syncNowWithTheDialog(vn.r57desk.server.ReferenceServer server, String deviceToken) throws Exception {
        type(KeyCode.F5);
        waitFor("#" + vn.r57desk.app.sync.SyncBar.DIALOG_SERVER_ID);
        javafx.scene.control.TextField url = lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_SERVER_ID).queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField token = lookup("#" + vn.r57desk.app.sync.SyncBar.DIALOG_TOKEN_ID).queryAs(javafx.scene.control.TextField.class);
        interact(() -> {
            url.setText(server.uri().toString());
            token.setText(deviceToken);
        });
        type(KeyCode.ENTER);
        // no passcode yet on this laptop: the first sync asks for one before any data comes
        setPasscodeWhenAsked();
    }

    private void narrowWindowRefusedSync(vn.r57desk.server.ReferenceServer server, Stage stage, Label asOf) throws Exception {
        interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(1024); // a projector's width, narrower than any laptop's
        });
        syncNowWithTheDialog(server, "a-token-the-server-does-not-know");
        Label status = lookup("#" + vn.r57desk.app.sync.SyncBar.STATUS_ID).queryAs(Label.class);
        String refused = "Máy chủ không chấp nhận mã thiết bị. Hãy kiểm tra lại mã.";
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> refused.equals(status.getText()));
        interact(() -> stage.setWidth(1024)); // in case the dialog's owner moved it
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = asOf.getScene().getWidth();
        Button sync = lookup("#" + vn.r57desk.app.sync.SyncBar.SYNC_ID).queryAs(Button.class);
        javafx.geometry.Bounds a = asOf.localToScene(asOf.getLayoutBounds());
        javafx.geometry.Bounds b = sync.localToScene(sync.getLayoutBounds());
        assertThat(a.getMinX()).as("the status bar's left end stays in the window").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as("Sync now stays in the window").isLessThanOrEqualTo(sceneWidth + 0.5);
        javafx.geometry.Bounds st = status.localToScene(status.getLayoutBounds());
        assertThat(b.getMinX() - st.getMaxX()).as("the status sits beside Sync now, no gap wasted").isLessThanOrEqualTo(9);
        assertThat(asOf.getWidth()).as("the age of the figures shows whole").isGreaterThanOrEqualTo(asOf.prefWidth(-1) - 0.5);
        assertThat(status.getTooltip()).isNotNull();
        assertThat(status.getTooltip().getText()).startsWith(refused).contains("token");
    }

    @Test
    void theMapOpensAProvinceAndTheArchipelagoOpensItsProvince() throws Exception {
        clickOn("#nav-localities");
        waitFor("#map-01");
        clickOn("#map-01");
        waitFor("#communes-table");
        assertThat(breadcrumb()).containsExactly("Địa phương", "Hà Nội");
        clickOn("#" + R57DeskApp.BACK_ID);
        waitFor("#map-archipelago-48");
        assertThat(lookup("Quần đảo Hoàng Sa").tryQuery()).isPresent();
        assertThat(lookup("Quần đảo Trường Sa").tryQuery()).isPresent();
        clickOn("#map-archipelago-48");
        waitFor("#communes-table");
        assertThat(breadcrumb()).containsExactly("Địa phương", "Đà Nẵng");
    }

    @Test
    void searchFindsAProvinceWithoutDiacriticsAndOpensIt() throws Exception {
        press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitFor("#" + vn.r57desk.app.search.SearchView.FIELD_ID);
        write("ha noi");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                !lookup("#" + vn.r57desk.app.search.SearchView.RESULTS_ID).queryListView().getItems().isEmpty());
        type(KeyCode.ENTER);
        waitFor("#communes-table");
        assertThat(breadcrumb()).containsExactly("Địa phương", "Hà Nội");
    }

    @Test
    void onA1024PixelProjectorInTheProjectorThemeEverythingStaysInTheWindow() throws Exception {
        clickOn("#" + vn.r57desk.app.shell.MainWindow.THEME_BUTTON_ID);
        clickOn("#theme-projector");
        Button search = lookup("#" + vn.r57desk.app.shell.MainWindow.SEARCH_BUTTON_ID).queryAs(Button.class);
        Stage stage = (Stage) search.getScene().getWindow();
        double width = stage.getWidth();
        try {
            interact(() -> stage.setWidth(1024));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> search.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            WaitForAsyncUtils.waitForFxEvents();
            double sceneWidth = search.getScene().getWidth();
            for (String id : List.of(R57DeskApp.AS_OF_ID, vn.r57desk.app.shell.MainWindow.BACK_ID, R57DeskApp.LANGUAGE_BUTTON_ID,
                    vn.r57desk.app.sync.SyncBar.SERVER_ID, "nav-overview")) {
                Node n = lookup("#" + id).query();
                javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                assertThat(b.getMinX()).as(id + " from the left edge").isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxX()).as(id + " to the right edge").isLessThanOrEqualTo(sceneWidth + 0.5);
            }
            assertThat(search.getTooltip().getText()).as("the words go to the tooltip").isEqualTo(search.getText());
            Button sync = lookup("#" + vn.r57desk.app.sync.SyncBar.SYNC_ID).queryAs(Button.class);
            assertThat(sync.getContentDisplay()).isEqualTo(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            var tiles = lookup("#overview-tiles").queryAs(javafx.scene.layout.FlowPane.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tiles.getChildren().size() > 1
                    && tiles.getChildren().get(1).getLayoutY() == tiles.getChildren().get(0).getLayoutY());

            // the ministries × systems grid: each ministry's name shows whole (wrapped if need be), not "…"
            clickOn("#nav-ministries");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup(".r57-grid-row").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            var rows = lookup(".r57-grid-row").queryAllAs(Label.class);
            assertThat(rows).hasSizeGreaterThan(10);
            for (Label row : rows) {
                var shown = (javafx.scene.text.Text) row.lookup(".text");
                assertThat(shown.getText().replace("\n", " ").replaceAll("\\s+", " ").strip()).as("shown name").isEqualTo(row.getText());
            }

            // deadlines by ministry: the titles whole, the names readable, every column inside the
            // table, also once sorted by name (the sort arrow takes room from the name, not the edge)
            clickOn("#nav-deadlines");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#deadlines-agency").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            @SuppressWarnings("unchecked")
            var table = (javafx.scene.control.TableView<Object>) lookup("#deadlines-agency").query();
            assertTableFits(table, "before sorting");
            var name = table.getColumns().get(1);
            assertThat(name.getWidth()).as("the name column: 6 em of the projector's type or more").isGreaterThan(6 * 20);
            clickOn(table.lookupAll(".column-header").stream()
                    .filter(h -> h.lookup(".label") instanceof Label l && name.getText().equals(l.getText())).findFirst().orElseThrow());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table.getSortOrder()).containsExactly(name);
            assertTableFits(table, "sorted by name");

            interact(() -> stage.setWidth(1600)); // a wide screen: the words come back
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> search.getContentDisplay() == javafx.scene.control.ContentDisplay.LEFT);
            assertThat(sync.getContentDisplay()).isEqualTo(javafx.scene.control.ContentDisplay.LEFT);
        } finally {
            interact(() -> stage.setWidth(width));
        }
    }

    /** Every column inside the table (no scrolling sideways) and every title shown whole, not "…". */
    private static void assertTableFits(javafx.scene.control.TableView<?> table, String when) {
        double columns = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        assertThat(columns).as(when + ": the columns' widths within the table's").isLessThanOrEqualTo(table.getWidth());
        for (Node header : table.lookupAll(".column-header")) {
            if (!(header.lookup(".label") instanceof Label l) || l.getText() == null || l.getText().isEmpty()) continue;
            var shown = (javafx.scene.text.Text) l.lookup(".text");
            assertThat(shown.getText()).as(when + ": the title " + l.getText().replace("\n", " ")).isEqualTo(l.getText());
        }
    }

    @Test
    void theProjectorThemeAppliesAndTheLanguageAndSectionAreRemembered() throws Exception {
        clickOn("#" + vn.r57desk.app.shell.MainWindow.THEME_BUTTON_ID);
        clickOn("#theme-projector");
        WaitForAsyncUtils.waitForFxEvents();
        var scene = lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene();
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("theme-projector.css"));
        clickOn("#" + R57DeskApp.LANGUAGE_BUTTON_ID);
        clickOn("#nav-rankings");
        waitFor("#rank-provinces");
        FxToolkit.cleanupApplication(app); // closes the window: settings are saved
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(dataDir.resolve("settings.properties")));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        app = FxToolkit.setupApplication(R57DeskApp.class);
        waitFor("#rank-provinces");
        assertThat(lookup("#" + R57DeskApp.DEMO_BADGE_ID).queryAs(Label.class).getText()).isEqualTo("DEMO DATA");
        scene = lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene();
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("theme-projector.css"));
    }

    @Test
    void deadlinesAndRankingsOpenTheirMinistry() throws Exception {
        clickOn("#nav-rankings");
        waitFor("#rank-provinces");
        assertThat(lookup("#rank-ministries").queryAs(TableView.class).getItems()).isNotEmpty();
        clickOn("#nav-deadlines");
        open("deadlines-agency", 0);
        waitFor("#initiatives-table");
        assertThat(breadcrumb().getFirst()).isEqualTo("Bộ, ngành");
    }

    /** The row of a table at {@code index}, as drawn. */
    private Node row(String tableId, int index) {
        return lookup("#" + tableId + " .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == index).findFirst().orElseThrow();
    }

    /**
     * One click on a row opens it (a double click did, a click did nothing); the next screen's
     * table then has the keyboard, so Down and Enter open its first row, where Enter once pressed
     * the Back button that still had the focus. The second click of a double click opens nothing more.
     */
    @Test
    void aClickOnARowOpensItAndTheKeyboardGoesOnInTheNextTable() throws Exception {
        clickOn("#nav-systems");
        waitFor("#systems-table");
        clickOn("#" + vn.r57desk.app.shell.MainWindow.BACK_ID); // the Back button had the focus before
        clickOn("#nav-systems");
        waitFor("#systems-table");
        clickOn(row("systems-table", 3));
        waitFor("#initiatives-table");
        assertThat(breadcrumb()).containsExactly("Hệ thống", "Hệ thống hạ tầng thông tin và dữ liệu");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#initiatives-table").query().isFocused());
        type(KeyCode.DOWN);
        TableView<?> initiatives = lookup("#initiatives-table").queryAs(TableView.class);
        assertThat(initiatives.getSelectionModel().getSelectedIndex()).as("Down chose a row").isNotNegative();
        type(KeyCode.ENTER);
        waitFor("#task-table");
        assertThat(breadcrumb()).hasSize(3);

        // A press selects the row it is on (seen before the click opens it).
        clickOn("#nav-systems");
        waitFor("#systems-table");
        TableView<?> systems = lookup("#systems-table").queryAs(TableView.class);
        moveTo(row("systems-table", 2));
        press(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(systems.getSelectionModel().getSelectedIndex()).isEqualTo(2);
        assertThat(systems.isFocused()).isTrue();
        release(javafx.scene.input.MouseButton.PRIMARY);
        waitFor("#initiatives-table");
        assertThat(breadcrumb()).containsExactly("Hệ thống", "Hệ thống an sinh và phúc lợi xã hội");
        // A double click: the first click opens, the second lands on the next screen and opens nothing.
        clickOn("#nav-systems");
        waitFor("#systems-table");
        doubleClickOn(row("systems-table", 0));
        waitFor("#initiatives-table");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(breadcrumb()).hasSize(2);
    }

    /**
     * The status bars name the systems (short on the axis, in full on hover) and a click on a
     * status's part opens that system's initiatives in that status; a status cell is in its colour.
     */
    @Test
    void aStatusBarOpensItsSystemsInitiativesInThatStatus() throws Exception {
        clickOn("#nav-systems");
        waitFor("#systems-table");
        @SuppressWarnings("unchecked")
        javafx.scene.chart.StackedBarChart<String, Number> chart = lookup(".chart").queryAs(javafx.scene.chart.StackedBarChart.class);
        assertThat(((javafx.scene.chart.CategoryAxis) chart.getXAxis()).getCategories()).contains("Hạ tầng,\ndữ liệu")
                .noneMatch(c -> c.matches("Hệ thống \\d"));
        var red = chart.getData().get(3); // completed, green, amber, red
        var bar = red.getData().stream().filter(d -> d.getYValue().intValue() > 0).findFirst().orElseThrow();
        clickOn(bar.getNode());
        waitFor("#initiatives-table");
        var status = lookup("#" + vn.r57desk.app.systems.InitiativesScreen.FILTER_STATUS_ID).queryAs(javafx.scene.control.ComboBox.class);
        assertThat(status.getValue()).isEqualTo(red.getName());
        TableView<?> table = lookup("#initiatives-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(bar.getYValue().intValue());
        var statusTexts = row("initiatives-table", 0).lookupAll(".r57-row-text").stream()
                .filter(n -> red.getName().equals(((javafx.scene.text.Text) n).getText())).toList();
        assertThat(statusTexts).singleElement().satisfies(t -> assertThat(t.getStyleClass()).contains("r57-rag-red"));
    }

    /** A cell of the ministries × systems grid opens what that ministry leads or coordinates in that system. */
    @Test
    void aGridCellOpensTheMinistrysInitiativesInThatSystem() throws Exception {
        clickOn("#nav-ministries");
        waitFor("#ministries-table");
        Label cell = lookup(n -> n.getId() != null && n.getId().startsWith("grid-MPS-") && n instanceof Label l && !l.getText().isEmpty())
                .queryAs(Label.class);
        int n = Integer.parseInt(cell.getText());
        // its tooltip is made on the first hover (not with the screen) and names the ministry
        assertThat(vn.r57desk.app.widgets.HoverTip.of(cell)).isNull();
        moveTo(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vn.r57desk.app.widgets.HoverTip.of(cell).getText()).contains("Bộ Công an");
        assertThat(cell.getTooltip()).isSameAs(vn.r57desk.app.widgets.HoverTip.of(cell));
        clickOn(cell);
        waitFor("#initiatives-table");
        assertThat(lookup("#" + vn.r57desk.app.systems.InitiativesScreen.AGENCY_ID).queryAs(Label.class).getText()).contains("Bộ Công an");
        assertThat(lookup("#initiatives-table").queryAs(TableView.class).getItems()).hasSize(n);
        assertThat(breadcrumb().getFirst()).isEqualTo("Hệ thống");
    }

    /** In the projector theme the row chosen with the keyboard is filled with the status blue, seen from the back of a room. */
    @Test
    void theProjectorShowsTheKeyboardsRowStrongly() throws Exception {
        clickOn("#" + vn.r57desk.app.shell.MainWindow.THEME_BUTTON_ID);
        clickOn("#theme-projector");
        clickOn("#nav-systems");
        waitFor("#systems-table");
        TableView<?> systems = lookup("#systems-table").queryAs(TableView.class);
        interact(() -> {
            systems.requestFocus();
            systems.getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var r = (javafx.scene.control.TableRow<?>) row("systems-table", 1);
        var fill = r.getBackground().getFills().getLast().getFill();
        assertThat(fill).isEqualTo(javafx.scene.paint.Color.web(vn.r57desk.app.theme.Theme.PROJECTOR.palette.done()));
    }
}
