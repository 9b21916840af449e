package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.meeting.AgendaItem;
import vn.r57desk.store.meeting.MeetingAgenda;
import vn.r57desk.store.meeting.Meetings;
import vn.r57desk.store.meeting.Stocktake;
import vn.r57desk.store.meeting.Words;
import vn.r57desk.store.model.Meeting;
import vn.r57desk.store.query.DrillDown;

@Command(name = "meetings", description = {"List the meetings in a cache with their ids and agendas,",
        "or with --meeting ID the stocktake of each agenda item (status, trend, reason)."})
final class MeetingsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PasscodeOption passcode;

    @Option(names = "--cache", required = true, description = "cache file")
    Path cache;

    @Option(names = "--meeting", description = "a meeting's id: print its stocktake")
    Long meeting;

    @Option(names = "--lang", defaultValue = "en", description = "vi or en (default ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--today", description = "the day for live data (default: today)")
    LocalDate today;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Locale l = HandoutCommand.locale(lang);
        passcode.unlock(cache, null, spec.commandLine().getErr());
        try (Cache c = Cache.openExisting(cache)) {
            Meetings m = new Meetings(c, new DrillDown(c));
            LocalDate day = today != null ? today : LocalDate.now(Meeting.ZONE);
            if (meeting == null) {
                LocalDateTime now = m.dataDay(day).plusDays(1).atStartOfDay();
                Meetings.Schedule s = m.schedule(now);
                out.println("# data as of " + m.dataDay(day) + "; meetings after it first, then those held before it");
                List<List<String>> rows = new ArrayList<>();
                for (MeetingAgenda a : s.upcoming()) rows.add(row(a, "upcoming", l));
                for (MeetingAgenda a : s.past()) rows.add(row(a, "held", l));
                TableFormat.table(out, List.of("id", "starts", "", "items", "min", "title"), rows);
                for (MeetingAgenda a : m.all()) {
                    out.println();
                    out.println("meeting " + a.meeting().id() + ": " + a.meeting().title().in(l));
                    for (AgendaItem i : a.items()) {
                        out.println("  " + i.position() + ". " + i.title().in(l) + "  [" + (i.subject() == null ? "no subject" : i.subject().key()) + "]"
                                + (i.presenter() == null ? "" : "  " + i.presenter().in(l)) + (i.minutes() == null ? "" : "  " + i.minutes() + " min"));
                    }
                }
                return 0;
            }
            MeetingAgenda a = m.require(meeting);
            out.println("meeting " + a.meeting().id() + ": " + a.meeting().title().in(l) + " (" + a.meeting().startsAt() + ")");
            for (Stocktake s : m.stocktakes(a, day)) {
                out.println();
                out.println(s.item().position() + ". " + s.item().title().in(l) + (s.item().subject() == null ? "" : "  [" + s.item().subject().key() + "]"));
                out.println("   status " + Words.rag(s.now().rag()).in(l) + ", " + Words.trend(s.trend()).in(l)
                        + (s.previous() == null ? "" : " (compared with " + s.previousAsOf() + ")") + ", figures as of " + s.asOf());
                out.println("   why: " + s.now().reason().in(l));
                var ch = s.changes();
                out.println("   since then: " + ch.tasksCompleted() + " tasks completed, " + ch.tasksAdded() + " added, " + ch.valuesReported()
                        + " values reported; " + s.overdue().count() + " tasks overdue; " + s.earlierActions().size() + " earlier decisions/actions ("
                        + s.openActions() + " not done)");
            }
            return 0;
        }
    }

    private static List<String> row(MeetingAgenda a, String when, Locale l) {
        return List.of(Long.toString(a.meeting().id()), a.meeting().startsAt().toString(), when, Integer.toString(a.items().size()),
                Integer.toString(a.totalMinutes()), a.meeting().title().in(l));
    }
}
