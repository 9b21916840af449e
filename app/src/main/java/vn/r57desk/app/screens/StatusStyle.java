package vn.r57desk.app.screens;

import javafx.scene.paint.Color;

import vn.r57desk.store.metrics.Rag;

/** Status colours and the style class names the stylesheet colours them by. */
public final class StatusStyle {
    private StatusStyle() {}

    public static String styleClass(Rag r) {
        return "r57-rag-" + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Color color(Rag r) {
        return switch (r) {
            case GREEN -> Color.web("#1a7f37");
            case AMBER -> Color.web("#bf8700");
            case RED -> Color.web("#cf222e");
            case COMPLETED -> Color.web("#0969da");
            case NO_DATA -> Color.web("#8c959f");
        };
    }

    public static String hex(Rag r) {
        Color c = color(r);
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
