package vn.r57desk.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * What "Giới thiệu / About R57 Desk" says about the program: its version and its maintainers, read
 * from {@code about.properties}, which the build writes from app/pom.xml (the maintainers' name and
 * address are kept there once; installers/build.sh reads the same properties), and the
 * third-party software it bundles. A copy run without the build's filtering says "dev".
 */
public record About(String version, String maintainerName, String maintainerEmail) {
    static final String RESOURCE = "/vn/r57desk/app/about.properties";
    /** Said when the build did not write the version (a run from sources). */
    public static final String DEV = "dev";

    /** The licence, as the LICENSE file at the project's root states it. */
    public static final String LICENCE = "Apache-2.0";

    /**
     * Bundled third-party software and its licence: what app/target/lib holds (installers/LICENSE.txt
     * says the same). ControlsFX is not among them: nothing depends on it.
     */
    public static final List<String> NOTICES = List.of(
            "OpenJDK runtime — GPL v2 with the Classpath Exception",
            "JavaFX (OpenJFX) — GPL v2 with the Classpath Exception",
            "TilesFX, HanSolo toolbox, toolboxfx, countries, heatmap — Apache-2.0",
            "AtlantaFX — MIT",
            "Ikonli — Apache-2.0",
            "sqlite-jdbc (io.github.willena) — Apache-2.0; SQLite3 Multiple Ciphers — MIT; SQLite — public domain",
            "OkHttp, Okio, Kotlin standard library — Apache-2.0",
            "Jackson — Apache-2.0",
            "Apache PDFBox, Apache Commons Logging — Apache-2.0",
            "picocli — Apache-2.0",
            "Noto Sans — SIL Open Font License 1.1 (OFL)");

    /** The program's own facts, from the resource the build wrote. */
    public static About load() {
        Properties p = new Properties();
        try (InputStream in = About.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // unreadable: the facts below say "dev" and no address rather than fail the dialog
        }
        return from(p);
    }

    /** A value the build did not fill in ("${project.version}", missing, blank) counts as absent. */
    static About from(Properties p) {
        return new About(or(p.getProperty("version"), DEV), or(p.getProperty("maintainer.name"), "R57 Desk maintainers"),
                or(p.getProperty("maintainer.email"), ""));
    }

    private static String or(String v, String otherwise) {
        return v == null || v.isBlank() || v.contains("${") ? otherwise : v.strip();
    }
}
