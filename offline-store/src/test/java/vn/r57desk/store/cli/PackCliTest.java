package vn.r57desk.store.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.pack.DataHome;

class PackCliTest {
    @TempDir Path dir;

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /** The office's key, a laptop that trusts it, and a pack for that laptop (device key and passphrase). */
    private record Setup(Path officeKeys, Path home, Path cache, Path pack, Path passFile) {}

    private Setup setup() throws Exception {
        Path officeKeys = dir.resolve("office-keys");
        Path home = dir.resolve("laptop");
        Files.createDirectories(home);
        Path cache = home.resolve("cache.db");
        Files.copy(DemoCacheFixture.demo(), cache);
        assertThat(run("pack", "keygen", "--keys", officeKeys.toString(), "--name", "Văn phòng").code()).isZero();
        CliTest.Run k = run("pack", "keygen", "--cache", cache.toString(), "--name", "Laptop 03");
        assertThat(k.code()).as(k.err()).isZero();
        assertThat(k.out()).contains("device.pub");
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "họp giao ban\n");
        Path pack = dir.resolve("brief.r57pack");
        CliTest.Run c = run("pack", "create", "--keys", officeKeys.toString(), "--from", DemoCacheFixture.demo().toString(), "--scope", "all",
                "--expires", "30d", "--to", home.resolve("keys/device.pub").toString(), "--passphrase-file", pass.toString(),
                "--pbkdf2-iterations", "10000", "--out", pack.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("Wrote", "Laptop 03", "passphrase", "expires");
        return new Setup(officeKeys, home, cache, pack, pass);
    }

