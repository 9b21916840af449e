package vn.r57desk.app.shell;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vn.r57desk.app.i18n.Messages;

/**
 * What the status bar says, in the window's language: how old the figures are, whether a server is
 * set and reachable, how many notes wait for the next sync, which file is open. The view binds its
 * labels to these; {@link #relabel} recomputes them when any input changes.
 */
public final class StatusBarViewModel {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;
    private final ShellViewModel shell;
    private final NotesViewModel notes;
    private final Supplier<String> server;
    private final Supplier<Boolean> online;
    private final Supplier<LocalDate> clock;
    private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper networkTip = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper waitingTip = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fileTip = new ReadOnlyStringWrapper("");

    /**
     * @param server the sync server's address ("" when none is set)
     * @param online whether the last contact with it succeeded
     * @param clock today's date, for the age of the figures
     */
    public StatusBarViewModel(Messages messages, ShellViewModel shell, NotesViewModel notes, Supplier<String> server,
                              Supplier<Boolean> online, Supplier<LocalDate> clock) {
        this.messages = messages;
        this.shell = shell;
        this.notes = notes;
        this.server = server;
        this.online = online;
        this.clock = clock;
    }

    /** How long a screen's message (an export written) stays in the bar. */
    public static final java.time.Duration MESSAGE_STAYS = java.time.Duration.ofSeconds(8);

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private java.util.function.BiConsumer<java.time.Duration, Runnable> later = (d, r) -> { };
    /** Counts the messages said: a timer clears the bar only if no newer message came since. */
    private long said;

    /** Runs a task after a delay (on the FX thread in the app; by hand in tests). */
    public void expireWith(java.util.function.BiConsumer<java.time.Duration, Runnable> later) {
        this.later = later;
    }

    /** A screen's message, e.g. where an export was written: shown for {@link #MESSAGE_STAYS}, then gone. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public void say(String text) {
        long mine = ++said;
        message.set(text == null ? "" : text);
        later.accept(MESSAGE_STAYS, () -> {
            if (said == mine) message.set("");
        });
    }

    /**
     * The window's language changed: a message said in the other one goes (it stayed, in
     * Vietnamese, in an English window); the rest is said again in the new language.
     */
    public void languageChanged() {
        said++;
        message.set("");
        relabel();
    }

    public ReadOnlyStringProperty asOfProperty() { return asOf.getReadOnlyProperty(); }
    public ReadOnlyStringProperty networkProperty() { return network.getReadOnlyProperty(); }
    public ReadOnlyStringProperty networkTipProperty() { return networkTip.getReadOnlyProperty(); }
    /** Empty when no note waits: the label then takes no room. */
    public ReadOnlyStringProperty waitingProperty() { return waiting.getReadOnlyProperty(); }
    public ReadOnlyStringProperty waitingTipProperty() { return waitingTip.getReadOnlyProperty(); }
    /** The open file's name; its full path is in {@link #fileTipProperty}, the bar has little room. */
    public ReadOnlyStringProperty fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyStringProperty fileTipProperty() { return fileTip.getReadOnlyProperty(); }

    public void relabel() {
        String s = server.get();
        network.set(s.isBlank() ? messages.get("status.offline")
                : messages.get(online.get() ? "sync.online" : "status.server", hostOf(s)));
        networkTip.set(s.isBlank() ? messages.get("status.offlineWhy") : s);
        int n = notes.waitingProperty().get();
        waiting.set(n == 0 ? "" : messages.get("status.waiting", n));
        waitingTip.set(n == 0 ? "" : messages.get("status.waitingWhy"));
        asOf.set(shell.drillDownProperty().get() == null ? "" : asOfText(shell.today(), clock.get()));
        Path cachePath = shell.cacheFileProperty().get();
        file.set(cachePath == null ? "" : messages.get("status.cache", cachePath.getFileName()));
        fileTip.set(cachePath == null ? "" : cachePath.toAbsolutePath().toString());
    }

    /** "Số liệu đến 20/11/2026", with the days since when the figures are older than today. */
    String asOfText(LocalDate asOfDay, LocalDate today) {
        long days = ChronoUnit.DAYS.between(asOfDay, today);
        String date = asOfDay.format(DATE);
        return days <= 0 ? messages.get("status.asOf", date) : messages.get("status.asOfAge", date, days);
    }

    static String hostOf(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? url : h;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
