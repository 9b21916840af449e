package vn.r57desk.store.db;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The app's check of the synced cache at start, before it opens it. A damaged cache used to be
 * passed over in silence (the app fell back to the demo data): the member thought their data gone,
 * or did not notice. Here a damaged file is moved aside, never deleted ({@code cache.db} becomes
 * {@code cache.db.damaged-2026-12-06T02-40-00Z}, with its {@code -wal} and {@code -shm}), and the
 * result says in the user's words what was wrong, so that the app can say it and offer to sync
 * again. Run it off the UI thread: the thorough check reads every page (about 1.4 s for the national
 * cache, docs/performance.md). Nothing here writes into the file.
 */
public final class SyncedCacheCheck {
    /** What the check found. */
    public enum Outcome {
        /** Usable: open it. */
        OK,
        /** No synced cache yet (never synced, or wiped): nothing to say. */
        MISSING,
        /** Damaged, and moved aside to {@link Result#movedTo()}: there is no synced cache now. */
        MOVED_ASIDE,
        /** Written by a newer R57 Desk: left in place, untouched; this version must not open it. */
        NEWER_VERSION,
        /** Another program (another R57 Desk window?) holds it: left in place. */
        IN_USE,
        /** Could not be read, or could not be moved aside: left in place, not to be opened. */
        UNREADABLE
    }

    /** What was wrong with a file moved aside. */
    public enum Damage {
        /** Shorter than its own header says: cut short while it was written. */
        TRUNCATED,
        /** Not an SQLite file any more: its beginning was overwritten. */
        NOT_A_DATABASE,
        /** Another program's database. */
        FOREIGN,
        /** Pages overwritten or broken (what {@code verify} calls malformed). */
        DAMAGED
    }

    /**
     * The check's result. {@code detail} is the technical English reason for the log (null when
     * OK or MISSING); {@code damage} and {@code movedTo} are set for {@link Outcome#MOVED_ASIDE}.
     */
    public record Result(Outcome outcome, Path file, Damage damage, Path movedTo, String detail) {
        /** True when the app may open the cache. */
        public boolean usable() {
            return outcome == Outcome.OK;
        }

        /** What to tell the user, in Vietnamese ("vi") or English; null when there is nothing to say. */
        public String message(Locale locale) {
            boolean vi = locale != null && "vi".equals(locale.getLanguage());
            return switch (outcome) {
                case OK, MISSING -> null;
                case MOVED_ASIDE -> vi
                        ? "Không mở được dữ liệu đã đồng bộ: " + reason(true) + ". Tệp hỏng được giữ lại tại " + movedTo
                                + " (không xóa gì). Hãy đồng bộ lại để tải lại dữ liệu."
                        : "The synced data could not be opened: " + reason(false) + ". The damaged file was kept as " + movedTo
                                + " (nothing was deleted). Sync again to download the data afresh.";
                case NEWER_VERSION -> vi
                        ? "Dữ liệu đã đồng bộ được ghi bởi một phiên bản R57 Desk mới hơn nên phiên bản này không mở nó; tệp " + file
                                + " được giữ nguyên. Hãy cập nhật R57 Desk."
                        : "The synced data was written by a newer R57 Desk, so this version does not open it; " + file
                                + " was left unchanged. Update R57 Desk to open it.";
                case IN_USE -> vi
                        ? "Dữ liệu đã đồng bộ (" + file + ") đang được một chương trình khác dùng, có thể là một cửa sổ R57 Desk khác. Hãy đóng nó rồi mở lại."
                        : "The synced data (" + file + ") is in use by another program, perhaps another R57 Desk window. Close it and start again.";
                case UNREADABLE -> vi
                        ? "Không đọc được dữ liệu đã đồng bộ (" + file + "): " + detail
                        : "The synced data (" + file + ") could not be read: " + detail;
            };
        }

