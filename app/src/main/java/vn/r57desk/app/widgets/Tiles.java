package vn.r57desk.app.widgets;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.scene.paint.Color;
import vn.r57desk.app.theme.Theme;
import vn.r57desk.store.metrics.Rag;

/**
 * The one place TilesFX tiles are made. TilesFX sets its colours in Java, so the theme's colours
 * are applied here rather than in CSS.
 */
public final class Tiles {
    private Tiles() {}

    /** A status's colour in {@code theme}: its {@link vn.r57desk.app.theme.Palette}, as the style sheets have it. */
    public static Color ragColor(Rag rag, Theme theme) {
        return theme.palette.color(rag);
    }

    /**
     * A large number with its title, unit and two lines of context, coloured by status, written in
     * {@code locale}'s way (vi-VN: 17,75; TilesFX's default is the JVM's, which wrote 17.75).
     */
    /** How a tile writes its number: the locale's separators, exactly {@code decimals} decimals. */
    static java.text.DecimalFormat numberFormat(java.util.Locale locale, int decimals) {
        java.text.DecimalFormat f = (java.text.DecimalFormat) java.text.NumberFormat.getNumberInstance(locale);
        f.setGroupingUsed(true);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f;
    }

    public static Tile number(Theme theme, java.util.Locale locale, String title, double value, int decimals, String unit, String description, String text, Rag rag) {
        Color fg = Color.web(theme.palette.fg());
        Color muted = Color.web(theme.palette.muted());
        Tile t = TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .prefSize(theme.tileWidth, theme.tileHeight)
                .title(title)
                .value(value)
                .decimals(decimals)
                .locale(locale)
                // TilesFX's own format has no thousands separator (12129): the locale's has (12.129).
                .customDecimalFormatEnabled(true)
                .customDecimalFormat(numberFormat(locale, decimals))
                .unit(unit)
                .description(description)
                .text(text)
                .textVisible(true)
                .textSize(Tile.TextSize.BIGGER)
                .backgroundColor(Color.web(theme.palette.tileBackground()))
                .titleColor(fg)
                .valueColor(ragColor(rag, theme))
                .unitColor(muted)
                .descriptionColor(fg)
                .textColor(ragColor(rag, theme))
                .roundedCorners(true)
                .build();
        t.setStyle("-fx-border-color: " + theme.palette.border() + "; -fx-border-radius: 8; -fx-border-width: "
                + (theme == Theme.PROJECTOR ? 2 : 1) + ";");
        return t;
    }

    /**
     * A headline KPI that has no report yet: its name, "no data yet" where the number would be, and
     * its target, in the theme's muted colour. A tile with 0 would read as a value of zero.
     */
    public static Tile noData(Theme theme, String title, String message, String text) {
        Color fg = Color.web(theme.palette.fg());
        Color muted = Color.web(theme.palette.muted());
        Tile t = TileBuilder.create()
                .skinType(Tile.SkinType.TEXT)
                .prefSize(theme.tileWidth, theme.tileHeight)
                .title(title)
                .description(message)
                .descriptionAlignment(javafx.geometry.Pos.CENTER)
                .text(text)
                .textVisible(true)
                .backgroundColor(Color.web(theme.palette.tileBackground()))
                .titleColor(fg)
                .descriptionColor(muted)
                .textColor(muted)
                .roundedCorners(true)
                .build();
        t.setStyle("-fx-border-color: " + theme.palette.border() + "; -fx-border-radius: 8; -fx-border-width: "
                + (theme == Theme.PROJECTOR ? 2 : 1) + ";");
        return t;
    }
}
