package vn.r57desk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.PackException;
import vn.r57desk.store.sync.CacheHost;
import vn.r57desk.store.sync.SyncClient;

class PackServerTest {
    @TempDir Path dir;

    static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new ServerCli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void theOfficesPackHoldsExactlyWhatASyncBringsAndOnlyATrustingDeviceOpensIt() throws Exception {
        Path laptopCache = dir.resolve("laptop/cache.db");
        Path synced = dir.resolve("synced/cache.db");
        Files.createDirectories(synced.getParent());
        try (ReferenceServer server = ServerFixture.start(); CacheHost.Simple host = CacheHost.of(synced)) {
            SyncClient.create(server.uri().toString(), ServerFixture.options()).sync(host, SyncClient.Listener.NONE);
        }
        DataHome laptop = DataHome.forCache(laptopCache, null);
        laptop.keys().generate("Laptop 03", false);
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "giao ban");
        Path pack = dir.resolve("all.r57pack");
        String[] r = run("pack", "create", "--scale", "demo", "--data", ServerFixture.dataDir().toString(), "--keys", dir.resolve("issuer").toString(),
                "--scope", "all", "--expires", "14d", "--to", laptop.keys().devicePublicFile().toString(), "--passphrase-file", pass.toString(),
                "--pbkdf2-iterations", "10000", "--out", pack.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("Made the issuer key", "pack trust", "Wrote", "device Laptop 03", "passphrase", "scope:     all");

        PackException foreign = org.junit.jupiter.api.Assertions.assertThrows(PackException.class,
                () -> laptop.importPack(pack, null, Clock.systemUTC(), null));
        assertThat(foreign.problem()).isEqualTo(PackException.Problem.UNKNOWN_ISSUER);
        laptop.keys().trust(dir.resolve("issuer/device.pub"));
        DataHome.Dataset d = laptop.importPack(pack, null, Clock.systemUTC(), null);

        Map<String, String> fromPack = new HashMap<>(ServerFixture.checksums(d.file()));
        Map<String, String> fromSync = new HashMap<>(ServerFixture.checksums(synced));
        fromPack.remove("dataset_info"); // the pack adds its id, scope and expiry there
        fromSync.remove("dataset_info");
        assertThat(fromPack).isEqualTo(fromSync);

        // a second pack from the same office has a higher sequence, and revokes a lost laptop
        Path lost = dir.resolve("lost/cache.db");
        DataHome lostLaptop = DataHome.forCache(lost, null);
        lostLaptop.keys().generate("Laptop bị mất", false);
        lostLaptop.keys().trust(dir.resolve("issuer/device.pub"));
        Files.createDirectories(lost.getParent());
        Files.copy(synced, lost);
        Path revoking = dir.resolve("revoke.r57pack");
        r = run("pack", "create", "--data", ServerFixture.dataDir().toString(), "--keys", dir.resolve("issuer").toString(), "--scope", "province:79",
                "--expires", "14d", "--to", laptop.keys().devicePublicFile().toString(), "--revoke", lostLaptop.keys().devicePublicFile().toString(),
                "--out", revoking.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("revokes devices: " + lostLaptop.keys().device().publicKeys().idHex(), "sequence 2");
        assertThat(laptop.importPack(revoking, null, Clock.systemUTC(), null).scope()).isEqualTo("province:79");
        PackException revoked = org.junit.jupiter.api.Assertions.assertThrows(PackException.class,
                () -> lostLaptop.importPack(revoking, null, Clock.systemUTC(), null));
        assertThat(revoked.problem()).isEqualTo(PackException.Problem.REVOKED);
        assertThat(lost).doesNotExist();
    }
}