        private String reason(boolean vi) {
            return switch (damage) {
                case TRUNCATED -> vi ? "tệp bị cắt cụt (có thể máy tắt đột ngột hoặc ổ đĩa đầy khi đang ghi)"
                        : "the file is cut short (the computer may have stopped, or the disk filled, while it was written)";
                case NOT_A_DATABASE -> vi ? "tệp không còn là dữ liệu của R57 Desk (phần đầu tệp đã bị ghi đè)"
                        : "the file no longer holds R57 Desk data (its beginning was overwritten)";
                case FOREIGN -> vi ? "tệp là dữ liệu của một chương trình khác" : "the file holds another program's data";
                case DAMAGED -> vi ? "một phần tệp đã bị hỏng hoặc bị ghi đè" : "part of the file is damaged or overwritten";
            };
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private SyncedCacheCheck() {}

    /** The thorough check, moving a damaged file aside with the current time in its name. */
    public static Result check(Path file) {
        return check(file, Clock.systemUTC(), true);
    }

    /**
     * Checks {@code file}: the header, size and schema always (milliseconds); with {@code thorough}
     * also every page ({@code PRAGMA quick_check}), which finds random bytes over the middle of the
     * file. A damaged file is moved aside, named with {@code clock}'s time.
     */
    public static Result check(Path file, Clock clock, boolean thorough) {
        if (!Files.exists(file)) return new Result(Outcome.MISSING, file, null, null, null);
        CacheProbe.Result probe;
        try {
            probe = CacheProbe.inspect(file);
        } catch (CacheException e) {
            return switch (e.problem()) {
                case DAMAGED -> moveAside(file, e.getMessage().contains("truncated") ? Damage.TRUNCATED : Damage.DAMAGED, e.getMessage(), clock);
                case NOT_A_DATABASE -> moveAside(file, Damage.NOT_A_DATABASE, e.getMessage(), clock);
                case FOREIGN_DATABASE -> moveAside(file, Damage.FOREIGN, e.getMessage(), clock);
                case NEWER_SCHEMA -> new Result(Outcome.NEWER_VERSION, file, null, null, e.getMessage());
                case LOCKED -> new Result(Outcome.IN_USE, file, null, null, e.getMessage());
                case NOT_WRITABLE, IO -> new Result(Outcome.UNREADABLE, file, null, null, e.getMessage());
            };
        }
        if (probe.kind() != CacheProbe.Kind.CACHE || !thorough) return new Result(Outcome.OK, file, null, null, null);
        try (Connection c = Sqlite.openReadOnly(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA quick_check(3)")) {
            StringBuilder problems = new StringBuilder();
            while (rs.next()) {
                String p = rs.getString(1).replaceAll("\\*\\*\\* in database \\w+ \\*\\*\\*\\s*", "").strip().replace('\n', ' ');
                if (!"ok".equals(p) && !p.isEmpty()) problems.append(problems.isEmpty() ? "" : "; ").append(p);
            }
            if (problems.isEmpty()) return new Result(Outcome.OK, file, null, null, null);
            return moveAside(file, Damage.DAMAGED, file + " is damaged: " + problems, clock);
        } catch (SQLException e) {
            CacheException ce = CacheException.from(e, file, "check");
            return switch (ce.problem()) {
                case DAMAGED, NOT_A_DATABASE -> moveAside(file, Damage.DAMAGED, ce.getMessage(), clock);
                case LOCKED -> new Result(Outcome.IN_USE, file, null, null, ce.getMessage());
                default -> new Result(Outcome.UNREADABLE, file, null, null, ce.getMessage());
            };
        }
    }

    /**
     * Renames the file and its -wal/-shm to {@code FILE.damaged-STAMP} (and {@code …-wal},
     * {@code …-shm}, so that SQLite still finds them together), with "-2", "-3"… when that name is
     * taken. Never deletes anything.
     */
    static Result moveAside(Path file, Damage damage, String detail, Clock clock) {
        String base = file.getFileName() + ".damaged-" + STAMP.format(clock.instant());
        Path target = file.resolveSibling(base);
        for (int n = 2; Files.exists(target) || Files.exists(Path.of(target + "-wal")); n++) target = file.resolveSibling(base + "-" + n);
        try {
            move(file, target);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = Path.of(file + suffix);
                if (Files.exists(side)) move(side, Path.of(target + suffix));
            }
        } catch (IOException e) {
            return new Result(Outcome.UNREADABLE, file, damage, null, detail + "; it could not be moved aside (" + e.getMessage()
                    + "), so it was left where it is and not opened");
        }
        return new Result(Outcome.MOVED_ASIDE, file, damage, target, detail);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
