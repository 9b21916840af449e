package vn.r57desk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import vn.r57desk.app.meetings.MeetingScreen;
import vn.r57desk.app.meetings.MeetingsScreen;
import vn.r57desk.app.meetings.MyNotesScreen;
import vn.r57desk.app.meetings.PresenterWindow;
import vn.r57desk.app.notes.PrivateNotesPanel;
import vn.r57desk.app.screens.ScreenRegistry;
import vn.r57desk.app.shell.R57DeskApp;

/**
 * A meeting, driven headless by keyboard on the embedded demo data: the meetings section, an agenda
 * item's stocktake, a private note and a decision on it, presenter mode (step, blank, spotlight,
 * leave), and My notes with its diacritic-free search.
 */
class MeetingUiTest extends AppRobot {
    @TempDir static Path dataDir;
    private javafx.application.Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("r57.dataDir", dataDir.toString());
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        java.nio.file.Files.deleteIfExists(dataDir.resolve("settings.properties"));
        app = FxToolkit.setupApplication(R57DeskApp.class);
        waitFor("#" + ScreenRegistry.CONTENT_ID);
    }

    @AfterEach
    void cleanup() throws Exception {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage s && s.getScene() != null && s.getScene().getRoot().getId() != null
                    && s.getScene().getRoot().getId().equals(PresenterWindow.ROOT_ID)) interact(s::close);
        }
        if (app != null) FxToolkit.cleanupApplication(app);
    }

    private List<String> breadcrumb() {
        HBox crumb = lookup("#" + R57DeskApp.BREADCRUMB_ID).queryAs(HBox.class);
        return crumb.getChildrenUnmodifiable().stream()
                .map(n -> n instanceof Label l ? l.getText() : n instanceof javafx.scene.control.Hyperlink h ? h.getText() : "")
                .filter(s -> !s.equals("›")).toList();
    }

    private static String texts(Node n) {
        StringBuilder b = new StringBuilder();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(n));
        while (!todo.isEmpty()) {
            Node x = todo.pop();
            if (x instanceof Labeled l && l.getText() != null) b.append(l.getText()).append('\n');
            if (x instanceof javafx.scene.Parent p) todo.addAll(p.getChildrenUnmodifiable());
        }
        return b.toString();
    }

    /** Focuses a button and presses it with Space, as from the keyboard. */
    private void press(String query) throws Exception {
        waitFor(query);
        var b = lookup(query).queryAs(javafx.scene.control.ButtonBase.class);
        interact(b::requestFocus);
        type(KeyCode.SPACE);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> ok) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, ok);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Stage presenter() {
        return (Stage) lookup("#" + PresenterWindow.ROOT_ID).query().getScene().getWindow();
    }

    /** Every label and button in the presenter shows its whole text: titles wrap instead of ending in "…". */
    private void assertNothingCutIn(Node root) {
        assertThat(root.lookupAll(".label")).allSatisfy(n -> {
            Labeled l = (Labeled) n;
            if (!l.isVisible() || l.getText() == null || l.getText().isEmpty() || l.getScene() == null) return;
            String shown = l.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text
                    && !(c instanceof org.kordamp.ikonli.javafx.FontIcon)).map(c -> ((javafx.scene.text.Text) c).getText()).reduce("", String::concat);
            assertThat(shown.replaceAll("\\s+", "")).as("shown whole: " + l.getText()).isEqualTo(l.getText().replaceAll("\\s+", ""));
        });
    }

    @Test
    void aMeetingFromItsAgendaToAStocktakeANoteADecisionAndPresenting() throws Exception {
        // Ctrl+8: the meetings, each with its agenda
        press(KeyCode.CONTROL).type(KeyCode.DIGIT8).release(KeyCode.CONTROL);
        waitFor("#" + MeetingsScreen.PAST_ID);
        assertThat(breadcrumb()).containsExactly("Phiên họp");
        String page = texts(lookup("#" + ScreenRegistry.CONTENT_ID).query());
        assertThat(page).contains("Sắp họp (").contains("Đã họp (").contains("Trình bày: ").contains(" phút");
        Button item = lookup(".r57-agenda-item").queryAllAs(Button.class).iterator().next();
        String itemText = item.getText();

        // Enter on an agenda item opens its stocktake
        interact(item::requestFocus);
        type(KeyCode.ENTER);
        waitFor("#stocktake-status");
        List<String> crumb = breadcrumb();
        assertThat(crumb).hasSize(3).first().isEqualTo("Phiên họp");
        assertThat(itemText).startsWith(crumb.get(2));
        String status = lookup("#stocktake-status").queryAs(Label.class).getText();
        assertThat(status).isIn("Hoàn thành", "Đúng tiến độ", "Có nguy cơ chậm", "Chậm tiến độ", "Chưa có số liệu");
        assertThat(lookup("#stocktake-trend").queryAs(Label.class).getGraphic()).as("the trend arrow").isNotNull();
        assertThat(lookup("#stocktake-as-of").queryAs(Label.class).getText()).startsWith("Số liệu đến ngày");
        String stocktake = texts(lookup("#" + ScreenRegistry.CONTENT_ID).query());
        assertThat(stocktake).contains("Nhiệm vụ quá hạn ngày").contains("Kết luận và nhiệm vụ các phiên trước");

        // a private note: kept on this laptop, said so
        press("#" + PrivateNotesPanel.WRITE_ID);
        waitFor("#" + PrivateNotesPanel.TEXT_ID);
        TextArea note = lookup("#" + PrivateNotesPanel.TEXT_ID).queryAs(TextArea.class);
        interact(() -> note.setText("Hỏi Bộ Công an về dữ liệu dân cư tại Hà Nội"));
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> texts(lookup("#" + PrivateNotesPanel.LIST_ID).query()).contains("Hỏi Bộ Công an về dữ liệu dân cư tại Hà Nội"));
        assertThat(texts(lookup("#" + PrivateNotesPanel.LIST_ID).query())).contains("chỉ trên máy này");

        // a decision on the item: text, agency, due date
        press("#decision-record");
        waitFor("#decision-text");
        TextArea decision = lookup("#decision-text").queryAs(TextArea.class);
        interact(() -> decision.setText("Hoàn thành kết nối dữ liệu trước 31/3"));
        clickOn(lookup((Button b) -> b.isDefaultButton()).queryButton());
        waitUntil(() -> texts(lookup("#decisions").query()).contains("Hoàn thành kết nối dữ liệu trước 31/3"));

        // back on the meeting page: the decision is listed; marked done, it stays done
        interact(() -> lookup("#" + R57DeskApp.BREADCRUMB_ID).queryAs(HBox.class).getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.Hyperlink).skip(1).findFirst()
                .ifPresent(h -> ((javafx.scene.control.Hyperlink) h).fire()));
        waitFor("#" + MeetingScreen.PRESENT_ID);
        waitUntil(() -> texts(lookup("#decisions").query()).contains("Hoàn thành kết nối dữ liệu trước 31/3"));
        CheckBox done = lookup("#decisions").lookup(".check-box").queryAs(CheckBox.class);
        interact(done::requestFocus);
        type(KeyCode.SPACE);
        waitUntil(() -> lookup("#decisions").lookup(".check-box").tryQueryAs(CheckBox.class).map(CheckBox::isSelected).orElse(false)
                && lookup("#decisions").lookup(".check-box").queryAs(CheckBox.class) != done);

        // the handout PDF of the meeting, written off the FX thread where the user chose (the file
        // chooser itself cannot be driven headless), the status bar saying where
        Path pdf = dataDir.resolve("handout.pdf");
        var ctx = ((R57DeskApp) app).window().context();
        interact(() -> ctx.store().run(dd -> new vn.r57desk.store.meeting.Meetings(dd.cache(), dd).all().getFirst(),
                m -> MeetingScreen.writeHandout(ctx, m, java.time.LocalDate.of(2026, 11, 20), pdf), e -> { throw new AssertionError(e); }));
        waitUntil(() -> lookup("#" + vn.r57desk.app.shell.MainWindow.MESSAGE_ID).queryAs(Label.class).getText().startsWith("Đã ghi tài liệu PDF: "));
        assertThat(java.nio.file.Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());

        // F11: presenter mode, in its own window, item 1 of n
        interact(() -> lookup("#" + MeetingScreen.PRESENT_ID).query().requestFocus());
        type(KeyCode.F11);
        waitFor("#" + PresenterWindow.POSITION_ID);
        Stage stage = presenter();
        assertThat(stage).isNotSameAs(lookup("#" + R57DeskApp.LANGUAGE_BUTTON_ID).query().getScene().getWindow());
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("theme-projector.css"));
        Label position = lookup("#" + PresenterWindow.POSITION_ID).queryAs(Label.class);
        assertThat(position.getText()).matches("Mục 1/\\d+");
        int count = Integer.parseInt(position.getText().replaceAll(".*/", ""));
        assertThat(lookup("#" + PresenterWindow.AS_OF_ID).queryAs(Label.class).getText()).startsWith("Số liệu đến ");
        var presenting = ((R57DeskApp) app).window().presenting();
        assertThat(presenting.isPresenting()).as("syncs wait while presenting").isTrue();
        interact(stage::requestFocus);

        // Page Down steps; Page Up goes back
        type(KeyCode.PAGE_DOWN);
        waitUntil(() -> position.getText().equals("Mục 2/" + count));
        type(KeyCode.PAGE_UP);
        waitUntil(() -> position.getText().equals("Mục 1/" + count));
        type(KeyCode.PAGE_DOWN);
        waitUntil(() -> position.getText().equals("Mục 2/" + count));

        // B blanks the screen, B again brings it back
        Node blank = lookup("#" + PresenterWindow.BLANK_ID).query();
        assertThat(blank.isVisible()).isFalse();
        type(KeyCode.B);
        waitUntil(blank::isVisible);
        type(KeyCode.B);
        waitUntil(() -> !blank.isVisible());

        // S: the first chart in the spotlight, everything else faded
        List<Node> charts = List.copyOf(lookup(".r57-stocktake-chart").queryAll().stream().filter(n -> n.getScene() == stage.getScene()).toList());
        if (charts.size() >= 1) {
            type(KeyCode.S);
            waitUntil(() -> charts.get(0).getOpacity() == 1.0 && (charts.size() == 1 || charts.get(1).getOpacity() < 0.5));
        }

        // What would go to the laptop's status bar (a decision saved) shows on the projector too
        PresenterWindow shownWindow = (PresenterWindow) stage.getScene().getRoot().getProperties().get(PresenterWindow.class);
        interact(() -> shownWindow.context().toast().accept("Đã lưu quyết định"));
        assertThat(lookup("#" + PresenterWindow.MESSAGE_ID).queryAs(Label.class).getText()).isEqualTo("Đã lưu quyết định");

        // Nothing cut on a 1024 x 768 projector: titles wrap
        interact(() -> {
            stage.setFullScreen(false);
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCutIn(stage.getScene().getRoot());

        // Esc leaves
        interact(stage::requestFocus);
        type(KeyCode.ESCAPE);
        waitUntil(() -> !stage.isShowing());
        assertThat(lookup("#" + PresenterWindow.ROOT_ID).tryQuery()).isEmpty();
        assertThat(presenting.isPresenting()).as("syncs run again").isFalse();

        // My notes (Ctrl+9): the note, found without diacritics, opening its place
        press(KeyCode.CONTROL).type(KeyCode.DIGIT9).release(KeyCode.CONTROL);
        waitFor("#" + MyNotesScreen.LIST_ID);
        assertThat(breadcrumb()).containsExactly("Ghi chú của tôi");
        waitUntil(() -> texts(lookup("#" + MyNotesScreen.LIST_ID).query()).contains("Hỏi Bộ Công an về dữ liệu dân cư tại Hà Nội"));
        TextField search = lookup("#" + MyNotesScreen.SEARCH_ID).queryAs(TextField.class);
        interact(() -> search.setText("du lieu dan cu ha noi"));
        assertThat(texts(lookup("#" + MyNotesScreen.LIST_ID).query())).contains("Hỏi Bộ Công an về dữ liệu dân cư tại Hà Nội");
        interact(() -> search.setText("khong co dau nao nhu the"));
        assertThat(texts(lookup("#" + MyNotesScreen.LIST_ID).query())).contains("Không có ghi chú nào khớp.");
        interact(() -> search.setText(""));
        var link = lookup("#" + MyNotesScreen.LIST_ID).lookup(".hyperlink").queryAs(javafx.scene.control.Hyperlink.class);
        interact(link::fire);
        waitUntil(() -> !breadcrumb().equals(List.of("Ghi chú của tôi")));
    }
}