    @Test
    void verifyTrustImportListAndRefusals() throws Exception {
        Setup s = setup();
        CliTest.Run untrusted = run("pack", "verify", s.pack().toString(), "--cache", s.cache().toString());
        assertThat(untrusted.code()).isEqualTo(12);
        assertThat(untrusted.err()).contains("does not trust");
        assertThat(run("pack", "import", s.pack().toString(), "--cache", s.cache().toString()).code()).isEqualTo(12);

        CliTest.Run trust = run("pack", "trust", s.officeKeys().resolve("device.pub").toString(), "--cache", s.cache().toString());
        assertThat(trust.code()).as(trust.err()).isZero();
        CliTest.Run verify = run("pack", "verify", s.pack().toString(), "--cache", s.cache().toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("Signature OK", "signed by: Văn phòng", "for:       device Laptop 03", "data as of", "expires", "day(s) left");

        byte[] good = Files.readAllBytes(s.pack());
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x40;
        Path tampered = dir.resolve("tampered.r57pack");
        Files.write(tampered, bad);
        CliTest.Run t = run("pack", "import", tampered.toString(), "--cache", s.cache().toString());
        assertThat(t.code()).isEqualTo(11);
        assertThat(t.err()).startsWith("error: The pack").contains("altered or damaged", "nothing on this laptop changed").doesNotContain("Exception");

        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "sai");
        Path noKey = dir.resolve("other/cache.db");
        Files.createDirectories(noKey.getParent());
        run("pack", "trust", s.officeKeys().resolve("device.pub").toString(), "--cache", noKey.toString());
        CliTest.Run w = run("pack", "import", s.pack().toString(), "--cache", noKey.toString(), "--passphrase-file", wrong.toString());
        assertThat(w.code()).isEqualTo(16);
        assertThat(w.err()).contains("Wrong passphrase");
        CliTest.Run p = run("pack", "import", s.pack().toString(), "--cache", noKey.toString(), "--passphrase-file", s.passFile().toString());
        assertThat(p.code()).as(p.err()).isZero();

        CliTest.Run imp = run("pack", "import", s.pack().toString(), "--cache", s.cache().toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("Imported", "scope:     all", "then wiped");
        // no passcode for this folder: imported all the same (scripts), but not silently
        assertThat(imp.err()).contains("warning: no passcode is set", "not encrypted", "passcode set --cache");
        CliTest.Run list = run("pack", "list", "--cache", s.cache().toString());
        assertThat(list.out()).contains("synced", "all — as of", "Văn phòng");
        assertThat(run("pack", "expiry", "--cache", s.cache().toString(), "--warn-days", "40").out()).contains("expires");

        CliTest.Run wipe = run("pack", "wipe", "--yes", "--cache", s.cache().toString());
        assertThat(wipe.code()).isZero();
        assertThat(s.cache()).doesNotExist();
        assertThat(run("pack", "list", "--cache", s.cache().toString()).out()).isBlank();
    }

    @Test
    void aLaptopPacksWhatItHoldsForAColleagueWhoMustTrustIt() throws Exception {
        Setup s = setup();
        Path colleague = dir.resolve("colleague/cache.db");
        Files.createDirectories(colleague.getParent());
        run("pack", "keygen", "--cache", colleague.toString(), "--name", "Laptop 07");
        Path pack = dir.resolve("for-07.r57pack");
        CliTest.Run c = run("pack", "create", "--cache", s.cache().toString(), "--scope", "province:79", "--expires", "2099-01-31",
                "--to", colleague.getParent().resolve("keys/device.pub").toString(), "--out", pack.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("Laptop 03", "province:79");
        assertThat(run("pack", "import", pack.toString(), "--cache", colleague.toString()).code()).isEqualTo(12);
        run("pack", "trust", s.home().resolve("keys/device.pub").toString(), "--cache", colleague.toString());
        CliTest.Run imp = run("pack", "import", pack.toString(), "--cache", colleague.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("province:79", "Laptop 03");
        CliTest.Run bad = run("pack", "create", "--cache", s.cache().toString(), "--scope", "county:1", "--expires", "3d", "--to",
                colleague.getParent().resolve("keys/device.pub").toString(), "--out", dir.resolve("x.r57pack").toString());
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("unknown scope 'county:1'");
    }

    @Test
    void anImportKilledBeforeItsDataIsInPlaceLeavesTheEarlierDataIntactAndOpenable() throws Exception {
        Setup s = setup();
        run("pack", "trust", s.officeKeys().resolve("device.pub").toString(), "--cache", s.cache().toString());
        Path earlierPack = dir.resolve("earlier.r57pack");
        assertThat(run("pack", "create", "--keys", s.officeKeys().toString(), "--from", DemoCacheFixture.demo().toString(), "--scope", "province:79",
                "--expires", "30d", "--to", s.home().resolve("keys/device.pub").toString(), "--out", earlierPack.toString()).code()).isZero();
        // the earlier pack was made first, so its sequence is lower: make the big one again after it
        Path later = dir.resolve("later.r57pack");
        assertThat(run("pack", "create", "--keys", s.officeKeys().toString(), "--from", DemoCacheFixture.demo().toString(), "--scope", "all",
                "--expires", "30d", "--to", s.home().resolve("keys/device.pub").toString(), "--out", later.toString()).code()).isZero();
        assertThat(run("pack", "import", earlierPack.toString(), "--cache", s.cache().toString()).code()).isZero();
        DataHome home = DataHome.forCache(s.cache(), null);
        DataHome.Dataset earlier = home.datasets().get(1);
        Map<String, byte[]> before = Map.of("cache", Files.readAllBytes(s.cache()), "earlier", Files.readAllBytes(earlier.file()));

        Path marker = dir.resolve("written");
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(javaCmd, "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-cp", cp, "vn.r57desk.store.cli.R57Cli",
                "pack", "import", later.toString(), "--cache", s.cache().toString(), "--pause-before-place", marker.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            // Waits for the child to say its data is written (not a timing decision: the deadline only stops a broken run).
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(marker) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(marker).as(Files.readString(dir.resolve("child.log"))).exists();
            try (var files = Files.list(home.packsDir())) {
                assertThat(files.map(f -> f.getFileName().toString()).toList()).as("the new data is written, not yet in place")
                        .anyMatch(n -> n.endsWith(".db.bootstrap"));
            }
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            p.waitFor();
        }
        assertThat(Files.readAllBytes(s.cache())).isEqualTo(before.get("cache"));
        assertThat(Files.readAllBytes(earlier.file())).isEqualTo(before.get("earlier"));
        assertThat(home.datasets()).extracting(DataHome.Dataset::id).containsExactly("synced", earlier.id());
        try (Cache c = Cache.openExisting(earlier.file())) {
            assertThat(c.integrityProblems()).isEmpty();
        }
        // the leftovers go at the next expiry check, and the same pack imports in full
        home.enforceExpiry(java.time.Clock.systemUTC(), 7);
        try (var files = Files.list(home.packsDir())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).noneMatch(n -> n.contains("bootstrap") || n.endsWith(".tmp"))
                    .hasSize(2);
        }
        CliTest.Run again = run("pack", "import", later.toString(), "--cache", s.cache().toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(home.datasets()).hasSize(3);
    }
}
