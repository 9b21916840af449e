package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a bootstrap afresh, or wiping a device, leaves nothing of an old bootstrap behind. */
class BootstrapFilesTest {
    @TempDir Path dir;

    @Test
    void aLeftoverJournalIsDeletedWithTheBootstrapFile() throws Exception {
        Path cache = dir.resolve("cache.db");
        Path boot = Bootstrap.fileFor(cache);
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm", ".kpi-stats"}) Files.writeString(Path.of(boot + suffix), "x");
        Bootstrap.deleteFiles(boot);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        for (String suffix : new String[] {"", "-wal", ".bootstrap", ".bootstrap-journal"}) Files.writeString(Path.of(cache + suffix), "x");
        CacheHost.deleteCacheFiles(cache);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
