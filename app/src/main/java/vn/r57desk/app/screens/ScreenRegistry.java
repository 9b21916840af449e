package vn.r57desk.app.screens;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.r57desk.app.nav.Place;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.query.DrillDown;

/**
 * Every screen, by the kind of place it shows. Built once from the list of screens; refuses a list
 * that leaves a kind of place without a screen or gives one two, so a place added to {@link Place}
 * without its screen fails at start (and in the tests), not when a user opens it.
 */
public final class ScreenRegistry {
    /** The id of a drawn screen's root node. */
    public static final String CONTENT_ID = "screen-content";

    private final Map<Class<?>, Screen<?, ?>> byPlace = new LinkedHashMap<>();

    public ScreenRegistry(List<Screen<?, ?>> screens) {
        for (Screen<?, ?> s : screens) {
            if (byPlace.put(s.placeType(), s) != null) {
                throw new IllegalArgumentException("two screens for " + s.placeType().getSimpleName());
            }
        }
        List<String> missing = Arrays.stream(Place.class.getPermittedSubclasses()).filter(c -> !byPlace.containsKey(c))
                .map(Class::getSimpleName).toList();
        if (!missing.isEmpty()) throw new IllegalArgumentException("no screen for " + missing);
    }

    /** Reads {@code place}'s data with its screen. Off the FX thread. */
    public Loaded<?, ?> load(DrillDown dd, Place place, LocalDate today) throws CacheException {
        return loadWith(byPlace.get(place.getClass()), place, dd, today);
    }

    private static <P extends Place, D> Loaded<P, D> loadWith(Screen<P, D> screen, Place place, DrillDown dd, LocalDate today)
            throws CacheException {
        P p = screen.placeType().cast(place); // checked: the map is keyed by this very class
        long t0 = System.nanoTime();
        D data = screen.load(dd, p, today);
        return new Loaded<>(screen, p, data, System.nanoTime() - t0);
    }
}
