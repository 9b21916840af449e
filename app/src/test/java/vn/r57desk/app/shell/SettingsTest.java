package vn.r57desk.app.shell;

import vn.r57desk.app.theme.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir Path dir;

    @Test
    void roundTripsAndFallsBackToDefaultsOnABrokenFile() throws Exception {
        Path f = dir.resolve("sub/settings.properties");
        assertThat(Settings.load(f)).isEqualTo(Settings.DEFAULT);
        Settings s = new Settings(10, 20, 1280, 800, true, Theme.PROJECTOR, "en", "nav.localities");
        s.save(f);
        assertThat(Settings.load(f)).isEqualTo(s);
        Settings pack = s.withServer("https://r57.example").withDataset("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        pack.save(f);
        assertThat(Settings.load(f).dataset()).as("the dataset on screen is remembered").isEqualTo("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        assertThat(Settings.load(f)).isEqualTo(pack);
        Files.writeString(f, "window.width=abc\ntheme=PURPLE\nlanguage=fr\n\\u00zz");
        Settings broken = Settings.load(f);
        assertThat(broken.theme()).isEqualTo(Theme.LIGHT);
        assertThat(broken.language()).isEqualTo("vi");
        Files.writeString(f, "window.width=abc\ntheme=dark\n");
        assertThat(Settings.load(f).width()).isEqualTo(Settings.DEFAULT.width());
        assertThat(Settings.load(f).theme()).isEqualTo(Theme.DARK);
    }
}
