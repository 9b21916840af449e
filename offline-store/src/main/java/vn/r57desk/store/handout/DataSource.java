package vn.r57desk.store.handout;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.query.DrillDown;

/**
 * Where the figures of a printed page come from, said on the handout's cover and on the title
 * block of "PDF of this view": the demo generator (labelled as demo data), or the server and the
 * time of the last sync. One sentence for both, so a reader of either paper sees the same words.
 */
public final class DataSource {
    private DataSource() {}

    public static Bilingual describe(DrillDown dd) throws CacheException {
        if (dd.catalog().isDemo()) {
            String gen = "scale " + dd.catalog().info().getOrDefault("scale", "?") + ", seed " + dd.catalog().info().getOrDefault("seed", "?");
            return new Bilingual("Dữ liệu minh họa của R57 Desk (" + gen + "): tên và mục tiêu thật, số liệu giả lập",
                    "R57 Desk demo data (" + gen + "): real names and targets, synthetic figures");
        }
        return dd.cache().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT server, last_success_at FROM sync_state WHERE last_success_at IS NOT NULL"
                    + " ORDER BY julianday(last_success_at) DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new Bilingual("Chưa đồng bộ với máy chủ", "Never synced with a server");
                return new Bilingual("Máy chủ " + rs.getString(1) + ", đồng bộ lần cuối " + rs.getString(2),
                        "Server " + rs.getString(1) + ", last synced " + rs.getString(2));
            }
        });
    }
}
