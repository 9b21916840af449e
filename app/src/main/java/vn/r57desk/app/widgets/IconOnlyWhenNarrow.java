package vn.r57desk.app.widgets;

import java.util.List;
import java.util.function.DoubleSupplier;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Buttons of a bar as wide as the window that drop their words and keep their icons (the words go
 * to their tooltips) when the bar cannot hold them otherwise: the projector theme's large type on
 * a 1024-pixel projector, where the words pushed the window's content off both its edges.
 *
 * <p>The bar needs its minimum width (what its children cannot give up), the words of these
 * buttons, and {@code room} more (for a title to stay readable). Both states are measured without
 * switching, so the buttons do not flicker between them.
 */
public final class IconOnlyWhenNarrow {
    private final Region bar;
    private final List<? extends Labeled> buttons;
    private final DoubleSupplier room;
    private boolean pending;
    private boolean iconOnly;

    private IconOnlyWhenNarrow(Region bar, List<? extends Labeled> buttons, DoubleSupplier room) {
        this.bar = bar;
        this.buttons = buttons;
        this.room = room;
    }

    /** Watches the window's width, the bar's layout and the buttons' words, type and presence. */
    public static void install(Region bar, List<? extends Labeled> buttons, DoubleSupplier room) {
        IconOnlyWhenNarrow w = new IconOnlyWhenNarrow(bar, buttons, room);
        // The window's width, not the bar's: a bar is never laid out narrower than its minimum,
        // so when it overflows its own width still says it fits.
        javafx.beans.value.ChangeListener<Number> width = (o, a, b) -> w.changed(o);
        bar.sceneProperty().addListener((o, a, b) -> {
            if (a != null) a.widthProperty().removeListener(width);
            if (b != null) b.widthProperty().addListener(width);
            w.changed(o);
        });
        if (bar.getScene() != null) bar.getScene().widthProperty().addListener(width);
        // Anything in the bar that changes size (the age of the figures once read, a style sheet
        // applied, a sync's status) asks for a layout: its minimum may have changed.
        if (bar instanceof javafx.scene.Parent p) p.needsLayoutProperty().addListener((o, a, b) -> {
            if (b) w.changed(o);
        });
        for (Labeled b : buttons) {
            b.textProperty().addListener(w::changed);
            b.fontProperty().addListener(w::changed);
            b.managedProperty().addListener(w::changed);
            // a button that has no tooltip of its own gets its words as one
            if (b.getTooltip() == null) {
                Tooltip t = new Tooltip();
                t.textProperty().bind(b.textProperty());
                b.setTooltip(t);
            }
        }
    }

    private void changed(Observable o) {
        // Decided after the layout pass that reported the change: switching inside it would
        // change the sizes that pass is using.
        if (pending) return;
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            update();
        });
    }

    private void update() {
        if (bar.getScene() == null) return;
        double width = bar.getScene().getWidth();
        if (width <= 0) return;
        double words = 0;
        for (Labeled b : buttons) {
            if (!b.isManaged()) continue;
            // in the icon-only state the words are not in the minimum width: add them back
            if (iconOnly) words += wordsWidth(b);
        }
        boolean next = bar.minWidth(-1) + words + room.getAsDouble() > width;
        if (next == iconOnly) return;
        iconOnly = next;
        for (Labeled b : buttons) b.setContentDisplay(next ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
    }

    /** What a button's words add to its width beside its icon. */
    static double wordsWidth(Labeled b) {
        if (b.getText() == null || b.getText().isEmpty()) return 0;
        Text t = new Text(b.getText());
        t.setFont(b.getFont());
        return Math.ceil(t.getLayoutBounds().getWidth()) + (b.getGraphic() == null ? 0 : b.getGraphicTextGap());
    }
}
