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
