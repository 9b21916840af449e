package vn.r57desk.app.screens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;

import vn.r57desk.app.nav.Place;
import vn.r57desk.app.shell.AllScreens;
import vn.r57desk.app.systems.SystemsScreen;
import vn.r57desk.store.query.DrillDown;

class ScreenRegistryTest {
    /** A screen of the overview that reads nothing: what the registry does with it is what is tested. */
    static final class Fake implements Screen<Place.Overview, String> {
        @Override
        public Class<Place.Overview> placeType() {
            return Place.Overview.class;
        }

        @Override
        public String load(DrillDown dd, Place.Overview place, LocalDate today) {
            return "read " + today;
        }

        @Override
        public Node render(Ctx ctx, Place.Overview place, String data) {
            return new Label(data);
        }
    }

    @Test
    void everyKindOfPlaceHasItsScreenInTheApp() {
        // Building the list is the check: it refuses a place with no screen.
        assertThat(AllScreens.REGISTRY).isNotNull();
        assertThat(Place.class.getPermittedSubclasses()).hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    void aPlaceWithoutAScreenIsRefusedAtStartNotWhenOpened() {
        assertThatThrownBy(() -> new ScreenRegistry(List.of(new Fake())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no screen for").hasMessageContaining("Rankings");
    }

    @Test
    void twoScreensForOnePlaceAreRefused() {
        assertThatThrownBy(() -> new ScreenRegistry(List.of(new SystemsScreen(), new SystemsScreen())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two screens for Systems");
    }

    @Test
    void aPlaceIsLoadedByItsOwnScreenWithItsOwnType() throws Exception {
        // The app's screens with the fake in place of the overview's.
        List<Screen<?, ?>> screens = new ArrayList<>();
        screens.add(new Fake());
        for (Class<?> c : Place.class.getPermittedSubclasses()) {
            if (c == Place.Overview.class) continue;
            screens.add(stub(c.asSubclass(Place.class)));
        }
        ScreenRegistry registry = new ScreenRegistry(screens);
        Loaded<?, ?> loaded = registry.load(null, new Place.Overview(), LocalDate.of(2026, 11, 20));
        assertThat(loaded.screen()).isInstanceOf(Fake.class);
        assertThat(loaded.data()).isEqualTo("read 2026-11-20");
        assertThat(Arrays.asList(Place.class.getPermittedSubclasses())).contains(loaded.place().getClass());
    }

    private static <P extends Place> Screen<P, Object> stub(Class<P> type) { // a screen that must not be used
        return new Screen<>() {
            @Override
            public Class<P> placeType() {
                return type;
            }

            @Override
            public Object load(DrillDown dd, P place, LocalDate today) {
                throw new AssertionError("not this one");
            }

            @Override
            public Node render(Ctx ctx, P place, Object data) {
                throw new AssertionError("not this one");
            }
        };
    }
}
