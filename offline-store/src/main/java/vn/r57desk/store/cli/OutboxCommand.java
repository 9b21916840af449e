package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
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

        @Option(names = "--cache", required = true)
        Path cache;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
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

        @Option(names = "--cache", required = true)
        Path cache;

        @Option(names = "--kind", defaultValue = "note", description = "note or feedback (default: ${DEFAULT-VALUE})")
        String kind;

        @Option(names = "--text", required = true)
        String text;

        @Option(names = "--about", description = "what it is about, as KIND:ID (e.g. initiative:12, locality:1)")
        String about;

        @Override
        public Integer call() throws Exception {
            String[] kv = null;
            if (about != null) {
                kv = about.split(":", 2);
                if (kv.length != 2 || !kv[1].matches("\\d+")) throw new IllegalArgumentException("--about must be KIND:ID, e.g. initiative:12");
            }
            try (Cache c = Cache.open(cache)) {
                spec.commandLine().getOut().println(kv == null ? Outbox.add(c, kind, new ObjectMapper().createObjectNode().put("text", text).toString())
                        : Outbox.addAbout(c, kind, text, kv[0], Long.parseLong(kv[1])));
            }
            return 0;
        }
    }
}
