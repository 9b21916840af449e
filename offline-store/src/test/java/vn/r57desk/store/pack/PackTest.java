package vn.r57desk.store.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.Sqlite;

class PackTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final int CHUNK = 4096;
    static final char[] PASS = "mật khẩu họp 12/2026".toCharArray();

    @TempDir Path dir;
    DeviceKey office;
    DataHome home;
    DeviceKey laptop;

    @BeforeEach
    void setUp() throws Exception {
        office = DeviceKey.generate("Văn phòng Ban Chỉ đạo");
        office.write(dir.resolve("office/device.key"), dir.resolve("office/device.pub"));
        Path cache = dir.resolve("home/cache.db");
        Files.createDirectories(cache.getParent());
        Files.copy(DemoCacheFixture.demo(), cache); // the synced data that must survive every refused pack
        home = DataHome.forCache(cache, null);
        laptop = home.keys().generate("Laptop 03", false);
        home.keys().trust(dir.resolve("office/device.pub"));
    }

    static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    PackWriter.Made make(String name, PackScope scope, long seq, Instant expires, List<PublicKeys> to, char[] pass, List<String> revoked, DeviceKey issuer)
            throws Exception {
        try (Connection c = Sqlite.open(DemoCacheFixture.demo())) {
            return PackWriter.create(c, new PackWriter.Request(scope, T0, T0.minusSeconds(3600), expires, seq, to, pass, PackFormat.PBKDF2_MIN_ITERATIONS, revoked),
                    issuer, dir.resolve(name), CHUNK);
        }
    }

    PackWriter.Made make(String name, long seq) throws Exception {
        return make(name, PackScope.ALL, seq, T0.plus(Duration.ofDays(30)), List.of(laptop.publicKeys()), PASS, List.of(), office);
    }

    /** Every file under the data folder and its SHA-256: "nothing changed" is this map, equal. */
    Map<String, String> snapshot() throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(home.root())) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(home.root().relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return m;
    }

    static long count(Path db, String table) throws Exception {
        try (Connection c = Sqlite.open(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void importedPackIsItsOwnDatasetWithEveryRowAndItsLabels() throws Exception {
        PackWriter.Made m = make("all.r57pack", 1);
        long cacheBefore = Files.size(home.cacheFile());
        DataHome.Dataset d = home.importPack(m.file(), null, at(T0.plusSeconds(60)), null);
        assertThat(d.kind()).isEqualTo(DataHome.Kind.PACK);
        assertThat(d.expires()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(d.asOf()).isEqualTo(T0.minusSeconds(3600));
        assertThat(d.scope()).isEqualTo("all");
        assertThat(d.issuer()).contains("Văn phòng Ban Chỉ đạo");
        assertThat(d.rows()).isEqualTo(m.rows());
        for (String t : List.of("tasks", "observations", "initiatives", "kpis", "localities", "meetings", "agenda_items")) {
            assertThat(count(d.file(), t)).as(t).isEqualTo(count(DemoCacheFixture.demo(), t));
        }
        try (Cache c = Cache.openExisting(d.file())) {
            assertThat(c.integrityProblems()).isEmpty();
            assertThat(new vn.r57desk.store.query.DrillDown(c).catalog().systemList()).isNotEmpty();
        }
        assertThat(Files.size(home.cacheFile())).as("the synced cache is not touched").isEqualTo(cacheBefore);
        assertThat(home.datasets()).extracting(DataHome.Dataset::kind).containsExactly(DataHome.Kind.SYNCED, DataHome.Kind.PACK);
        assertThat(m.header().chunkSize()).isEqualTo(CHUNK);
        assertThat(chunks(m.file())).as("the test needs many chunks").isGreaterThan(5);
    }

    /**
     * On a laptop with a passcode, a pack for Hà Nội leaves the province's name nowhere in plaintext:
     * neither in its data nor in its description (packs/ID.json, sealed under the data key).
     */
    @Test
    void onAProtectedLaptopAPacksDescriptionIsSealedLikeItsData() throws Exception {
        try (Passcode.DataKey key = Passcode.in(home.keys().dir(), Clock.systemUTC(), 10_000).set("mật mã của tôi 57".toCharArray())) {
            AtRest.encryptExisting(home, key, p -> { });
            AtRest.unlock(home, key);
        }
        try {
            PackWriter.Made m = make("ha-noi.r57pack", PackScope.parse("province:01"), 1, T0.plus(Duration.ofDays(30)), List.of(laptop.publicKeys()), null, List.of(), office);
            DataHome.Dataset d = home.importPack(m.file(), null, at(T0.plusSeconds(60)), null);
            assertThat(d.scopeLabel()).contains("Hà Nội");
            assertThat(Files.readString(home.packsDir().resolve(d.id() + ".json"))).startsWith(DataHome.SEALED_DESCRIPTION);
            assertThat(DataAtRestTest.knownBytesIn(home.root())).as("names in the data folder's bytes").isEmpty();
            assertThat(home.datasets()).filteredOn(x -> x.kind() == DataHome.Kind.PACK).singleElement()
                    .satisfies(x -> assertThat(x.scopeLabel()).isEqualTo(d.scopeLabel()));
        } finally {
            Sqlite.forgetKeys();
        }
    }

    @Test
    void passphraseOpensAPackOnALaptopWithoutADeviceKey() throws Exception {
        PackWriter.Made m = make("p.r57pack", PackScope.ALL, 1, T0.plus(Duration.ofDays(3)), List.of(), PASS, List.of(), office);
        DataHome other = DataHome.forCache(dir.resolve("other/cache.db"), null);
        other.keys().trust(dir.resolve("office/device.pub"));
        assertThatThrownBy(() -> other.importPack(m.file(), "wrong".toCharArray(), at(T0), null))
                .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.problem()).isEqualTo(PackException.Problem.WRONG_PASSPHRASE));
        assertThatThrownBy(() -> other.importPack(m.file(), null, at(T0), null))
                .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.problem()).isEqualTo(PackException.Problem.WRONG_PASSPHRASE));
        assertThat(other.datasets()).isEmpty();
        assertThat(other.importPack(m.file(), PASS, at(T0), null).rows()).isEqualTo(m.rows());
    }

    @Test
    void aPackForAnotherDeviceDoesNotOpenWithThisOne() throws Exception {
        DeviceKey someoneElse = DeviceKey.generate("Laptop 07");
        PackWriter.Made m = make("x.r57pack", PackScope.ALL, 1, T0.plus(Duration.ofDays(3)), List.of(someoneElse.publicKeys()), null, List.of(), office);
        Map<String, String> before = snapshot();
        assertThatThrownBy(() -> home.importPack(m.file(), PASS, at(T0), null))
                .isInstanceOfSatisfying(PackException.class, e -> {
                    assertThat(e.problem()).isEqualTo(PackException.Problem.NOT_FOR_THIS_DEVICE);
                    assertThat(e.getMessage()).contains("Laptop 07");
                });
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Offsets to change, each naming what it hits. */
    Map<String, Long> positions(Path pack) throws Exception {
        byte[] b = Files.readAllBytes(pack);
        int h = ByteBuffer.wrap(b, 28, 4).getInt();
        long start = 32L + h;
        String header = new String(b, 32, h, StandardCharsets.UTF_8);
        Map<String, Long> p = new java.util.LinkedHashMap<>();
        p.put("magic", 0L);
        p.put("version", 9L);
        p.put("issuer id", 15L);
        p.put("header length", 31L);
        p.put("header: expiry", 32L + header.indexOf("\"expires\"") + 14);
        p.put("header: sequence", 32L + header.indexOf("\"sequence\"") + 11);
        int wrapped = header.indexOf("\"wrapped_key\"");
        p.put("wrapped device key", 32L + wrapped + 20);
        p.put("wrapped passphrase key", 32L + header.indexOf("\"wrapped_key\"", wrapped + 1) + 20);
        int n = chunks(pack);
        p.put("chunk 0", start + 5);
        p.put("chunk 1", start + (CHUNK + 16) + 100);
        p.put("chunk " + (n / 2), start + (long) (n / 2) * (CHUNK + 16) + 7);
        p.put("last chunk", b.length - 64 - 20L);
        p.put("last chunk's tag", b.length - 64 - 1L);
        p.put("signature", b.length - 30L);
        p.put("signature's last byte", b.length - 1L);
        return p;
    }

    static int chunks(Path pack) throws Exception {
        byte[] b = Files.readAllBytes(pack);
        long content = b.length - 64 - (32L + ByteBuffer.wrap(b, 28, 4).getInt());
        return (int) ((content + CHUNK + 15) / (CHUNK + 16));
    }

    @Test
    void oneByteChangedAnywhereIsRefusedAndNothingChanges() throws Exception {
        PackWriter.Made first = make("first.r57pack", 1);
        home.importPack(first.file(), null, at(T0), null);
        PackWriter.Made m = make("all.r57pack", 2);
        byte[] good = Files.readAllBytes(m.file());
        Map<String, String> before = snapshot();
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, Long> e : positions(m.file()).entrySet()) {
            byte[] bad = good.clone();
            bad[(int) (long) e.getValue()] ^= 0x01;
            Path f = dir.resolve("bad.r57pack");
            Files.write(f, bad);
            assertThatThrownBy(() -> home.importPack(f, PASS, at(T0), null)).as(e.getKey())
                    .isInstanceOfSatisfying(PackException.class, ex -> assertThat(ex.problem()).as(e.getKey())
                            .isIn(PackException.Problem.TAMPERED, PackException.Problem.UNKNOWN_ISSUER, PackException.Problem.NOT_A_PACK));
            assertThat(snapshot()).as(e.getKey()).isEqualTo(before);
            refused.add(e.getKey());
        }
        // a byte appended, and the pack cut short at several places
        List<byte[]> cuts = new ArrayList<>();
        cuts.add(Arrays.copyOf(good, good.length + 1));
        for (int len : new int[] {good.length - 1, good.length - 64, good.length - 64 - CHUNK, 40, 31, 0}) cuts.add(Arrays.copyOf(good, len));
        for (byte[] bad : cuts) {
            Path f = dir.resolve("cut.r57pack");
            Files.write(f, bad);
            assertThatThrownBy(() -> home.importPack(f, PASS, at(T0), null)).as("length " + bad.length).isInstanceOf(PackException.class);
            assertThat(snapshot()).isEqualTo(before);
        }
        assertThat(refused).hasSize(15);
        // and the good one still imports
        assertThat(home.importPack(m.file(), PASS, at(T0), null).rows()).isEqualTo(m.rows());
    }

    /** Rewrites the pack's chunks and signs it again with the issuer's key: only the chunk layer can refuse it. */
    Path resigned(Path pack, java.util.function.UnaryOperator<List<byte[]>> edit) throws Exception {
        byte[] b = Files.readAllBytes(pack);
        int start = 32 + ByteBuffer.wrap(b, 28, 4).getInt();
        List<byte[]> chunks = new ArrayList<>();
        for (int at = start; at < b.length - 64; at += CHUNK + 16) chunks.add(Arrays.copyOfRange(b, at, Math.min(at + CHUNK + 16, b.length - 64)));
        chunks = edit.apply(chunks);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(b, 0, start);
        for (byte[] c : chunks) out.write(c);
        MessageDigest md = MessageDigest.getInstance("SHA-512");
        md.update(out.toByteArray());
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(office.signPrivate());
        s.update(PackFormat.SIGNATURE_CONTEXT);
        s.update(md.digest());
        out.write(s.sign());
        Path f = dir.resolve("resigned.r57pack");
        Files.write(f, out.toByteArray());
        return f;
    }

    @Test
    void chunksReorderedOrDroppedAreRefusedEvenUnderAValidSignature() throws Exception {
        PackWriter.Made m = make("all.r57pack", 1);
        Map<String, String> before = snapshot();
        Path swapped = resigned(m.file(), c -> {
            List<byte[]> x = new ArrayList<>(c);
            x.set(1, c.get(2));
            x.set(2, c.get(1));
            return x;
        });
        Path lastDropped = resigned(m.file(), c -> c.subList(0, c.size() - 1));
        Path middleDropped = resigned(m.file(), c -> {
            List<byte[]> x = new ArrayList<>(c);
            x.remove(3);
            return x;
        });
        for (Path f : List.of(swapped, lastDropped, middleDropped)) {
            assertThat(PackReader.verify(f, home.keys()::trusted)).as("the signature is valid").isNotNull();
            assertThatThrownBy(() -> home.importPack(f, null, at(T0), null))
                    .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.problem()).isEqualTo(PackException.Problem.TAMPERED));
            assertThat(snapshot()).isEqualTo(before);
        }
        assertThat(home.datasets()).extracting(DataHome.Dataset::kind).containsExactly(DataHome.Kind.SYNCED);
    }

    @Test
    void aForeignIssuerIsRefused() throws Exception {
        DeviceKey stranger = DeviceKey.generate("Văn phòng Ban Chỉ đạo"); // the same name is not the same key
        PackWriter.Made m = make("foreign.r57pack", PackScope.ALL, 1, T0.plus(Duration.ofDays(3)), List.of(laptop.publicKeys()), null, List.of(), stranger);
        Map<String, String> before = snapshot();
        assertThatThrownBy(() -> home.importPack(m.file(), null, at(T0), null))
                .isInstanceOfSatisfying(PackException.class, e -> {
                    assertThat(e.problem()).isEqualTo(PackException.Problem.UNKNOWN_ISSUER);
                    assertThat(e.getMessage()).contains(stranger.publicKeys().idHex());
                });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void expiredIsRefusedAndAnImportedPackPastItsExpiryIsWiped() throws Exception {
        Instant expires = T0.plus(Duration.ofDays(10));
        PackWriter.Made m = make("e.r57pack", PackScope.ALL, 1, expires, List.of(laptop.publicKeys()), null, List.of(), office);
        Map<String, String> before = snapshot();
        assertThatThrownBy(() -> home.importPack(m.file(), null, at(expires), null))
                .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.problem()).isEqualTo(PackException.Problem.EXPIRED));
        assertThat(snapshot()).isEqualTo(before);

        DataHome.Dataset d = home.importPack(m.file(), null, at(T0), null);
        assertThat(home.enforceExpiry(at(T0), 7)).isEqualTo(new DataHome.ExpiryReport(List.of(), List.of()));
        DataHome.ExpiryReport warn = home.enforceExpiry(at(expires.minus(Duration.ofDays(3))), 7);
        assertThat(warn.expiringSoon()).extracting(DataHome.Dataset::id).containsExactly(d.id());
        assertThat(warn.wiped()).isEmpty();
        assertThat(d.daysLeft(expires.minus(Duration.ofDays(3)))).isEqualTo(3);
        assertThat(Files.exists(d.file())).isTrue();

        DataHome.ExpiryReport r = home.enforceExpiry(at(expires.plusSeconds(1)), 7);
        assertThat(r.wiped()).extracting(DataHome.Dataset::id).containsExactly(d.id());
        assertThat(Files.exists(d.file())).isFalse();
        assertThat(home.datasets()).extracting(DataHome.Dataset::kind).containsExactly(DataHome.Kind.SYNCED);
        try (Stream<Path> s = Files.list(home.packsDir())) {
            assertThat(s.toList()).as("nothing of the pack is left").isEmpty();
        }
        assertThat(Files.exists(home.cacheFile())).isTrue();
    }

    @Test
    void aLowerSequenceThanAlreadySeenIsARollback() throws Exception {
        PackWriter.Made five = make("5.r57pack", 5);
        PackWriter.Made four = make("4.r57pack", 4);
        PackWriter.Made otherFive = make("5b.r57pack", 5);
        home.importPack(five.file(), null, at(T0), null);
        Map<String, String> before = snapshot();
        for (PackWriter.Made old : List.of(four, otherFive)) {
            assertThatThrownBy(() -> home.importPack(old.file(), null, at(T0), null))
                    .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.problem()).isEqualTo(PackException.Problem.ROLLBACK));
            assertThat(snapshot()).isEqualTo(before);
        }
        // the same pack again is not a rollback (dropped by mistake, imported again)
        assertThat(home.importPack(five.file(), null, at(T0), null).id()).isEqualTo(five.header().packId());
        assertThat(home.importPack(make("6.r57pack", 6).file(), null, at(T0), null)).isNotNull();
    }

    @Test
    void aPackThatRevokesThisDeviceWipesItsDataAndKey() throws Exception {
        home.importPack(make("first.r57pack", 1).file(), null, at(T0), null);
        assertThat(home.datasets()).hasSize(2);
        PackWriter.Made revoking = make("r.r57pack", PackScope.ALL, 2, T0.plus(Duration.ofDays(3)), List.of(), PASS,
                List.of(laptop.publicKeys().idHex()), office);
        assertThatThrownBy(() -> home.importPack(revoking.file(), PASS, at(T0), null))
                .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.problem()).isEqualTo(PackException.Problem.REVOKED));
        assertThat(home.datasets()).isEmpty();
        assertThat(Files.exists(home.cacheFile())).isFalse();
        assertThat(Files.exists(home.keys().deviceKeyFile())).isFalse();
        assertThat(home.keys().revokedNotice()).contains(revoking.header().packId());
        // and it accepts nothing more
        assertThatThrownBy(() -> home.importPack(make("n.r57pack", 3).file(), PASS, at(T0), null))
                .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.problem()).isEqualTo(PackException.Problem.REVOKED));
    }

    @Test
    void aRevokedListNamingOtherDevicesChangesNothingHere() throws Exception {
        PackWriter.Made m = make("r.r57pack", PackScope.ALL, 2, T0.plus(Duration.ofDays(3)), List.of(laptop.publicKeys()), null,
                List.of(DeviceKey.generate("lost laptop").publicKeys().idHex()), office);
        assertThat(home.importPack(m.file(), null, at(T0), null).rows()).isEqualTo(m.rows());
        assertThat(Files.exists(home.cacheFile())).isTrue();
    }

    @Test
    void wipeThisLaptopsDataOverwritesAndDeletes() throws Exception {
        DataHome.Dataset d = home.importPack(make("a.r57pack", 1).file(), null, at(T0), null);
        home.wipeAll(true);
        assertThat(Files.exists(home.cacheFile())).isFalse();
        assertThat(Files.exists(d.file())).isFalse();
        assertThat(Files.exists(home.keys().deviceKeyFile())).isFalse();
        assertThat(home.keys().trusted()).as("trusted issuers stay").hasSize(1);
        assertThat(home.datasets()).isEmpty();
    }

    @Test
    void shredOverwritesBeforeDeleting() throws Exception {
        Path f = dir.resolve("secret.bin");
        byte[] secret = "Hà Nội 42".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Files.write(f, secret);
        // a hard link sees the same blocks after the name is gone: they must be zeros
        Path link = dir.resolve("link.bin");
        Files.createLink(link, f);
        DataHome.shred(f);
        assertThat(Files.exists(f)).isFalse();
        byte[] left = Files.readAllBytes(link);
        assertThat(left).hasSize(secret.length).containsOnly((byte) 0);
    }

    @Test
    void scopedPacksHoldTheirScopeAndLoadWithEveryReferenceInPlace() throws Exception {
        Path demo = DemoCacheFixture.demo();
        String province, ministry, system;
        long meeting;
        try (Connection c = Sqlite.open(demo); Statement st = c.createStatement()) {
            province = one(st, "SELECT l.code FROM tasks t JOIN localities l ON l.id = t.locality_id WHERE l.level = 'province' GROUP BY l.code ORDER BY count(*) DESC LIMIT 1");
            ministry = one(st, "SELECT a.code FROM tasks t JOIN agencies a ON a.id = t.agency_id GROUP BY a.code ORDER BY count(*) DESC LIMIT 1");
            system = one(st, "SELECT code FROM systems ORDER BY sort_order LIMIT 1");
            meeting = Long.parseLong(one(st, "SELECT meeting_id FROM agenda_items WHERE target_kind IS NOT NULL GROUP BY meeting_id ORDER BY count(*) DESC LIMIT 1"));
        }
        long seq = 1;
        for (PackScope s : List.of(new PackScope(PackScope.Kind.PROVINCE, province), new PackScope(PackScope.Kind.MINISTRY, ministry),
                new PackScope(PackScope.Kind.SYSTEM, system), new PackScope(PackScope.Kind.MEETING, Long.toString(meeting)))) {
            PackWriter.Made m = make(s.kind() + ".r57pack", s, seq++, T0.plus(Duration.ofDays(3)), List.of(laptop.publicKeys()), null, List.of(), office);
            DataHome.Dataset d = home.importPack(m.file(), null, at(T0), null);
            assertThat(d.scope()).isEqualTo(s.text());
            assertThat(d.scopeLabel()).isNotBlank();
            long tasks = count(d.file(), "tasks");
            assertThat(tasks).as(s.text()).isGreaterThan(0).isLessThan(count(demo, "tasks"));
            assertThat(count(d.file(), "observations")).as(s.text()).isGreaterThan(0).isLessThan(count(demo, "observations"));
            try (Connection c = Sqlite.open(d.file()); Statement st = c.createStatement()) {
                switch (s.kind()) {
                    case PROVINCE -> assertThat(one(st, "SELECT count(*) FROM tasks t JOIN localities l ON l.id = t.locality_id"
                            + " LEFT JOIN localities p ON p.id = l.parent_id WHERE coalesce(p.code, l.code) <> '" + province + "' OR t.agency_id IS NOT NULL")).isEqualTo("0");
                    case MINISTRY -> assertThat(one(st, "SELECT count(*) FROM tasks t LEFT JOIN agencies a ON a.id = t.agency_id WHERE a.code IS NOT '" + ministry + "'")).isEqualTo("0");
                    case SYSTEM -> assertThat(one(st, "SELECT count(*) FROM initiatives i JOIN systems s ON s.id = i.system_id WHERE s.code <> '" + system + "'")).isEqualTo("0");
                    case MEETING -> {
                        assertThat(one(st, "SELECT count(*) FROM meetings")).isEqualTo("1");
                        assertThat(one(st, "SELECT count(*) FROM agenda_items")).isEqualTo(one(Sqlite.open(demo).createStatement(),
                                "SELECT count(*) FROM agenda_items WHERE meeting_id = " + meeting));
                    }
                    default -> { }
                }
                assertThat(one(st, "SELECT value FROM dataset_info WHERE key = 'pack_scope'")).isEqualTo(s.text());
            }
            try (Cache c = Cache.openExisting(d.file())) {
                assertThat(c.integrityProblems()).as(s.text()).isEmpty();
            }
        }
        assertThatThrownBy(() -> make("bad.r57pack", new PackScope(PackScope.Kind.PROVINCE, "nowhere"), 99, T0.plus(Duration.ofDays(3)),
                List.of(laptop.publicKeys()), null, List.of(), office)).hasMessageContaining("nowhere");
        assertThat(dir.resolve("bad.r57pack")).doesNotExist();
        assertThat(dir.resolve("bad.r57pack.tmp")).doesNotExist();
    }

    static String one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aKeyFileEditedByHandIsRefused() throws Exception {
        Path pub = dir.resolve("office/device.pub");
        String text = Files.readString(pub);
        String other = DeviceKey.generate("x").publicKeys().toText();
        String otherSign = other.lines().filter(l -> l.startsWith("sign ")).findFirst().orElseThrow();
        Path edited = dir.resolve("edited.pub");
        Files.writeString(edited, text.replaceAll("(?m)^sign .*$", otherSign));
        assertThatThrownBy(() -> PublicKeys.read(edited)).isInstanceOfSatisfying(PackException.class,
                e -> assertThat(e.problem()).isEqualTo(PackException.Problem.KEYS));
    }

    @Test
    void aPackChangedOnDiskAfterItsSignatureWasCheckedIsRefused() throws Exception {
        PackWriter.Made m = make("all.r57pack", 1);
        PackReader.Verified v = PackReader.verify(m.file(), home.keys()::trusted);
        javax.crypto.SecretKey key = PackReader.unlock(v, laptop, null);
        // between the check and the decryption, the header changes on disk (a swapped stick, another process)
        byte[] b = Files.readAllBytes(m.file());
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf("All data");
        b[at] ^= 0x20;
        Files.write(m.file(), b);
        try (PackReader.Content c = PackReader.content(v, key)) {
            assertThat(c.stream().readAllBytes()).as("the chunks themselves are intact").isNotEmpty();
            assertThatThrownBy(c::finish).isInstanceOfSatisfying(PackException.class, e -> {
                assertThat(e.problem()).isEqualTo(PackException.Problem.TAMPERED);
                assertThat(e.getMessage()).contains("changed on disk");
            });
        }
    }
}
