package vn.r57desk.store.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;

class CliTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = R57Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyQueryAnswersAsTableAndJson() throws Exception {
        String cache = DemoCacheFixture.demo().toString();
        for (QueryId q : QueryId.values()) {
            String[] common = {"query", q.cliName(), "--cache", cache, "--system", "SYS2", "--initiative", "SYS2-S1", "--agency", "MOST",
                    "--province", "79", "--kpi", "R57-04"};
            Run table = run(common);
            assertThat(table.code()).as(q + ": " + table.err()).isZero();
            assertThat(table.out()).contains("DEMO DATA");
            Run json = run(concat(common, "--json"));
            assertThat(json.code()).as(q + ": " + json.err()).isZero();
            assertThat(json.out().trim()).startsWith(json.out().trim().startsWith("[") ? "[" : "{");
            QueryCommand.mapper().readTree(json.out());
        }
        assertThat(run("query", "provinces", "--cache", cache, "--lang", "en").out()).contains("Ho Chi Minh City");
        assertThat(run("query", "provinces", "--cache", cache).out()).contains("Hồ Chí Minh");
    }

    @Test
    void deadlinesAndRankingsUseThePeriodsTheirHeaderPrints() throws Exception {
        String cache = DemoCacheFixture.demo().toString();
        String[] q = {"--cache", cache, "--from", "2026-01", "--to", "2026-06"};
        Run table = run(concat(new String[]{"query", "deadlines-by-agency"}, q));
        assertThat(table.out()).contains("# as of 2026-11-20, periods 2026-01 to 2026-06",
                "# tasks with a deadline from 2026-01-01 to 2026-06-30", "looks ahead from 2026-11-20 (to 2026-12-20 / 2027-02-18 included)");
        var json = QueryCommand.mapper().readTree(run(concat(new String[]{"query", "deadlines-by-agency", "--json"}, q)).out());
        long expected;
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cache); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM tasks t JOIN agencies a ON a.id = t.agency_id WHERE a.code = 'MOC'"
                     + " AND t.deadline >= '2026-01-01' AND t.deadline < '2026-07-01'")) {
            rs.next();
            expected = rs.getLong(1);
        }
        long moc = -1;
        for (var row : json) if (row.get("code").asText().equals("MOC")) moc = row.get("counts").get("total").asLong();
        assertThat(moc).isEqualTo(expected);
        assertThat(run(concat(new String[]{"query", "rank-provinces"}, q)).out())
                .contains("# ranking over periods 2026-01 to 2026-06: tasks with a deadline in them, reports of their months due by 2026-11-20");
    }

    @Test
    void overviewJsonListsAKpisLevelsInOneOrder() throws Exception {
        var json = QueryCommand.mapper().readTree(run("query", "overview", "--cache", DemoCacheFixture.demo().toString(), "--json").out());
        for (var k : json.get("headline")) {
            if (k.get("kpi").get("code").asText().equals("R57-04")) {
                assertThat(k.get("kpi").get("levels").toString()).isEqualTo("[\"NATIONAL\",\"AGENCY\",\"PROVINCE\",\"COMMUNE\"]");
                return;
            }
        }
        throw new AssertionError("R57-04 is not in the overview");
    }

    @Test
    void badInputGetsAOneLineReason() throws Exception {
        String cache = DemoCacheFixture.demo().toString();
        Run unknownQuery = run("query", "everything", "--cache", cache);
        assertThat(unknownQuery.code()).isNotZero();
        assertThat(unknownQuery.err()).contains("unknown query 'everything'");
        Run unknownAgency = run("query", "ministry", "--cache", cache, "--agency", "XYZ");
        assertThat(unknownAgency.code()).isEqualTo(1);
        assertThat(unknownAgency.err()).contains("unknown agency 'XYZ'").doesNotContain("Exception");
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a cache at all, just text that is long enough to have a header ..........................................");
        Run notACache = run("query", "overview", "--cache", junk.toString());
        assertThat(notACache.code()).isEqualTo(3);
        assertThat(notACache.err()).contains("not an SQLite database");
        Run badScale = run("generate", "--scale", "huge", "--out", dir.resolve("x.db").toString());
        assertThat(badScale.err()).contains("unknown scale 'huge'");
    }

    @Test
    void generateWritesADemoCache() {
        Path out = dir.resolve("g.db");
        Run r = run("generate", "--scale", "demo", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("observations").contains("scale demo");
        assertThat(run("verify", out.toString()).out()).contains(": ok");
    }

    private static String sha(Path p) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void everySubcommandAnswersHelpAndQueryNamesItsQueries() {
        Run help = run("query", "--help");
        assertThat(help.code()).as(help.err()).isZero();
        // whitespace folded: where picocli wraps the column depends on the widest option
        assertThat(help.out().replaceAll("\\s+", " ")).contains("one of: overview, status-by-system,").contains("rank-provinces").doesNotContain("null");
        for (String[] cmd : new String[][] {{"verify", "--help"}, {"outbox", "add", "--help"}, {"sync", "--help"}, {"generate", "--help"}}) {
            Run r = run(cmd);
            assertThat(r.code()).as(String.join(" ", cmd) + ": " + r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: r57 " + cmd[0]);
        }
    }

    @Test
    void outboxAboutTakesTheCodePeopleSeeAndRefusesARowThatIsNotThere() throws Exception {
        Path cache = DemoCacheFixture.copy(dir);
        Run code = run("outbox", "add", "--cache", cache.toString(), "--text", "Chậm tiến độ", "--about", "initiative:SYS2-S1");
        assertThat(code.code()).as(code.err()).isZero();
        Run byId = run("outbox", "add", "--cache", cache.toString(), "--text", "Theo số", "--about", "locality:1");
        assertThat(byId.code()).as(byId.err()).isZero();
        try (vn.r57desk.store.db.Cache c = vn.r57desk.store.db.Cache.openExisting(cache)) {
            long sys2s1 = c.read(conn -> {
                try (var rs = conn.createStatement().executeQuery("SELECT id FROM initiatives WHERE code = 'SYS2-S1'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(vn.r57desk.store.sync.Outbox.about(c, "initiative", sys2s1)).extracting(vn.r57desk.store.sync.Outbox.Item::id)
                    .containsExactly(code.out().trim());
            assertThat(vn.r57desk.store.sync.Outbox.about(c, "locality", 1)).hasSize(1);
        }

        String before = sha(cache);
        Run missing = run("outbox", "add", "--cache", cache.toString(), "--text", "x", "--about", "initiative:99999");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("error: --about: the cache " + cache + " has no initiative '99999' (give its code as shown, e.g. SYS")
                .doesNotContain("Exception").doesNotContain("\tat ");
        Run unknownCode = run("outbox", "add", "--cache", cache.toString(), "--text", "x", "--about", "agency:NOPE");
        assertThat(unknownCode.code()).isEqualTo(1);
        assertThat(unknownCode.err()).contains("has no agency 'NOPE'");
        Run badKind = run("outbox", "add", "--cache", cache.toString(), "--text", "x", "--about", "village:3");
        assertThat(badKind.code()).isEqualTo(1);
        assertThat(badKind.err()).contains("unknown kind 'village'");
        assertThat(sha(cache)).as("nothing was queued").isEqualTo(before);

        // a cache never synced has nothing to check a row number against: taken, with a note; a code is refused
        Path empty = dir.resolve("empty.db");
        Run unchecked = run("outbox", "add", "--cache", empty.toString(), "--text", "x", "--about", "initiative:1");
        assertThat(unchecked.code()).as(unchecked.err()).isZero();
        assertThat(unchecked.err()).contains("note: the cache holds no initiative yet, so initiative 1 could not be checked here");
        Run codeOnEmpty = run("outbox", "add", "--cache", empty.toString(), "--text", "x", "--about", "initiative:SYS2-S1");
        assertThat(codeOnEmpty.code()).isEqualTo(1);
        assertThat(codeOnEmpty.err()).contains("it holds no initiative at all yet: sync first");
    }

    @Test
    void aCacheWithRandomBytesInTheMiddleGivesNoFigures() throws Exception {
        Path cache = DemoCacheFixture.copy(dir);
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(cache.toFile(), "rw")) {
            f.seek(f.length() / 2 + 10_000);
            f.write(noise);
        }
        String before = sha(cache);
        Run r = run("query", "overview", "--cache", cache.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("error: " + cache + " is damaged (").contains("no figures are shown from it").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(sha(cache)).isEqualTo(before);
    }

    @Test
    void aCacheThatCannotBeWrittenIsStillQueriedWithANote() throws Exception {
        Path cache = DemoCacheFixture.copy(dir);
        // its -shm cannot be created (a folder in its place), as on a read-only or full disk
        Files.createDirectory(Path.of(cache + "-shm"));
        String before = sha(cache);
        Run r = run("query", "overview", "--cache", cache.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("note: ").contains("open for reading only").contains("need a writable disk with free space");
        assertThat(r.out()).contains("DEMO DATA");
        assertThat(sha(cache)).isEqualTo(before);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
