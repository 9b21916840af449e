package vn.r57desk.app.shell;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.scene.paint.Color;
import vn.r57desk.store.metrics.Rag;

/**
 * The one place TilesFX tiles are made. TilesFX sets its colours in Java, so the theme's colours
 * are applied here rather than in CSS.
 */
public final class Tiles {
    public static final Color BACKGROUND = Color.web("#ffffff");
    public static final Color TEXT = Color.web("#1f2328");
    public static final Color MUTED = Color.web("#57606a");

    private Tiles() {}

    public static Color ragColor(Rag rag) {
        return switch (rag) {
            case GREEN -> Color.web("#1a7f37");
            case AMBER -> Color.web("#bf8700");
            case RED -> Color.web("#cf222e");
            case COMPLETED -> Color.web("#0969da");
            case NO_DATA -> MUTED;
        };
    }

    /** A large number with its title, unit and two lines of context, coloured by status. */
    public static Tile number(String title, double value, int decimals, String unit, String description, String text, Rag rag) {
        Tile t = TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .prefSize(300, 190)
                .title(title)
                .value(value)
                .decimals(decimals)
                .unit(unit)
                .description(description)
                .text(text)
                .textVisible(true)
                .textSize(Tile.TextSize.BIGGER)
                .backgroundColor(BACKGROUND)
                .titleColor(TEXT)
                .valueColor(ragColor(rag))
                .unitColor(MUTED)
                .descriptionColor(TEXT)
                .textColor(ragColor(rag))
                .roundedCorners(true)
                .build();
        t.setStyle("-fx-border-color: #d0d7de; -fx-border-radius: 8;");
        return t;
    }
}
