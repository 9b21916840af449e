package vn.r57desk.app.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import vn.r57desk.app.theme.Theme;

/**
 * What the app remembers between runs: window size and position, theme, language, the last
 * section, the sync server's address and the dataset on screen (its token is kept apart, see AppData.tokenFile). Kept as a small properties file in the user's data folder; a missing or unreadable file
 * gives the defaults (a broken settings file must never stop the app from starting).
 */
public record Settings(double x, double y, double width, double height, boolean maximized, Theme theme, String language,
                       String section, String server, String dataset, int autoSyncMinutes) {
    /** Minutes between automatic syncs when a server is set; 0 turns them off (the app's switch, or sync.autoMinutes in the file). */
    public static final int AUTO_SYNC_MINUTES = 15;
    public static final Settings DEFAULT = new Settings(Double.NaN, Double.NaN, 1440, 900, false, Theme.LIGHT, "vi", "nav.overview", "", "",
            AUTO_SYNC_MINUTES);

    public Settings(double x, double y, double width, double height, boolean maximized, Theme theme, String language, String section,
                    String server, String dataset) {
        this(x, y, width, height, maximized, theme, language, section, server, dataset, AUTO_SYNC_MINUTES);
    }

    public Settings(double x, double y, double width, double height, boolean maximized, Theme theme, String language, String section) {
        this(x, y, width, height, maximized, theme, language, section, "", "");
    }

    public Settings withServer(String url) {
        return new Settings(x, y, width, height, maximized, theme, language, section, url == null ? "" : url.strip(), dataset, autoSyncMinutes);
    }

    /** The dataset the user chose ("synced", "demo" or a pack's id; "" when never chosen): opened at the next start. */
    public Settings withDataset(String id) {
        return new Settings(x, y, width, height, maximized, theme, language, section, server, id == null ? "" : id.strip(), autoSyncMinutes);
    }

    public static Path file() {
        return AppData.dir().resolve("settings.properties");
    }

    public static Settings load(Path file) {
        if (!Files.exists(file)) return DEFAULT;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return new Settings(num(p, "window.x", DEFAULT.x), num(p, "window.y", DEFAULT.y),
                    Math.max(640, num(p, "window.width", DEFAULT.width)), Math.max(480, num(p, "window.height", DEFAULT.height)),
                    Boolean.parseBoolean(p.getProperty("window.maximized", "false")),
                    Theme.parse(p.getProperty("theme", "LIGHT")),
                    "en".equals(p.getProperty("language")) ? "en" : "vi",
                    p.getProperty("section", DEFAULT.section), p.getProperty("sync.server", "").strip(),
                    p.getProperty("dataset", "").strip(),
                    (int) Math.max(0, Math.min(24 * 60, num(p, "sync.autoMinutes", AUTO_SYNC_MINUTES))));
        } catch (IOException | RuntimeException e) {
            return DEFAULT;
        }
    }

    private static double num(Properties p, String key, double fallback) {
        try {
            return Double.parseDouble(p.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Writes atomically: a crash while saving leaves the previous settings. */
    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("window.x", Double.toString(x));
        p.setProperty("window.y", Double.toString(y));
        p.setProperty("window.width", Double.toString(width));
        p.setProperty("window.height", Double.toString(height));
        p.setProperty("window.maximized", Boolean.toString(maximized));
        p.setProperty("theme", theme.name());
        p.setProperty("language", language);
        p.setProperty("section", section);
        p.setProperty("sync.server", server == null ? "" : server);
        p.setProperty("sync.autoMinutes", Integer.toString(autoSyncMinutes));
        p.setProperty("dataset", dataset == null ? "" : dataset);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "R57 Desk settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
