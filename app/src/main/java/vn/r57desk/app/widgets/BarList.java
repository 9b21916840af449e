package vn.r57desk.app.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import vn.r57desk.app.theme.Styles;

/**
 * Horizontal bars, one row per item in the order given: every row's name and value printed in the
 * theme's type. A bar chart's category axis leaves names out when rows are tight (it did on the
 * projector), and its axis, bar regions and tick labels made a chart of 100 communes the slowest
 * part of its screen; here each row is two texts and a rectangle, placed by hand.
 * A click on a row opens it; with the keyboard, Up/Down choose a row and Enter opens it.
 */
public final class BarList extends Region {
    public static final String STYLE_CLASS = Styles.BAR_LIST;
    static final String TEXT_STYLE_CLASS = Styles.BAR_TEXT;
    static final String VALUE_STYLE_CLASS = Styles.BAR_VALUE;

    /** One row: the name shown, its value (sets the bar's length), the value as shown, the bar colour. */
    public record Bar(String label, double value, String valueText, Color color) {}

    private final List<Bar> bars;
    private final List<Text> labels = new ArrayList<>();
    private final List<Text> values = new ArrayList<>();
    private final List<Rectangle> rects = new ArrayList<>();
    private final Text axis;
    private final Rectangle highlight = new Rectangle();
    /** The scale's ends: bars start at zero unless some value is below it (a bar's length is its value). */
    private final double min, max;
    private int selected = -1;

    public BarList(List<Bar> bars, String axisLabel, IntConsumer open) {
        this.bars = List.copyOf(bars);
        this.min = Math.min(0, this.bars.stream().mapToDouble(Bar::value).min().orElse(0));
        this.max = Math.max(min + 1e-9, this.bars.stream().mapToDouble(Bar::value).max().orElse(1));
        getStyleClass().add(STYLE_CLASS);
        highlight.setFill(Color.gray(0.5, 0.18));
        highlight.setVisible(false);
        highlight.setManaged(false);
        getChildren().add(highlight);
        for (Bar b : this.bars) {
            Text l = text(b.label(), TEXT_STYLE_CLASS);
            Text v = text(b.valueText(), VALUE_STYLE_CLASS);
            Rectangle r = new Rectangle();
            r.setFill(b.color());
            r.setManaged(false);
            labels.add(l);
            values.add(v);
            rects.add(r);
            getChildren().addAll(l, r, v);
        }
        axis = text(axisLabel, TEXT_STYLE_CLASS);
        getChildren().add(axis);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        setAccessibleText(axisLabel);

        setOnMouseMoved(e -> {
            int row = rowAt(e.getY());
            setCursor(row >= 0 ? Cursor.HAND : Cursor.DEFAULT);
            mark(row);
        });
        setOnMouseExited(e -> mark(isFocused() ? selected : -1));
        setOnMouseClicked(e -> {
            int row = rowAt(e.getY());
            if (row >= 0) open.accept(row);
        });
        setOnKeyPressed(e -> {
            if (this.bars.isEmpty()) return;
            if (e.getCode() == KeyCode.DOWN) selected = Math.min(this.bars.size() - 1, selected + 1);
            else if (e.getCode() == KeyCode.UP) selected = Math.max(0, selected - 1);
            else if (e.getCode() == KeyCode.ENTER && selected >= 0) {
                open.accept(selected);
                e.consume();
                return;
            } else return;
            mark(selected);
            e.consume();
        });
        focusedProperty().addListener((o, a, f) -> mark(f ? selected : -1));
    }

    private static Text text(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.CENTER);
        t.setManaged(false);
        return t;
    }

    /** The row at a vertical position in this list, or -1 (above, below, or on the axis label). */
    public int rowAt(double y) {
        double top = rowHeight() * 0.5;
        int row = (int) Math.floor((y - top) / rowHeight());
        return y < top || row >= bars.size() ? -1 : row;
    }

    /** Shades a row (the one under the mouse, or the one chosen with the keyboard); -1: none. */
    private void mark(int row) {
        highlight.setVisible(row >= 0);
        // The keyboard's row gets a frame as well as the shade: the shade alone was lost on a projector.
        highlight.setStroke(isFocused() && row == selected ? Color.gray(0.1) : null);
        highlight.setStrokeWidth(3);
        if (row >= 0) highlight.setY(rowHeight() * 0.5 + row * rowHeight());
    }

    /** The texts' font, which they take from the style sheet (the theme's size). */
    private Font font() {
        return axis.getFont();
    }

    private double rowHeight() {
        return Math.ceil(font().getSize() * 1.75);
    }

    @Override
    protected double computePrefHeight(double width) {
        return rowHeight() * (bars.size() + 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), rowH = rowHeight(), pad = font().getSize() * 0.6;
        double labelW = 0, valueW = 0;
        for (Text t : labels) labelW = Math.max(labelW, t.getLayoutBounds().getWidth());
        for (Text t : values) valueW = Math.max(valueW, t.getLayoutBounds().getWidth());
        labelW = Math.min(labelW, w * 0.4);
        double x0 = labelW + pad, span = Math.max(1, w - x0 - valueW - 2 * pad);
        double top = rowH * 0.5;
        for (int i = 0; i < bars.size(); i++) {
            double mid = top + i * rowH + rowH / 2;
            double len = Math.max(1, (bars.get(i).value() - min) / (max - min) * span);
            Text l = labels.get(i);
            l.setX(labelW - Math.min(labelW, l.getLayoutBounds().getWidth()));
            l.setY(mid);
            Rectangle r = rects.get(i);
            r.setX(x0);
            r.setY(mid - rowH * 0.35);
            r.setWidth(len);
            r.setHeight(rowH * 0.7);
            Text v = values.get(i);
            v.setX(x0 + len + pad / 2);
            v.setY(mid);
        }
        axis.setX(x0 + Math.max(0, (span - axis.getLayoutBounds().getWidth()) / 2));
        axis.setY(top + bars.size() * rowH + rowH / 2);
        highlight.setWidth(w);
        highlight.setHeight(rowH);
    }
}
