package vn.r57desk.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.Rollups;
import vn.r57desk.store.sync.CacheHost;
import vn.r57desk.store.sync.Entities;
import vn.r57desk.store.sync.Entity;

/**
 * What SQLite alone costs to write a delta's observation rows into a bootstrapped cache: the rows
 * the server logged in a range of its change log, upserted and deleted by key on a copy of the cache,
 * through the app's own connection (its pragmas, WAL and checkpoints), in key order, in one
 * transaction, with no checks, no change history and no rollups. A sync does all of this and
 * more, so this is a floor under {@code delta1pct.s}: it shows how much of a delta's time the
 * layout of the data sets (new values land on pages all over the observations table), apart from
 * anything the client's code does.
 */
final class DeltaFloor {
    private DeltaFloor() {}

    record Result(long rows, double seconds) {}

    /** Copies {@code cache} (closed, no client holding it) to {@code copy}, to be measured on later. */
    static void snapshot(Path cache, Path copy) throws java.io.IOException {
        CacheHost.deleteCache(copy);
        Files.copy(cache, copy, StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = Path.of(cache + suffix);
            if (Files.exists(side)) Files.copy(side, Path.of(copy + suffix), StandardCopyOption.REPLACE_EXISTING);
        }
        // On disk before the delta is timed: the copy's writeback must not compete with it.
        for (String suffix : new String[] {"", "-wal"}) {
            Path f = Path.of(copy + suffix);
            if (!Files.exists(f)) continue;
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
    }

    static Result measure(ServerData data, long afterSeq, long lastSeq, Path copy) throws Exception {
        Entity obs = Entities.byName("observation");
        List<Object[]> upserts = new ArrayList<>();
        List<long[]> deletes = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Connection c = data.readLive();
             PreparedStatement ps = c.prepareStatement("SELECT op, row FROM server_log WHERE seq > ? AND seq <= ? AND entity = 'observation' ORDER BY seq")) {
            ps.setLong(1, afterSeq);
            ps.setLong(2, lastSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode row = json.readTree(rs.getString(2));
                    if (rs.getString(1).equals("delete")) {
                        deletes.add(new long[] {row.get(0).asLong(), row.get(1).asLong(), row.get(2).asLong()});
                    } else {
                        Object[] values = new Object[obs.fields().size()];
                        for (int i = 0; i < values.length; i++) {
                            JsonNode v = row.get(i);
                            values[i] = v == null || v.isNull() ? null : v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? (Object) v.asDouble() : v.asText();
                        }
                        upserts.add(values);
                    }
                }
            }
        }
        int[] key = obs.keyIndexes();
        upserts.sort(Comparator.comparingLong((Object[] r) -> (Long) r[key[0]]).thenComparingLong(r -> (Long) r[key[1]])
                .thenComparingLong(r -> (Long) r[key[2]]));
        deletes.sort(Comparator.comparingLong((long[] k) -> k[0]).thenComparingLong(k -> k[1]).thenComparingLong(k -> k[2]));
        List<String> cols = obs.fields().stream().map(Entity.Field::name).toList();
        List<String> sets = cols.stream().filter(n -> !obs.key().contains(n)).map(n -> n + " = excluded." + n).toList();
        String upsertSql = "INSERT INTO observations (" + String.join(", ", cols) + ") VALUES (" + "?, ".repeat(cols.size() - 1) + "?)"
                + " ON CONFLICT (" + String.join(", ", obs.key()) + ") DO UPDATE SET " + String.join(", ", sets);
        try (Cache cache = Cache.openExisting(copy)) {
            // writeAndWait is the app's write path: one transaction, committed (and checkpointed
            // when the WAL has grown) before it returns.
            long t0 = System.nanoTime();
            cache.writeAndWait(c -> {
                // As a sync page does: the per-row statistics triggers off (a rollback restores them).
                Rollups.suspendObservationTriggers(c);
                try (PreparedStatement up = c.prepareStatement(upsertSql)) {
                    for (Object[] r : upserts) {
                        for (int i = 0; i < r.length; i++) up.setObject(i + 1, r[i]);
                        up.executeUpdate();
                    }
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM observations WHERE kpi_id = ? AND scope_id = ? AND period = ?")) {
                    for (long[] k : deletes) {
                        for (int i = 0; i < 3; i++) del.setLong(i + 1, k[i]);
                        del.executeUpdate();
                    }
                }
                return null;
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(upserts.size() + deletes.size(), seconds);
        } finally {
            CacheHost.deleteCache(copy);
        }
    }
}
