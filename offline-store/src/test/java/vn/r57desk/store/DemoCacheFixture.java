package vn.r57desk.store;

import java.nio.file.Files;
import java.nio.file.Path;

import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.generate.Scale;

/** One demo cache per test JVM, generated once (about half a second) and copied for tests that write. */
public final class DemoCacheFixture {
    private static Path demo;

    private DemoCacheFixture() {}

    public static synchronized Path demo() throws Exception {
        if (demo == null) {
            Path dir = Files.createTempDirectory("r57-demo");
            demo = dir.resolve("demo.db");
            DatasetGenerator.generate(Scale.DEMO, DatasetGenerator.DEFAULT_SEED, demo, false, DatasetGenerator.Progress.NONE);
            dir.toFile().deleteOnExit();
        }
        return demo;
    }

    /** A private copy to modify. */
    public static Path copy(Path dir) throws Exception {
        Path f = dir.resolve("copy.db");
        Files.copy(demo(), f);
        return f;
    }
}
