package vn.r57desk.app.shell;

import java.nio.file.Path;
import java.util.Locale;

/** Where user data lives: the per-user data folder of each OS, never the install folder. */
public final class AppData {
    private AppData() {}

    public static Path dir() {
        // Tests and benchmarks keep their settings and demo data away from the user's.
        String override = System.getProperty("r57.dataDir", System.getenv("R57_DATA_DIR"));
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "R57 Desk");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "R57 Desk");
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("r57-desk");
    }

    public static Path demoCache() {
        return dir().resolve("demo-cache.db");
    }

    /** The cache a sync fills: kept apart from the demo data, which stays for offline demonstrations. */
    public static Path syncedCache() {
        return dir().resolve("cache.db");
    }

    /** This device's bearer token, in its own file readable by the user alone. */
    public static Path tokenFile() {
        return dir().resolve("device-token");
    }
}
