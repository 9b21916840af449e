package vn.r57desk.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.change.ChangeEntry;
import vn.r57desk.store.change.StoreWriter;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Task;

/** The trigger-maintained rollups equal a full rebuild after random inserts, updates and deletes. */
class RollupConsistencyTest {
    @TempDir Path dir;

    @Test
    void triggersKeepRollupsEqualToARebuild() throws Exception {
        Path f = DemoCacheFixture.copy(dir);
        SplittableRandom r = new SplittableRandom(42);
        try (Cache cache = Cache.openExisting(f)) {
            long run1 = cache.writeAndWait(c -> {
                StoreWriter w = StoreWriter.begin(c, "delta", "test", Instant.parse("2026-11-21T00:00:00Z"));
                for (int i = 0; i < 300; i++) {
                    long id = 1 + r.nextInt(3000);
                    switch (r.nextInt(4)) {
                        case 0 -> w.deleteTask(id);
                        case 1 -> w.upsertTask(new Task(id, 1 + r.nextInt(30), new Bilingual("Nhiệm vụ thử", "Test task"), null,
                                (long) (100 + r.nextInt(136)), LocalDate.of(2026, 1, 1).plusDays(r.nextInt(700)),
                                r.nextBoolean() ? LocalDate.of(2026, 6, 1).plusDays(r.nextInt(100)) : null));
                        case 2 -> w.upsertTask(new Task(10_000 + i, 1 + r.nextInt(30), new Bilingual("Mới", "New"), 1L + r.nextInt(17), null,
                                LocalDate.of(2025, 6, 1).plusDays(r.nextInt(900)), null));
                        default -> w.upsertObservation(21 + r.nextInt(12), 60 + r.nextInt(136), 202501 + r.nextInt(10),
                                r.nextDouble() * 100, LocalDate.of(2026, 11, 1), 1, true);
                    }
                }
                for (int i = 0; i < 100; i++) w.deleteObservation(21 + r.nextInt(12), 60 + r.nextInt(136), 202501 + r.nextInt(12));
                w.finish("cursor-1", Instant.parse("2026-11-21T00:01:00Z"));
                return w.runId();
            });
            List<String> live = cache.read(RollupConsistencyTest::snapshot);
            cache.writeAndWait(c -> {
                Rollups.dropTriggers(c);
                Rollups.rebuildAll(c);
                Rollups.restoreTriggers(c);
                return null;
            });
            List<String> rebuilt = cache.read(RollupConsistencyTest::snapshot);
            assertThat(live).hasSameSizeAs(rebuilt).isEqualTo(rebuilt);

            List<ChangeEntry> changes = cache.read(c -> StoreWriter.changesBetween(c, 1, run1));
            assertThat(changes).isNotEmpty();
            assertThat(changes).extracting(ChangeEntry::entity).contains("task", "observation");
            List<ChangeEntry> none = cache.read(c -> StoreWriter.changesBetween(c, run1, run1));
            assertThat(none).isEmpty();
        }
    }

    static List<String> snapshot(Connection c) throws SQLException {
        return Rollups.contents(c);
    }
}
