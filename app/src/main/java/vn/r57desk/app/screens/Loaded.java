package vn.r57desk.app.screens;

import javafx.scene.Node;

import vn.r57desk.app.nav.Place;

/**
 * A place with its data, read by its screen, and how long the store took (for the UI benchmark).
 * Keeps the screen with the data so that drawing needs no cast.
 */
public record Loaded<P extends Place, D>(Screen<P, D> screen, P place, D data, long queryNanos) {
    /** The place drawn; the node gets {@link ScreenRegistry#CONTENT_ID}. */
    public Node render(Ctx ctx) {
        Node n = screen.render(ctx, place, data);
        n.setId(ScreenRegistry.CONTENT_ID);
        return n;
    }
}
