package vn.r57desk.app.search;

import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.nav.Place;
import vn.r57desk.store.query.DrillDown;

/** The Ctrl+K search box: type, move with ↑/↓, open with Enter or a click, close with Esc. */
public final class SearchView {
    public static final String FIELD_ID = "search-field";
    public static final String RESULTS_ID = "search-results";

    private final StackPane overlay = new StackPane();
    private final TextField field = new TextField();
    private final ListView<SearchViewModel.Hit> list = new ListView<>();

    public SearchView(SearchViewModel vm, Messages m, Supplier<DrillDown> dd, Consumer<Place> open) {
        field.setId(FIELD_ID);
        list.setId(RESULTS_ID);
        field.textProperty().addListener((o, a, text) -> vm.search(dd.get(), text));
        vm.resultsProperty().addListener((o, a, hits) -> {
            list.getItems().setAll(hits);
            if (!hits.isEmpty()) list.getSelectionModel().selectFirst();
        });
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(SearchViewModel.Hit h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null
                        : m.get("search.kind." + h.kind().name().toLowerCase(java.util.Locale.ROOT)) + " · " + h.code() + " · " + h.label().in(m.locale()));
            }
        });
        Runnable openSelected = () -> {
            var h = list.getSelectionModel().getSelectedItem();
            if (h != null) {
                hide();
                open.accept(h.place());
            }
        };
        field.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case DOWN -> { list.getSelectionModel().selectNext(); e.consume(); }
                case UP -> { list.getSelectionModel().selectPrevious(); e.consume(); }
                case ENTER -> openSelected.run();
                case ESCAPE -> hide();
                default -> { }
            }
        });
        list.setOnMouseClicked(e -> openSelected.run());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelected.run();
            if (e.getCode() == KeyCode.ESCAPE) hide();
        });
        Label hint = new Label();
        hint.getStyleClass().add(Styles.MUTED);
        m.localeProperty().addListener((o, a, b) -> relabel(m, hint));
        relabel(m, hint);
        VBox box = new VBox(8, field, list, hint);
        box.getStyleClass().add(Styles.SEARCH);
        box.setMaxWidth(760);
        box.setMaxHeight(520);
        overlay.getChildren().add(box);
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        overlay.getStyleClass().add(Styles.SEARCH_OVERLAY);
        overlay.setOnMouseClicked(e -> {
            if (e.getTarget() == overlay) hide();
        });
        overlay.setVisible(false);
    }

    private void relabel(Messages m, Label hint) {
        field.setPromptText(m.get("search.prompt"));
        hint.setText(m.get("search.hint"));
    }

    public StackPane node() {
        return overlay;
    }

    public void show() {
        overlay.setVisible(true);
        field.selectAll();
        field.requestFocus();
    }

    public void hide() {
        overlay.setVisible(false);
    }
}
