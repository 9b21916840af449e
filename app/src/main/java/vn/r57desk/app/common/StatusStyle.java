package vn.r57desk.app.common;

import vn.r57desk.store.metrics.Rag;

/**
 * The style class a status is coloured by ({@code r57-rag-green}, …); its colour is the theme's
 * {@link vn.r57desk.app.theme.Palette}, in the style sheets and in Java alike.
 */
public final class StatusStyle {
    private StatusStyle() {}

    public static String styleClass(Rag r) {
        return "r57-rag-" + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
