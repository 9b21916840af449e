package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.query.DrillDown;

@Command(name = "query", description = {"Answer one drill-down from a cache, as a table or JSON."})
final class QueryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PasscodeOption passcode;

    // ${COMPLETION-CANDIDATES} is expanded only in an option's or parameter's description (in the
    // command's it printed "null").
    @Parameters(paramLabel = "QUERY", description = "which drill-down, one of: ${COMPLETION-CANDIDATES}", converter = QueryIdConverter.class,
            completionCandidates = QueryIdConverter.Names.class)
    QueryId query;

    @Option(names = "--cache", required = true, description = "cache file")
    Path cache;

    @Option(names = "--system", description = "system code, e.g. SYS4")
    String system;

    @Option(names = "--initiative", description = "initiative code, e.g. SYS4-S2")
    String initiative;

    @Option(names = "--agency", description = "agency code, e.g. MOST")
    String agency;

    @Option(names = "--province", description = "province code, e.g. 01")
    String province;

    @Option(names = "--locality", description = "province or commune code, e.g. 01 or 01-00003")
    String locality;

    @Option(names = "--kpi", description = "KPI code, e.g. R57-04 (default: R57-04)", defaultValue = "R57-04")
    String kpi;

    @Option(names = "--today", description = "as-of date (default: the demo data's date, else today)")
    LocalDate today;

    @Option(names = "--from", description = "first month, YYYY-MM (default 2025-01)")
    YearMonth from;

    @Option(names = "--to", description = "last month, YYYY-MM (default: the month of --today)")
    YearMonth to;

    @Option(names = "--limit", defaultValue = "50", description = "rows for task and commune lists (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--lang", defaultValue = "vi", description = "vi or en for names in tables (default ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--no-check", description = "skip the check for a damaged cache before answering (it reads the whole file: about 1 s at national scale)")
    boolean noCheck;

    @Override
    public Integer call() throws Exception {
        passcode.unlock(cache, null, spec.commandLine().getErr());
        try (Cache c = Cache.openExisting(cache)) {
            if (c.isReadOnly()) spec.commandLine().getErr().println("note: " + c.readOnlyNote(Locale.ENGLISH));
            // Random bytes over the middle of the file pass every check at open, and the figures
            // would come from it as if nothing were wrong: no figures from a damaged cache.
            List<String> damage = noCheck ? List.of() : c.quickCheck(3);
            if (!damage.isEmpty()) {
                throw new CacheException(CacheException.Problem.DAMAGED, cache, cache + " is damaged (" + damage.get(0)
                        + "), so no figures are shown from it. `verify` lists what is wrong; sync again to replace it.");
            }
            DrillDown dd = new DrillDown(c);
            LocalDate asOf = today != null ? today : dd.catalog().dataAsOf() != null ? dd.catalog().dataAsOf() : LocalDate.now();
            PeriodRange range = new PeriodRange(from != null ? from : YearMonth.of(2025, 1), to != null ? to : YearMonth.from(asOf));
            QueryArgs args = new QueryArgs(dd, asOf, range, system, initiative, agency, province, locality, kpi, limit);
            Object result = query.run(args);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(mapper().writeValueAsString(result));
            } else {
                Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("vi-VN");
                List<String> notes = new ArrayList<>();
                if (dd.catalog().isDemo()) notes.add("DEMO DATA (synthetic initiatives, communes, tasks and values; real names and targets)");
                notes.add("as of " + asOf + ", periods " + range.from() + " to " + range.to());
                notes.addAll(query.spanNotes(asOf, range));
                notes.forEach(n -> out.println("# " + n));
                TableFormat.print(out, query, result, locale);
            }
            return 0;
        }
    }

    static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule();
        m.addSerializer(LocalDate.class, ToStringSerializer.instance);
        m.addSerializer(YearMonth.class, ToStringSerializer.instance);
        return new ObjectMapper().registerModule(m).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
