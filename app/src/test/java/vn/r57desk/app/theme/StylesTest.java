package vn.r57desk.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StylesTest {
    private static String sheets() throws IOException {
        StringBuilder all = new StringBuilder();
        List<String> paths = new ArrayList<>(List.of(Theme.BASE_STYLESHEET));
        for (Theme t : Theme.values()) if (t.stylesheet != null) paths.add(t.stylesheet);
        for (String p : paths) {
            try (InputStream in = Theme.class.getResourceAsStream(p)) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    /** A class the code sets is one a style sheet styles (a renamed rule would otherwise leave it unstyled), or a declared hook. */
    @Test
    void everyStyleClassIsStyledOrDeclaredAHook() throws Exception {
        String css = sheets();
        List<String> classes = new ArrayList<>();
        for (Field f : Styles.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) classes.add((String) f.get(null));
        }
        assertThat(classes).hasSizeGreaterThan(40).doesNotHaveDuplicates();
        for (String c : classes) {
            if (Styles.HOOKS.contains(c)) continue;
            assertThat(css).as(c + " is styled").containsPattern("\\." + c + "(?![a-z0-9-])");
        }
    }
}
