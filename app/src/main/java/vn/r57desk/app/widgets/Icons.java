package vn.r57desk.app.widgets;

import javafx.scene.control.Labeled;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.r57desk.app.theme.Styles;

/**
 * Ikonli icons (Material Design 2) beside the words of the app's buttons. An icon takes the
 * theme's text colour and the control's type size from the style sheet (r57.css), so it follows
 * the light, dark and projector themes.
 */
public final class Icons {
    public static final String STYLE_CLASS = Styles.ICON;

    private Icons() {}

    /** A new icon node. */
    public static FontIcon icon(Ikon ikon) {
        FontIcon i = new FontIcon(ikon);
        i.getStyleClass().add(STYLE_CLASS);
        return i;
    }

    /** Puts the icon before the control's text; returns the control. */
    public static <L extends Labeled> L on(L control, Ikon ikon) {
        control.setGraphic(icon(ikon));
        return control;
    }
}
