package vn.r57desk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.nav.Place;

class SectionTest {
    @TempDir java.nio.file.Path dir;

    @Test
    void eachSectionOpensOnAPlaceOfItsOwnAndHasItsShortcutInOrder() throws Exception {
        ShellViewModel.Opened opened = ShellViewModel.openNow(dir.resolve("demo.db"), true);
        try (var c = opened.cache()) {
            var catalog = opened.drillDown().catalog();
            for (Section s : Section.values()) {
                Place start = s.start(catalog);
                assertThat(Section.of(start)).isEqualTo(s);
                assertThat(start.getClass()).isEqualTo(s.placeType);
                assertThat(Section.fromKey(s.key)).isEqualTo(s);
                assertThat(s.shortcut().orElseThrow().getName()).endsWith(String.valueOf(s.ordinal() + 1));
            }
            assertThat(Arrays.stream(Section.values()).map(Section::buttonId)).doesNotHaveDuplicates().contains("nav-overview", "nav-changes");
            // a place deep in a section belongs to it
            var ini = catalog.initiatives().values().iterator().next();
            assertThat(Section.of(new Place.InitiativeDetail(ini.id(), ini.systemId()))).isEqualTo(Section.SYSTEMS);
            assertThat(Section.fromKey("nav.unknown")).isEqualTo(Section.OVERVIEW);

            // after data opens: reload where the user is while the data still names it, else the section's start
            Messages m = new Messages();
            Place systems = Section.SYSTEMS.start(catalog);
            Place here = new Place.InitiativeDetail(ini.id(), ini.systemId());
            assertThat(ShellViewModel.afterOpen(systems, systems, false, m, catalog)).isEqualTo(ShellViewModel.AfterOpen.RELOAD);
            assertThat(ShellViewModel.afterOpen(systems, here, true, m, catalog)).isEqualTo(ShellViewModel.AfterOpen.RELOAD_OR_START);
            assertThat(ShellViewModel.afterOpen(systems, here, false, m, catalog)).as("other data").isEqualTo(ShellViewModel.AfterOpen.START);
            assertThat(ShellViewModel.afterOpen(systems, new Place.InitiativeDetail(999_999, ini.systemId()), true, m, catalog))
                    .as("withdrawn by the sync").isEqualTo(ShellViewModel.AfterOpen.START);
        }
    }
}
