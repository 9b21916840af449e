package vn.r57desk.app.widgets;

import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first comes over its node, not when the screen is built. A
 * {@link Tooltip} is a popup window with its own style sheets: the ministries × systems grid (132
 * cells), a chart's bars and points and the province map each made one per item on every visit,
 * which was a large part of those drill-down steps (docs/performance.md, "Desktop client"). The
 * pointer's next move shows it after the usual delay, as an installed tooltip would.
 */
public final class HoverTip {
    private static final String KEY = "r57.hoverTip";

    private HoverTip() {}

    /** {@code text} is asked for once, on the first hover. */
    public static void on(Node node, Supplier<String> text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (node.getProperties().containsKey(KEY)) return;
            Tooltip tip = new Tooltip(text.get());
            tip.setWrapText(true);
            tip.setMaxWidth(480);
            node.getProperties().put(KEY, tip);
            if (node instanceof Control c) c.setTooltip(tip);
            else Tooltip.install(node, tip);
        });
    }

    /** The tooltip made for {@code node}, or null before the pointer has been over it. */
    public static Tooltip of(Node node) {
        return (Tooltip) node.getProperties().get(KEY);
    }
}
