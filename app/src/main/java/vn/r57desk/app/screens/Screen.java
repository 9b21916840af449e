package vn.r57desk.app.screens;

import java.time.LocalDate;

import javafx.scene.Node;

import vn.r57desk.app.nav.Place;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.query.DrillDown;

/**
 * One screen: the kind of place it shows, how its data is read, and how it is drawn. Typed end to
 * end, so the data {@link #load} returns is the data {@link #render} receives, with no cast. A new
 * screen is one class in its feature's package and one line in the shell's list of screens.
 *
 * @param <P> the place it shows
 * @param <D> its data, read from the store in one go
 */
public interface Screen<P extends Place, D> {
    /** The record of {@link Place} this screen shows; each place has exactly one screen. */
    Class<P> placeType();

    /** Reads what the place shows. Off the FX thread: touches no node. */
    D load(DrillDown dd, P place, LocalDate today) throws CacheException;

    /** Draws the place with its data. On the FX thread; reads nothing from disk or network. */
    Node render(Ctx ctx, P place, D data);
}
