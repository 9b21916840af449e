package vn.r57desk.app.shell;

import java.util.Optional;
import java.util.function.Function;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import vn.r57desk.app.nav.Place;
import vn.r57desk.store.query.Catalog;

/**
 * The sidebar's sections, in its order: the message key of each name (also how the settings file
 * remembers the last section), its icon, the place it opens, and its shortcut (Ctrl+1 … in this
 * order, as browsers number their tabs).
 */
public enum Section {
    OVERVIEW("nav.overview", Material2AL.DASHBOARD, Place.Overview.class, c -> new Place.Overview()),
    SYSTEMS("nav.systems", Material2AL.ACCOUNT_TREE, Place.Systems.class, c -> new Place.Systems()),
    MINISTRIES("nav.ministries", Material2AL.ACCOUNT_BALANCE, Place.Ministries.class, c -> new Place.Ministries()),
    LOCALITIES("nav.localities", Material2MZ.MAP, Place.Localities.class, c -> new Place.Localities(Place.Localities.defaultKpi(c))),
    DEADLINES("nav.deadlines", Material2AL.EVENT, Place.Deadlines.class, c -> new Place.Deadlines()),
    RANKINGS("nav.rankings", Material2AL.LEADERBOARD, Place.Rankings.class, c -> new Place.Rankings()),
    CHANGES("nav.changes", Material2AL.HISTORY, Place.Changes.class, c -> new Place.Changes(7)),
    MEETINGS("nav.meetings", Material2AL.EVENT_NOTE, Place.Meetings.class, c -> new Place.Meetings()),
    MY_NOTES("nav.mynotes", Material2MZ.STICKY_NOTE_2, Place.MyNotes.class, c -> new Place.MyNotes());

    /** The name's message key; the settings file keeps it. */
    public final String key;
    public final Ikon icon;
    /** The kind of place at the top of this section. */
    public final Class<? extends Place> placeType;
    private final Function<Catalog, Place> start;

    Section(String key, Ikon icon, Class<? extends Place> placeType, Function<Catalog, Place> start) {
        this.key = key;
        this.icon = icon;
        this.placeType = placeType;
        this.start = start;
    }

    /** The place this section opens on. */
    public Place start(Catalog catalog) {
        return start.apply(catalog);
    }

    /** The button's id ("nav-overview"). */
    public String buttonId() {
        return "nav-" + key.substring("nav.".length());
    }

    /** Ctrl+1 … Ctrl+9 in the sidebar's order. */
    public Optional<KeyCombination> shortcut() {
        int n = ordinal() + 1;
        return n <= 9 ? Optional.of(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.SHORTCUT_DOWN)) : Optional.empty();
    }

    /** The section {@code p} belongs to. */
    public static Section of(Place p) {
        Class<?> top = p.section().getClass();
        for (Section s : values()) if (s.placeType == top) return s;
        return OVERVIEW;
    }

    /** The section a settings file names, or the overview for a name it does not know. */
    public static Section fromKey(String key) {
        for (Section s : values()) if (s.key.equals(key)) return s;
        return OVERVIEW;
    }
}
