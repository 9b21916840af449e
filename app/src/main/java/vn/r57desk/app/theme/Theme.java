package vn.r57desk.app.theme;

import java.util.List;
import java.util.Locale;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The three looks: light (default), dark, and projector (high contrast, large type, for the
 * meeting-room screen). Each is an AtlantaFX base theme, R57's own style sheet, one sheet of
 * overrides from the styles module (type sizes, line widths), and its {@link Palette} of colours.
 */
public enum Theme {
    LIGHT(false, null, Palette.LIGHT, 300, 190),
    DARK(true, "/vn/r57desk/styles/theme-dark.css", Palette.DARK, 300, 190),
    PROJECTOR(false, "/vn/r57desk/styles/theme-projector.css", Palette.PROJECTOR, 380, 240);

    /** R57's own components, over AtlantaFX. */
    public static final String BASE_STYLESHEET = "/vn/r57desk/styles/r57.css";

    public final boolean dark;
    /** Overrides on top of r57.css, or null. */
    public final String stylesheet;
    public final Palette palette;
    public final double tileWidth;
    public final double tileHeight;

    Theme(boolean dark, String stylesheet, Palette palette, double tileWidth, double tileHeight) {
        this.dark = dark;
        this.stylesheet = stylesheet;
        this.palette = palette;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
    }

    /** The AtlantaFX base theme this look builds on. */
    public String userAgentStylesheet() {
        return dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** The style sheets of a scene in this look, in order: R57's, the theme's overrides, its colours. */
    public List<String> stylesheets() {
        String base = Theme.class.getResource(BASE_STYLESHEET).toExternalForm();
        return stylesheet == null ? List.of(base, palette.css())
                : List.of(base, Theme.class.getResource(stylesheet).toExternalForm(), palette.css());
    }

    public String messageKey() {
        return "theme." + name().toLowerCase(Locale.ROOT);
    }

    public static Theme parse(String s) {
        for (Theme t : values()) if (t.name().equalsIgnoreCase(s)) return t;
        return LIGHT;
    }
}
