package vn.r57desk.store.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.handout.HandoutPdf;
import vn.r57desk.store.model.Meeting;

@Command(name = "handout", description = {"Write a meeting as one PDF: cover, contents, a stocktake per agenda item with its charts",
        "and tables, page numbers and the as-of date on every page, watermarked with whose copy it is."})
final class HandoutCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PasscodeOption passcode;

    @Option(names = "--cache", required = true, description = "cache file")
    Path cache;

    @Option(names = "--meeting", required = true, description = "the meeting's id as the data has it (see: meetings --cache FILE)")
    long meeting;

    @Option(names = "--out", required = true, description = "the PDF to write")
    Path out;

    @Option(names = "--lang", defaultValue = "vi", description = "vi or en (default ${DEFAULT-VALUE})")
    String lang;

    @Option(names = "--user", description = "whose copy it is, for the watermark (default: this computer's user name)")
    String user;

    @Option(names = "--today", description = "the day for live data (default: today)")
    LocalDate today;

    static Locale locale(String lang) {
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "vi" -> Locale.forLanguageTag("vi-VN");
            case "en" -> Locale.UK;
            default -> throw new IllegalArgumentException("--lang must be vi or en, not '" + lang + "'");
        };
    }

    @Override
    public Integer call() throws Exception {
        Locale l = locale(lang);
        String who = user != null ? user : System.getProperty("user.name", "");
        passcode.unlock(cache, null, spec.commandLine().getErr());
        try (Cache c = Cache.openExisting(cache)) {
            HandoutPdf.Result r = HandoutPdf.write(c, meeting, out,
                    new HandoutPdf.Options(l, who, Clock.systemUTC(), today != null ? today : LocalDate.now(Meeting.ZONE)));
            spec.commandLine().getOut().println("wrote " + r.file() + ": " + r.items() + " agenda items, " + r.pages() + " pages, "
                    + r.bytes() + " bytes");
            return 0;
        }
    }
}
