package vn.r57desk.app.shell;

import java.util.Locale;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The three looks: light (default), dark, and projector (high contrast, large type, for the
 * meeting-room screen). Each is an AtlantaFX base theme plus one stylesheet of token overrides from
 * the styles module, and the colours TilesFX needs in Java.
 */
public enum Theme {
    LIGHT(false, null, "#ffffff", "#1f2328", "#57606a", "#d0d7de", 300, 190),
    DARK(true, "/vn/r57desk/styles/theme-dark.css", "#161b22", "#e6edf3", "#9198a1", "#30363d", 300, 190),
    PROJECTOR(false, "/vn/r57desk/styles/theme-projector.css", "#ffffff", "#000000", "#24292f", "#000000", 380, 240);

    public final boolean dark;
    /** Token overrides on top of r57.css, or null. */
    public final String stylesheet;
    public final String tileBackground;
    public final String tileText;
    public final String tileMuted;
    public final String tileBorder;
    public final double tileWidth;
    public final double tileHeight;

    Theme(boolean dark, String stylesheet, String tileBackground, String tileText, String tileMuted, String tileBorder,
          double tileWidth, double tileHeight) {
        this.dark = dark;
        this.stylesheet = stylesheet;
        this.tileBackground = tileBackground;
        this.tileText = tileText;
        this.tileMuted = tileMuted;
        this.tileBorder = tileBorder;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
    }

    /** The AtlantaFX base theme this look builds on. */
    public String userAgentStylesheet() {
        return dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    public String messageKey() {
        return "theme." + name().toLowerCase(Locale.ROOT);
    }

    public static Theme parse(String s) {
        for (Theme t : values()) if (t.name().equalsIgnoreCase(s)) return t;
        return LIGHT;
    }
}
