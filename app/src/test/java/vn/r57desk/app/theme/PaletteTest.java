package vn.r57desk.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.r57desk.store.metrics.Rag;

class PaletteTest {
    private static final Pattern TOKEN = Pattern.compile("-r57-[a-z-]+");

    private static String resource(String path) throws IOException {
        try (InputStream in = Theme.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> tokens(String css) {
        Set<String> out = new HashSet<>();
        Matcher m = TOKEN.matcher(css);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** The style sheets define no colour of their own: every token they use is one the palette sheet defines. */
    @Test
    void everyColourTokenTheStyleSheetsUseComesFromThePalette() throws IOException {
        for (Theme t : Theme.values()) {
            String palette = new String(Base64.getDecoder().decode(t.palette.css().substring("data:text/css;base64,".length())),
                    StandardCharsets.UTF_8);
            assertThat(palette).isEqualTo(t.palette.cssText());
            Set<String> used = new HashSet<>(tokens(resource(Theme.BASE_STYLESHEET)));
            if (t.stylesheet != null) {
                String own = resource(t.stylesheet);
                assertThat(own).as(t + " defines no colour token of its own").doesNotContainPattern("-r57-[a-z-]+\\s*:");
                used.addAll(tokens(own));
            }
            assertThat(resource(Theme.BASE_STYLESHEET)).doesNotContainPattern("-r57-[a-z-]+\\s*:");
            for (String token : used) assertThat(palette).as(t + " defines " + token).contains(token + ":");
            assertThat(t.stylesheets().getLast()).isEqualTo(t.palette.css());
        }
    }

    /** What the map, its legend and the bars draw with: the theme's own colours, not the light theme's. */
    @Test
    void statusColoursFollowTheTheme() {
        for (Rag r : Rag.values()) {
            assertThat(Theme.LIGHT.palette.cssText()).contains(Theme.LIGHT.palette.hex(r));
        }
        assertThat(Theme.DARK.palette.hex(Rag.GREEN)).isNotEqualTo(Theme.LIGHT.palette.hex(Rag.GREEN));
        assertThat(Theme.PROJECTOR.palette.hex(Rag.RED)).isNotEqualTo(Theme.LIGHT.palette.hex(Rag.RED));
        assertThat(Theme.PROJECTOR.palette.color(Rag.COMPLETED).toString()).isEqualTo("0x003f9eff");
    }
}
