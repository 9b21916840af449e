package vn.r57desk.app.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.store.text.VietnameseText;

/**
 * A sortable table with a title, an "Export CSV" button and an optional open action (a click, or
 * Enter on the selected row: the keyboard path of every drill-down). Text sorts in Vietnamese order, numbers as
 * numbers; cells show the formatted text that the CSV also gets.
 */
public final class DataTable<T> {
    public static final String STYLE_CLASS = Styles.DATA_TABLE;
    public static final String EXPORT_STYLE_CLASS = Styles.EXPORT;

    /**
     * One column: its header, the value it sorts by, how it is shown, and the style class a cell's
     * text takes (a status's colour; null for none).
     */
    public record Column<T>(String header, Function<T, Object> value, Function<Object, String> format, boolean numeric,
                            Function<T, String> style, Function<T, String> rowText) {
        public Column(String header, Function<T, Object> value, Function<Object, String> format, boolean numeric) {
            this(header, value, format, numeric, null, null);
        }

        /** The text a row shows for {@code item}: the same in the table, its measuring and the CSV. */
        public String shown(T item) {
            return rowText != null ? rowText.apply(item) : format.apply(value.apply(item));
        }

        /** The style class of {@code item}'s text in this column, or null. */
        public String styleOf(T item) {
            return style == null ? null : style.apply(item);
        }
    }

    /** What a table needs beyond its rows: text, where its export runs, where it says so, and the date its figures are as of (null: not known). */
    public record Env(Messages m, TaskRunner runner, Consumer<String> toast, java.time.LocalDate asOf) {}

    private final String title;
    private final List<T> items;
    private final List<Column<T>> columns = new ArrayList<>();
    /** The columns that give way on a narrow table, by index, in the order they were marked ({@link #optional()}). */
    private final List<Integer> optional = new ArrayList<>();
    private Consumer<T> onOpen;
    private String id;

    private DataTable(String title, List<T> items) {
        this.title = title;
        this.items = items;
    }

    public static <T> DataTable<T> of(String title, List<T> items) {
        return new DataTable<>(title, items);
    }

    /** The columns as declared, each with the text it shows for a row (tests read a table's words without a window). */
    public List<Column<T>> columns() {
        return List.copyOf(columns);
    }

    public DataTable<T> text(String header, Function<T, String> value) {
        columns.add(new Column<>(header, value::apply, v -> v == null ? "" : v.toString(), false));
        return this;
    }

    public DataTable<T> number(String header, Function<T, Number> value, Function<Number, String> format) {
        columns.add(new Column<>(header, value::apply, v -> v == null ? "–" : format.apply((Number) v), true));
        return this;
    }

    /** A text column whose cells take a style class of their own (a status's colour). */
    public DataTable<T> styled(String header, Function<T, String> value, Function<T, String> style) {
        columns.add(new Column<>(header, value::apply, v -> v == null ? "" : v.toString(), false, style, null));
        return this;
    }

    /** A number column whose text depends on its row (a KPI's value, with that KPI's decimals); it sorts by the number. */
    public DataTable<T> number(String header, Function<T, Number> value, java.util.function.BiFunction<T, Number, String> format) {
        columns.add(new Column<>(header, value::apply, v -> v == null ? "–" : v.toString(), true, null,
                item -> format.apply(item, value.apply(item))));
        return this;
    }

    /**
     * The column just added gives way on a narrow table: hidden (it stays in the CSV) when, even
     * with the other titles on two lines, the name would be cut to less than {@link #NAME_FLOOR_EM}
     * em. Columns so marked go last-marked first, and come back when the table is wider. On a
     * 1024-pixel projector the province's KPIs had their names cut to "Quy…" and still ran past
     * the table's right edge, the status out of sight.
     */
    public DataTable<T> optional() {
        optional.add(columns.size() - 1);
        return this;
    }

    public DataTable<T> onOpen(Consumer<T> open) {
        this.onOpen = open;
        return this;
    }

    public DataTable<T> id(String id) {
        this.id = id;
        return this;
    }

    public VBox build(Messages m, TaskRunner runner, Consumer<String> notify) {
        return build(new Env(m, runner, notify, null));
    }

