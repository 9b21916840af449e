package vn.r57desk.app.widgets;

import java.util.List;
import java.util.StringJoiner;

import javafx.geometry.VPos;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import vn.r57desk.app.theme.Styles;

/**
 * A table row that draws each column's text itself, one {@link Text} per column, instead of a
 * {@code TableCell} control (with its skin and its own text) per column. Cells were two thirds of
 * the nodes of a screen with tables, and styling new controls most of a drill-down step's time
 * (docs/performance.md); selection, sorting, the header and the keyboard stay the TableView's.
 * A text wider than its column ends in "…" (the table's tooltip shows it whole over its row);
 * numbers align right.
 */
final class TextRow<T> extends TableRow<T> {
    /** Style class of the texts (the theme's cell colour, selected rows included: r57.css). */
    static final String TEXT_STYLE_CLASS = Styles.ROW_TEXT;

    private final List<DataTable.Column<T>> columns;

    TextRow(List<DataTable.Column<T>> columns) {
        this.columns = columns;
        // A text cut short shows in full when the pointer rests on its row: one tooltip for the
        // table, given the row's text as the pointer enters it (a tooltip per row cost the
        // drill-down time when rows were made).
        setOnMouseEntered(e -> {
            var table = getTableView();
            if (table == null) return;
            String cut = cutText();
            if (cut == null) {
                table.setTooltip(null);
                return;
            }
            Tooltip tip = (Tooltip) table.getProperties().computeIfAbsent(TIP_KEY, k -> new Tooltip());
            tip.setText(cut);
            table.setTooltip(tip);
        });
    }

    private static final String TIP_KEY = "r57.rowTooltip";

    /** The full text of the row's first cut-short column, or null when nothing is cut. */
    private String cutText() {
        return getSkin() instanceof TextRowSkin<?> s ? s.cut : null;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TextRowSkin<>(this, columns);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (getSkin() instanceof TextRowSkin<?> s) s.update();
    }

    private static final class TextRowSkin<T> extends SkinBase<TableRow<T>> {
        private final List<DataTable.Column<T>> columns;
        private final Text[] texts;
        private final String[] full;
        private final String[] styles;
        private final Text measure = new Text();

        TextRowSkin(TextRow<T> row, List<DataTable.Column<T>> columns) {
            super(row);
            this.columns = columns;
            texts = new Text[columns.size()];
            full = new String[columns.size()];
            styles = new String[columns.size()];
            for (int i = 0; i < texts.length; i++) {
                Text t = new Text();
                t.getStyleClass().add(TEXT_STYLE_CLASS);
                t.setTextOrigin(VPos.CENTER);
                t.setManaged(false);
                texts[i] = t;
            }
            getChildren().setAll(texts);
            watchColumns();
            registerChangeListener(row.tableViewProperty(), o -> watchColumns());
            update();
        }

        /** A column that changes width moves the texts after it (the table's columns never change). */
        private void watchColumns() {
            var table = getSkinnable().getTableView();
            if (table == null) return;
            for (TableColumn<T, ?> c : table.getColumns()) {
                registerInvalidationListener(c.widthProperty(), o -> getSkinnable().requestLayout());
                registerInvalidationListener(c.visibleProperty(), o -> getSkinnable().requestLayout());
            }
        }

        void update() {
            TableRow<T> row = getSkinnable();
            T item = row.isEmpty() ? null : row.getItem();
            StringJoiner spoken = new StringJoiner(", ");
            for (int i = 0; i < texts.length; i++) {
                full[i] = item == null ? "" : columns.get(i).shown(item);
                spoken.add(full[i]);
                // A status cell in its status's colour (the theme's Palette, through the style sheet).
                String style = item == null ? null : columns.get(i).styleOf(item);
                if (!java.util.Objects.equals(style, styles[i])) {
                    if (styles[i] != null) texts[i].getStyleClass().remove(styles[i]);
                    if (style != null) texts[i].getStyleClass().add(style);
                    styles[i] = style;
                }
            }
            // Screen readers get the whole row, as they got it from its cells.
            row.setAccessibleText(item == null ? null : spoken.toString());
            row.requestLayout();
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            var table = getSkinnable().getTableView();
            if (table == null) return;
            // The table's columns in the order of this row's texts; a column hidden on a narrow
            // table (DataTable.optional) takes its text with it, and the texts after it move left.
            List<? extends TableColumn<T, ?>> all = table.getColumns();
            double pad = texts.length == 0 ? 0 : 0.5 * texts[0].getFont().getSize();
            double left = getSkinnable().snappedLeftInset();
            double mid = y + h / 2;
            String cut = null;
            for (int i = 0; i < texts.length; i++) {
                Text t = texts[i];
                boolean shown = i < all.size() && all.get(i).isVisible();
                t.setVisible(shown);
                double cw = shown ? all.get(i).getWidth() : 0;
                String s = fit(t, full[i], cw - 2 * pad);
                if (!s.equals(full[i]) && cut == null) cut = full[i];
                t.setText(s);
                double tw = t.getLayoutBounds().getWidth();
                t.setLayoutX(columns.get(i).numeric() ? left + cw - pad - tw : left + pad);
                t.setLayoutY(mid);
                left += cw;
            }
            this.cut = cut;
        }

        /** The first text of this row that is cut short, in full, or null. */
        private String cut;

        /** The text, or its longest start that fits {@code room} followed by "…". */
        private String fit(Text t, String s, double room) {
            measure.setFont(t.getFont());
            measure.setText(s);
            if (s.isEmpty() || measure.getLayoutBounds().getWidth() <= room) return s;
            int lo = 0;
            int hi = s.length();
            while (lo < hi) { // the most characters that fit with the ellipsis
                int m = (lo + hi + 1) / 2;
                measure.setText(s.substring(0, m).stripTrailing() + "…");
                if (measure.getLayoutBounds().getWidth() <= room) lo = m;
                else hi = m - 1;
            }
            return lo == 0 ? "…" : s.substring(0, lo).stripTrailing() + "…";
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            double fixed = getSkinnable().getTableView() == null ? -1 : getSkinnable().getTableView().getFixedCellSize();
            if (fixed > 0) return fixed;
            double h = 0;
            for (Text t : texts) h = Math.max(h, t.getLayoutBounds().getHeight());
            return top + h * 1.5 + bottom;
        }

        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            var table = getSkinnable().getTableView();
            double w = 0;
            if (table != null) for (TableColumn<T, ?> c : table.getVisibleLeafColumns()) w += c.getWidth();
            return left + w + right;
        }
    }
}
