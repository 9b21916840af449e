package vn.r57desk.app.packs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.db.Sqlite;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.DeviceKey;
import vn.r57desk.store.pack.PackScope;
import vn.r57desk.store.pack.PackWriter;
import vn.r57desk.store.pack.PublicKeys;

/**
 * Real briefing packs for the app's tests: the demo data, signed by a test issuer (the "office")
 * whose public key the test's laptop trusts, as an office's packs would be.
 */
public final class TestPacks {
    public static final char[] PASS = "mật khẩu họp 12/2026".toCharArray();
    private static Path source;
    private static DeviceKey office;

    private TestPacks() {}

    /** The demo data, generated once per test run, and the issuer. */
    private static synchronized void init() throws Exception {
        if (source != null) return;
        Path dir = Files.createTempDirectory("r57-test-packs");
        dir.toFile().deleteOnExit();
        Path src = dir.resolve("source.db");
        DatasetGenerator.generate(Scale.DEMO, DatasetGenerator.DEFAULT_SEED, src, false, DatasetGenerator.Progress.NONE);
        office = DeviceKey.generate("Văn phòng Ban Chỉ đạo (thử)");
        office.write(dir.resolve("office.key"), dir.resolve("office.pub"));
        source = src;
    }

    /** This laptop (the data folder of {@code home}) trusts the test office. */
    public static void trustOffice(DataHome home) throws Exception {
        init();
        Path pub = Files.createTempFile("office", ".pub");
        office.publicKeys().write(pub);
        home.keys().trust(pub);
        Files.delete(pub);
    }

    /**
     * A pack of the demo data in {@code scope}, created at {@code created}, expiring at
     * {@code expires}, for this laptop's key (when it has one) and under {@link #PASS} when asked.
     */
    public static Path make(Path out, DataHome home, PackScope scope, Instant created, Instant expires, long sequence, boolean passphrase)
            throws Exception {
        init();
        DeviceKey device = home.keys().device();
        List<PublicKeys> to = device == null || passphrase ? List.of() : List.of(device.publicKeys());
        try (Connection c = Sqlite.open(source)) {
            // as of when the demo data says its figures are (as an office's pack of it would say)
            Instant asOf = vn.r57desk.store.pack.PackContent.asOf(c, created.minusSeconds(3600));
            PackWriter.create(c, new PackWriter.Request(scope, created, asOf, expires, sequence, to,
                    passphrase ? PASS.clone() : null, vn.r57desk.store.pack.PackFormat.PBKDF2_MIN_ITERATIONS, List.of()), office, out);
        }
        return out;
    }

    /** The first system's scope in the demo data ("system:CODE"). */
    public static PackScope firstSystem() throws Exception {
        init();
        try (Connection c = Sqlite.open(source); var st = c.createStatement(); var rs = st.executeQuery("SELECT code FROM systems ORDER BY code LIMIT 1")) {
            rs.next();
            return new PackScope(PackScope.Kind.SYSTEM, rs.getString(1));
        }
    }
}
