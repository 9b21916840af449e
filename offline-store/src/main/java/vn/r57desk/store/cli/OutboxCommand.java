package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.sync.Outbox;

@Command(name = "outbox", description = "Notes and feedback waiting to be sent (sent on the next sync).",
        subcommands = {OutboxCommand.ListItems.class, OutboxCommand.Add.class})
final class OutboxCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Every outbox item: waiting, sent, or refused by the server (with why).")
    static final class ListItems implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin PasscodeOption passcode;

        @Option(names = "--cache", required = true)
        Path cache;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            passcode.unlock(cache, null, spec.commandLine().getErr());
            try (Cache c = Cache.openExisting(cache)) {
                List<Outbox.Item> items = Outbox.list(c);
                long waiting = items.stream().filter(Outbox.Item::pending).filter(i -> !"rejected".equals(i.serverStatus())).count();
                out.printf("%d item(s): %d waiting, %d sent, %d refused%n", items.size(), waiting,
                        items.stream().filter(i -> !i.pending()).count(), items.stream().filter(i -> "rejected".equals(i.serverStatus())).count());
                for (Outbox.Item i : items) {
                    String state = !i.pending() ? "sent " + i.sentAt() + (i.serverStatus() == null ? "" : " (" + i.serverStatus() + ")")
                            : "rejected".equals(i.serverStatus()) ? "refused: " + i.lastError()
                            : "waiting" + (i.attempts() > 0 ? " (" + i.attempts() + " attempt(s); last: " + i.lastError() + ")" : "");
                    String payload = i.payload().length() > 60 ? i.payload().substring(0, 59) + "…" : i.payload();
                    out.printf("%s  %-8s %s  %s  %s%n", i.id(), i.kind(), i.createdAt(), state, payload);
                }
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Queue a note or feedback item (as the app does when offline).")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin PasscodeOption passcode;

        @Option(names = "--cache", required = true)
        Path cache;

        @Option(names = "--kind", defaultValue = "note", description = "note or feedback (default: ${DEFAULT-VALUE})")
        String kind;

        @Option(names = "--text", required = true)
        String text;

        @Option(names = "--about", description = {"what it is about, as KIND:CODE with the code people see (initiative:SYS4-S2, agency:MOST,",
                "locality:79, kpi:R57-04, system:SYS4), or KIND:ID with the row's number (meeting and agenda_item have only that)"})
        String about;

        @Override
        public Integer call() throws Exception {
            String[] kv = null;
            if (about != null) {
                kv = about.split(":", 2);
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw new IllegalArgumentException("--about must be KIND:CODE or KIND:ID, e.g. initiative:SYS4-S2 or initiative:12");
                }
                if (!Outbox.TARGET_KINDS.contains(kv[0])) {
                    throw new IllegalArgumentException("--about: unknown kind '" + kv[0] + "'; use one of " + String.join(", ", Outbox.TARGET_KINDS));
                }
            }
            passcode.unlock(cache, null, spec.commandLine().getErr());
            try (Cache c = Cache.open(cache)) {
                String id = kv == null ? Outbox.add(c, kind, new ObjectMapper().createObjectNode().put("text", text).toString())
                        : Outbox.addAbout(c, kind, text, kv[0], target(c, kv[0], kv[1].strip(), spec.commandLine().getErr()));
                spec.commandLine().getOut().println(id);
            }
            return 0;
        }

        /** The tables behind --about's kinds, and their code column (null: only an id). */
        private static final Map<String, String[]> TABLES = Map.of("system", new String[] {"systems", "code"},
                "initiative", new String[] {"initiatives", "code"}, "agency", new String[] {"agencies", "code"},
                "locality", new String[] {"localities", "code"}, "kpi", new String[] {"kpis", "code"},
                "meeting", new String[] {"meetings", null}, "agenda_item", new String[] {"agenda_items", null});

        /**
         * The row {@code value} names: the code people see first (a province's code "79" is a code,
         * not row 79), then a row number. A row the cache does not hold is refused: the server
         * would file the note under nothing. Only a cache with no row of that kind at all (never
         * synced) takes a row number unchecked, with a note.
         */
        static long target(Cache c, String kind, String value, PrintWriter err) throws vn.r57desk.store.db.CacheException {
            String[] t = TABLES.get(kind);
            Long found = c.read(conn -> {
                if (t[1] != null) {
                    try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM " + t[0] + " WHERE " + t[1] + " = ?")) {
                        ps.setString(1, value);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) return rs.getLong(1);
                        }
                    }
                }
                if (!value.matches("\\d{1,18}")) return null;
                try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM " + t[0] + " WHERE id = ?")) {
                    ps.setLong(1, Long.parseLong(value));
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : null;
                    }
                }
            });
            if (found == null) {
                long rows = c.read(conn -> {
                    try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM " + t[0]); ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                if (rows == 0 && value.matches("\\d{1,18}")) {
                    // Never synced: nothing to check a row number against (a note written offline
                    // before the first sync); the server checks it when the note arrives.
                    err.println("note: the cache holds no " + kind + " yet, so " + kind + " " + value + " could not be checked here");
                    return Long.parseLong(value);
                }
                throw new IllegalArgumentException("--about: the cache " + c.file() + " has no " + kind + " '" + value + "'"
                        + (rows == 0 ? " (it holds no " + kind + " at all yet: sync first, or give its row number)"
                        : t[1] != null ? " (give its code as shown, e.g. " + example(c, t) + ", or its row number)" : " (give its row number)"));
            }
            return found;
        }

        private static String example(Cache c, String[] t) throws vn.r57desk.store.db.CacheException {
            return c.read(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("SELECT " + t[1] + " FROM " + t[0] + " ORDER BY id LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "?";
                }
            });
        }
    }
}