    public VBox build(Env env) {
        Messages m = env.m();
        TaskRunner runner = env.runner();
        Consumer<String> notify = env.toast();
        asOf = env.asOf();
        TableView<T> table = new TableView<>(FXCollections.observableArrayList(items));
        if (id != null) table.setId(id);
        table.getStyleClass().add(STYLE_CLASS);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Comparator<String> vi = VietnameseText.collator();
        for (Column<T> c : columns) {
            TableColumn<T, Object> col = new TableColumn<>(c.header());
            // The rows draw their texts in the columns' declared order (TextRow): a header dragged
            // elsewhere would have left the texts under the wrong titles.
            col.setReorderable(false);
            col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(c.value().apply(cd.getValue())));
            col.setComparator((a, b) -> {
                if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
                if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
                return vi.compare(a.toString(), b.toString());
            });
            // Rows draw their own texts (TextRow); cells are made only when JavaFX measures a
            // column itself (a double-click on a header's edge), and then show the same text.
            col.setCellFactory(tc -> new TableCell<>() {
                @Override
                protected void updateItem(Object v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty ? null : c.format().apply(v));
                    setAlignment(c.numeric() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
                }
            });
            table.getColumns().add(col);
        }
        table.setRowFactory(tv -> {
            var row = new TextRow<>(columns);
            // Rows draw themselves (TextRow) without TableRowSkin's behaviour, which is what
            // selects a row on a press: without this a click neither selected nor focused the
            // table, so Enter went to whatever had the focus (the Back button).
            row.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                if (e.getButton() != MouseButton.PRIMARY || row.isEmpty()) return;
                table.requestFocus();
                table.getSelectionModel().clearAndSelect(row.getIndex());
                table.getFocusModel().focus(row.getIndex());
            });
            if (onOpen != null) {
                // One click opens (README: "Drill down by clicking … a table row"). The second click of a
                // double-click lands on the next screen with a count of 2 and opens nothing there.
                row.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && e.isStillSincePress() && !row.isEmpty()) {
                        onOpen.accept(row.getItem());
                    }
                });
            }
            return row;
        });
        if (onOpen != null) {
            table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                T sel = table.getSelectionModel().getSelectedItem();
                if (e.getCode() == KeyCode.ENTER && sel != null) {
                    e.consume();
                    onOpen.accept(sel);
                }
            });
        }
        table.setPrefHeight(34 + 30 * shownRows()); // until fitColumns knows the theme's row height

        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        Button export = Icons.on(new Button(m.get("table.export")), org.kordamp.ikonli.material2.Material2MZ.SAVE_ALT);
        export.getStyleClass().add(EXPORT_STYLE_CLASS);
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            // The user's documents, not the folder the program was started from.
            Path docs = documentsFolder();
            if (docs != null) fc.setInitialDirectory(docs.toFile());
            fc.setInitialFileName(fileName(title, asOf));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            var file = fc.showSaveDialog(export.getScene().getWindow()); // the table may not be built yet
            if (file != null) export(file.toPath(), runner, notify, m);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, heading, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        // The probe takes the table's font from the style sheet (same rule as the table's cells)
        // and comes before the table in the CSS pass, so the columns have their widths before the
        // table's skin would measure them itself (see fitColumns).
        Label probe = new Label();
        probe.getStyleClass().add(MEASURE_STYLE_CLASS);
        probe.setManaged(false);
        probe.setVisible(false);
        probe.fontProperty().addListener((o, a, font) -> fitColumns(table, font));
        table.widthProperty().addListener((o, a, w) -> fitWidth(table));
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<T, ?>>) ch -> fitWidth(table));
        table.skinProperty().addListener((o, a, skin) -> {
            if (table.lookup(".column-header-background") instanceof Region header) {
                header.heightProperty().addListener((h, was, now) -> fitHeight(table));
            }
        });
        return new VBox(6, probe, bar, holder(table));
    }

    /**
     * Rows a table shows before it scrolls within itself. Each shown row is built, styled and laid
     * out when a screen opens: at 21 rows (a 640-pixel cap), when rows were made of cell controls,
     * they were nearly half the time of a drill-down step; 14 rows cut the heavy steps by a fifth
     * (docs/performance.md, "Desktop client"). A screen's tables stay visible together on a laptop.
     */
    public static final int VISIBLE_ROWS = 14;

    private int shownRows() {
        return Math.max(3, Math.min(VISIBLE_ROWS, items.size()));
    }

    /** The id of the place a table with id {@code tableId} takes until it is first on screen. */
    public static String holderId(String tableId) {
        return tableId + "-holder";
    }

    /**
     * The place the table takes on its screen, as tall as the table. The table itself goes in when
     * the place first comes into the window (or takes the keyboard focus): a table below the fold
     * (a province's communes under their chart, a ministry's third and fourth lists) costs nothing
     * until the user scrolls to it. Building the cells of tables nobody could see yet was a large
     * part of opening the heavy screens (docs/performance.md, "Desktop client").
     */
    private StackPane holder(TableView<T> table) {
        StackPane holder = new StackPane();
        holder.getStyleClass().add(HOLDER_STYLE_CLASS);
        if (id != null) holder.setId(holderId(id));
        holder.prefHeightProperty().bind(table.prefHeightProperty());
        holder.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(holder, Priority.ALWAYS);
        // Keyboard users reach it with Tab like any table; focus puts the table in and moves to it.
        holder.setFocusTraversable(true);
        holder.setAccessibleText(title);
        Runnable[] check = new Runnable[1];
        Runnable show = () -> {
            if (!holder.getChildren().isEmpty()) return;
            holder.getChildren().add(table);
            holder.setFocusTraversable(false);
            if (holder.getScene() != null) holder.getScene().removePostLayoutPulseListener(check[0]);
            // Styled and laid out now, inside this pulse: the frame about to be drawn shows it.
            holder.applyCss();
            holder.layout();
        };
        holder.getProperties().put(SHOW_KEY, show);
        check[0] = () -> {
            javafx.scene.Scene scene = holder.getScene();
            if (scene == null || !holder.getChildren().isEmpty()) return;
            javafx.geometry.Bounds b = holder.localToScene(holder.getLayoutBounds());
            if (b.getHeight() > 0 && b.getMinY() < scene.getHeight() && b.getMaxY() > 0) show.run();
        };
        holder.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.removePostLayoutPulseListener(check[0]);
            if (scene != null && holder.getChildren().isEmpty()) scene.addPostLayoutPulseListener(check[0]);
        });
        holder.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) return;
            show.run();
            // After the traversal that brought the focus here has finished.
            javafx.application.Platform.runLater(table::requestFocus);
        });
        return holder;
    }

    static final String HOLDER_STYLE_CLASS = Styles.DATA_TABLE_HOLDER;
    /** The holder's property that puts its table in (for {@link #expandForPrint}). */
    private static final String SHOW_KEY = "r57.dataTable.show";

    /**
     * For "PDF of this view": every table under {@code root} still waiting below the fold is put
     * in its place, and each is made as tall as its rows (at most {@code maxRows}), so that a
     * printout holds the lists rather than the 14 rows a table shows before scrolling within
     * itself. Returns what gives the tables back their heights (the tables stay in place). The
     * caller lays the scene out, snapshots and undoes within one FX event: nothing is drawn meanwhile.
     */
    public static Runnable expandForPrint(Node root, int maxRows) {
        List<Runnable> undo = new ArrayList<>();
        for (Node n : root.lookupAll("." + HOLDER_STYLE_CLASS)) {
            if (n.getProperties().get(SHOW_KEY) instanceof Runnable show) show.run();
            if (!(n instanceof StackPane h) || h.getChildren().isEmpty() || !(h.getChildren().getFirst() instanceof TableView<?> t)) continue;
            double cell = t.getFixedCellSize();
            if (cell <= 0) continue;
            Node header = t.lookup(".column-header-background");
            double headerH = header instanceof Region r && r.getHeight() > 0 ? r.getHeight() : cell + 4;
            int rows = Math.max(1, Math.min(t.getItems().size(), maxRows));
            double tall = Math.ceil(headerH + rows * cell + t.snappedTopInset() + t.snappedBottomInset() + 1);
            double before = t.getPrefHeight();
            if (tall <= before) continue;
            t.setPrefHeight(tall);
            undo.add(() -> t.setPrefHeight(before));
        }
        return () -> undo.forEach(Runnable::run);
    }

    static final String MEASURE_STYLE_CLASS = Styles.DATA_TABLE_MEASURE;
    /** Rows measured per column: JavaFX's own auto-size looks at 30; a page of the app's lists is 100. */
    static final int MEASURED_ROWS = 100;
    /** No column is made wider than this many em: longer texts end in "…" (full text in the CSV). */
    static final double MAX_COLUMN_EM = 40;

    /**
     * Sets each column's preferred width to fit its header and the formatted values of its first
     * rows. JavaFX does the same when a column has no width of its own, but by building a table cell
     * per row and column and styling it; on a screen with several tables that was a third of the
     * time of a drill-down step (docs/performance.md). Measuring the text is enough: cells are plain
     * text with the theme's padding (0.5 em on each side; the header also holds the sort arrow).
     */
    private void fitColumns(TableView<T> table, javafx.scene.text.Font font) {
        if (font == null) return;
        javafx.scene.text.Font bold = javafx.scene.text.Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, font.getSize());
        javafx.scene.text.Text text = new javafx.scene.text.Text("Ấy");
        text.setFont(font);
        double em = font.getSize();
        // Rows of one line of text: a fixed height spares the table measuring every row it lays
        // out. One line plus 0.55 em keeps the light theme's 29-pixel rows at 15 px; the projector
        // theme's 20 px type gets 39-pixel rows (it had 60, showing fewer rows for the same type).
        double cell = Math.ceil(text.getLayoutBounds().getHeight() + 0.55 * em);
        table.setFixedCellSize(cell);
        fitHeight(table);
        int rows = Math.min(items.size(), MEASURED_ROWS);
        double[] full = new double[columns.size()];
        double[] compact = new double[columns.size()];
        String[] twoLineTitles = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column<T> c = columns.get(i);
            text.setFont(bold);
            double oneLine = width(text, c.header());
            twoLineTitles[i] = twoLineTitle(text, c.header());
            double twoLines = linesWidth(text, twoLineTitles[i]);
            // A status column's texts are drawn in bold (their style class): measured in the
            // regular weight, "Có nguy cơ chậm" was cut to "Có nguy cơ chậ…" on a projector.
            text.setFont(c.style() != null ? bold : font);
            double values = 0;
            for (int r = 0; r < rows; r++) values = Math.max(values, width(text, c.shown(items.get(r))));
            text.setFont(font);
            double cap = MAX_COLUMN_EM * em;
            // A title gets the cells' padding; room for the sort arrow is added in fitWidth, only to
            // the columns that show one (it took 0.8 em from every column, ~110 px of a projector's table).
            full[i] = Math.ceil(Math.min(Math.max(oneLine, values) + 1.4 * em, cap));
            compact[i] = Math.ceil(Math.min(Math.max(twoLines, values) + 1.4 * em, cap));
        }
        // The column that flexes: the widest of text (a name), never a number's column, whose width
        // comes from its title (a province's "Đến hạn ≤ 30 ngày" is wider than its name).
        int widest = -1;
        for (int i = 0; i < full.length; i++) {
            if (!columns.get(i).numeric() && (widest < 0 || full[i] > full[widest])) widest = i;
        }
        if (widest < 0) {
            widest = 0;
            for (int i = 1; i < full.length; i++) if (full[i] > full[widest]) widest = i;
        }
        fullWidths = full;
        compactWidths = compact;
        this.twoLineTitles = twoLineTitles;
        widestColumn = widest;
        minimumEm = 4 * em;
        nameFloor = Math.min(full[widest], NAME_FLOOR_EM * em);
        arrowRoom = Math.ceil(0.8 * em);
        fitWidth(table);
    }

    private static double width(javafx.scene.text.Text text, String s) {
        text.setText(s);
        return text.getLayoutBounds().getWidth();
    }

    /** The title broken between words onto two lines as narrow as it gets, or as it is if that is not narrower. */
    private static String twoLineTitle(javafx.scene.text.Text text, String title) {
        String[] words = title.trim().split("\\s+");
        double best = width(text, title);
        String out = title;
        for (int k = 1; k < words.length; k++) {
            String first = String.join(" ", java.util.Arrays.copyOfRange(words, 0, k));
            String second = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
            double w = Math.max(width(text, first), width(text, second));
            if (w < best) {
                best = w;
                out = first + "\n" + second;
            }
        }
        return out;
    }

    /** The width of the widest line of s. */
    private static double linesWidth(javafx.scene.text.Text text, String s) {
        double w = 0;
        for (String line : s.split("\n")) w = Math.max(w, width(text, line));
        return w;
    }

    // Set by fitColumns: each column's width with its title on one line and on two, and the one that flexes.
    private double[] fullWidths;
    private double[] compactWidths;
    private String[] twoLineTitles;
    private int widestColumn;
    private double minimumEm;
    /** The name's width below which optional columns give way (its full width when that is less). */
    private double nameFloor;
    /** How many em the name keeps before an optional column gives way ({@link #optional()}). */
    static final double NAME_FLOOR_EM = 12;
    /** What a header's sort arrow takes beside its title. */
    private double arrowRoom;

    /**
     * Gives each column its full width when they all fit; the widest text column (a name) takes any
     * room left. When they do not fit, other columns put their titles on two lines, those that save
     * the most first and only as many as needed, and only then does the name give way and end in
     * "…"; no other column is ever cut. Before, long titles such as "Nhiệm vụ đúng hạn" kept the
     * numbers' columns wide on a projector while the ministries' names were cut to "Bộ Văn hóa, Thể
     * thao và D…".
     */
    private void fitWidth(TableView<T> table) {
        if (fullWidths == null) return;
        double[] full = fullWidths.clone();
        double[] compact = compactWidths.clone();
        for (int i = 0; i < full.length; i++) {
            if (table.getSortOrder().contains(table.getColumns().get(i))) {
                full[i] += arrowRoom;
                compact[i] += arrowRoom;
            }
        }
        // The table's own width, less its borders and room for a vertical scroll bar.
        double available = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR_ALLOWANCE;
        // Not laid out yet: everything shown, nothing wrapped, until the table has a width.
        Fit fit = table.getWidth() <= 0 ? new Fit(new boolean[full.length], new boolean[full.length], 0)
                : fit(full, compact, widestColumn, optional, available, nameFloor);
        boolean[] wrapped = fit.wrapped();
        for (int i = 0; i < full.length; i++) {
            table.getColumns().get(i).setVisible(!fit.hidden()[i]);
            if (fit.hidden()[i]) full[i] = compact[i] = 0;
        }
        // The name's width is worked out here, not left to the resize policy: the policy runs when
        // the table's width changes, not when a click on a header (a new sort arrow) changes a
        // column's, and a name sorted by was then given its full width past the table's edge.
        double others = fit.others();
        for (int i = 0; i < full.length; i++) {
            TableColumn<T, ?> col = table.getColumns().get(i);
            double w = wrapped[i] ? compact[i] : full[i];
            if (i == widestColumn && table.getWidth() > 0) w = Math.max(minimumEm, available - others);
            col.setPrefWidth(w);
            // A wrapped title's line break is written into the text: a column header sizes itself
            // to its label's one-line height even when the label may wrap.
            col.setText(wrapped[i] ? twoLineTitles[i] : columns.get(i).header());
            // Only the widest column flexes: the resize policy otherwise spread the table's width
            // over all columns, and took back from the name what it gave the numbers.
            col.setMinWidth(i == widestColumn ? minimumEm : w);
            // The name may take the whole table, no more: with no bound (Double.MAX_VALUE) JavaFX's
            // constrained resize policy gave a one-row table's name column a width of 9.2e18 and
            // pushed every column after it out of sight.
            col.setMaxWidth(i == widestColumn ? Math.max(w, available) : w);
        }
    }

    /** How a table's columns fit: which are hidden, which titles wrap, and what all but the name take. */
    record Fit(boolean[] hidden, boolean[] wrapped, double others) {}

    /**
     * How the columns fit {@code available} pixels: no optional column hidden when the name keeps
     * {@code floor} with the other titles wrapped as needed; otherwise the optional ones, last
     * marked first, one at a time until it does (or none is left).
     */
    static Fit fit(double[] full, double[] compact, int flexing, List<Integer> optional, double available, double floor) {
        boolean[] hidden = new boolean[full.length];
        for (int k = 0; ; k++) {
            double[] f = full.clone(), c = compact.clone();
            for (int i = 0; i < f.length; i++) if (hidden[i]) f[i] = c[i] = 0;
            double need = 0;
            for (double w : f) need += w;
            boolean[] wrapped = wrappedTitles(f, c, flexing, need - available);
            double others = 0;
            for (int i = 0; i < f.length; i++) if (i != flexing) others += wrapped[i] ? c[i] : f[i];
            if (available - others >= floor || k >= optional.size()) return new Fit(hidden, wrapped, others);
            hidden[optional.get(optional.size() - 1 - k)] = true;
        }
    }

    /**
     * Which columns (never the flexing one) put their titles on two lines to save {@code excess}
     * pixels: those that save the most first, until enough is saved or none is left.
     */
    static boolean[] wrappedTitles(double[] full, double[] compact, int flexing, double excess) {
        boolean[] wrapped = new boolean[full.length];
        Integer[] order = new Integer[full.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(full[b] - compact[b], full[a] - compact[a]));
        for (int i : order) {
            if (excess <= 0) break;
            double saves = full[i] - compact[i];
            if (i == flexing || saves < 1) continue;
            wrapped[i] = true;
            excess -= saves;
        }
        return wrapped;
    }

    /** Room kept for a table's vertical scroll bar (about 1 em in every theme). */
    private static final double SCROLL_BAR_ALLOWANCE = 16;

    /**
     * Up to VISIBLE_ROWS rows and the header, in any theme. The header is measured once laid out:
     * a narrow column's title wraps onto two lines and makes it taller than a row.
     */
    private void fitHeight(TableView<T> table) {
        double cell = table.getFixedCellSize();
        if (cell <= 0) return;
        Node header = table.lookup(".column-header-background");
        double headerH = header instanceof Region r && r.getHeight() > 0 ? r.getHeight() : cell + 4;
        table.setPrefHeight(Math.ceil(headerH + shownRows() * cell + table.snappedTopInset() + table.snappedBottomInset() + 1));
    }

    private java.time.LocalDate asOf;

    /** "tien-do-sang-kien-2026-11-20.csv": what the table is and the date of its figures. */
    static String fileName(String title, java.time.LocalDate asOf) {
        String name = VietnameseText.searchKey(title).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (asOf == null ? name : name + "-" + asOf) + ".csv";
    }

    /** The user's documents folder (XDG's, Windows' and macOS's "Documents"), or their home; null if neither exists. */
    /** The user's documents folder (the desktop's own, else ~/Documents or ~/Tài liệu, else home); the same as "PDF of this view". */
    static Path documentsFolder() {
        String home = System.getProperty("user.home");
        return home == null ? null : vn.r57desk.store.handout.ViewPdf.documentsFolder(Path.of(home));
    }

    /**
     * Writes the table (every row) to {@code target}, off the FX thread: a first line saying what it
     * is and as of when, the column titles, then the rows. Numbers are written as numbers a
     * spreadsheet reads in any language (a dot before the decimals, no grouping, no "%": a
     * percentage column says "(%)" in its title); text as shown.
     */
    public void export(Path target, TaskRunner runner, Consumer<String> notify, Messages m) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (T item : items) rows.add(columns.stream().map(c -> c.shown(item)).toList());
        for (int i = 0; i < columns.size(); i++) {
            Column<T> c = columns.get(i);
            boolean percent = false;
            if (c.numeric()) {
                for (List<String> r : rows) percent |= r.get(i).endsWith("%");
            }
            header.add(percent ? c.header() + " (%)" : c.header());
        }
        List<List<Object>> cells = new ArrayList<>();
        for (List<String> r : rows) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) out.add(columns.get(i).numeric() ? Csv.number(r.get(i), m.locale()) : r.get(i));
            cells.add(out);
        }
        String first = asOf == null ? title : m.get("table.csvTitle", title, asOf.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        runner.run(() -> {
            Csv.write(target, first, header, cells);
            return target;
        }, p -> notify.accept(m.get("table.exported", rows.size(), p)), e -> notify.accept(m.get("table.exportFailed", e.getMessage())));
    }
}
