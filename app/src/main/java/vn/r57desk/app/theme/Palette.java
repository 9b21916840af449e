package vn.r57desk.app.theme;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import javafx.scene.paint.Color;

import vn.r57desk.store.metrics.Rag;

/**
 * The one source of the colours each theme gives status and surfaces. The style sheets read them
 * as looked-up colours ({@code -r57-green}, …) from {@link #css()}, a style sheet made from this
 * record and added after the theme's own; the TilesFX tiles, the province map, its legend and the
 * bars take the same values in Java. Before, five places held them and the map kept the light
 * theme's colours in the dark and projector themes.
 */
public record Palette(String green, String amber, String red, String done, String muted,
                      String bg, String bgSubtle, String fg, String border, String tileBackground) {

    static final Palette LIGHT = new Palette("#1a7f37", "#bf8700", "#cf222e", "#0969da", "#57606a",
            "#ffffff", "#f6f8fa", "#1f2328", "#d0d7de", "#ffffff");
    static final Palette DARK = new Palette("#3fb950", "#d29922", "#f85149", "#4493f8", "#9198a1",
            "#0d1117", "#161b22", "#e6edf3", "#30363d", "#161b22");
    /** Read from the back of a meeting room: black on white, darker (stronger) status colours. */
    static final Palette PROJECTOR = new Palette("#006b2b", "#9a5b00", "#b3001b", "#003f9e", "#24292f",
            "#ffffff", "#f6f8fa", "#000000", "#000000", "#ffffff");

    /** A status's colour as CSS text ("#1a7f37"). */
    public String hex(Rag r) {
        return switch (r) {
            case GREEN -> green;
            case AMBER -> amber;
            case RED -> red;
            case COMPLETED -> done;
            case NO_DATA -> muted;
        };
    }

    public Color color(Rag r) {
        return Color.web(hex(r));
    }

    /** The looked-up colours the style sheets use, as one rule on {@code .root}. */
    public String cssText() {
        return String.format(Locale.ROOT, """
                .root {
                    -r57-green: %s;
                    -r57-amber: %s;
                    -r57-red: %s;
                    -r57-done: %s;
                    -r57-muted: %s;
                    -r57-bg: %s;
                    -r57-bg-subtle: %s;
                    -r57-fg: %s;
                    -r57-border: %s;
                }
                """, green, amber, red, done, muted, bg, bgSubtle, fg, border);
    }

    /** {@link #cssText()} as a style sheet address a scene takes ({@code data:text/css;base64,…}). */
    public String css() {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(cssText().getBytes(StandardCharsets.UTF_8));
    }
}
