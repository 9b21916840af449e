package vn.r57desk.app.packs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.DataHome.Dataset;
import vn.r57desk.store.pack.DataHome.ExpiryReport;
import vn.r57desk.store.pack.PackException;
import vn.r57desk.store.pack.Passcode;

/**
 * The datasets of this laptop (the synced data, each imported briefing pack, the demo data) and
 * what the user does with them: switch, open a pack, wipe everything. Expiry is enforced here,
 * offline: at start and every hour (the window's timer), packs near their end are named in a
 * warning, and a pack past its end is closed, wiped and replaced on screen by the synced or demo
 * data. All file work runs off the FX thread; a pack refused leaves the data on screen as it was.
 */
public final class DatasetsViewModel {
    /** Days before its expiry a pack is named in a warning. */
    public static final int WARN_DAYS = 7;
    /** Dates as the committee reads them: in Vietnam's time. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The shell's side: what is open, opening another file, closing one before it is deleted. */
    public interface Host {
        /** The file on screen (null before any opened). FX thread. */
        Path openFile();

        /** Opens {@code file} (in the background); {@code demo}: make the demo data when missing. FX thread. */
        void open(Path file, boolean demo);

        /** Closes the open cache when it is {@code file}. Off the FX thread: closing waits for the writer. */
        void release(Path file);
    }

    private final TaskRunner runner;
    private final Messages messages;
    private final DataHome home;
    private final Clock clock;
    private final Host host;
    private final Path demoFile;
    private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Dataset> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper();
    /** The last report, kept to say it again in the other language. */
    private ExpiryReport lastReport;
    private BiConsumer<Path, String> askPassphrase = (f, why) -> { };
    private BiConsumer<Path, String> refused = (f, why) -> { };

    /**
     * @param demoFile the demo data, opened when the data on screen is wiped or expires and no
     *                 synced data is left
     */
    public DatasetsViewModel(TaskRunner runner, Messages messages, DataHome home, Clock clock, Host host, Path demoFile) {
        this.runner = runner;
        this.messages = messages;
        this.home = home;
        this.clock = clock;
        this.host = host;
        this.demoFile = demoFile;
    }

    /** Synced first, then the packs (newest first), then the demo data. */
    public ObservableList<Dataset> datasets() { return FXCollections.unmodifiableObservableList(datasets); }
    /** The dataset on screen; null until the list is read or for a file opened with --cache. */
    public ReadOnlyObjectProperty<Dataset> currentProperty() { return current.getReadOnlyProperty(); }
    /** Packs expiring within {@link #WARN_DAYS}, with their days left; "" when none. */
    public ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }
    /** What just happened to the data (a pack opened, expired and wiped, everything wiped); "" when nothing. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty importingProperty() { return importing.getReadOnlyProperty(); }
    public DataHome home() { return home; }

    /** The view asks for the pack's passphrase: ({@code file}, the reason, null the first time). */
    public void onPassphraseNeeded(BiConsumer<Path, String> ask) { this.askPassphrase = ask; }
    /** The view shows why a pack was refused: ({@code file}, the reason in the window's language). */
    public void onRefused(BiConsumer<Path, String> show) { this.refused = show; }

    /** The id to remember in the settings: "synced", "demo", a pack's id; "" for another file. */
    public String currentId() {
        Dataset d = current.get();
        return d == null ? "" : d.id();
    }

    /** Reads the list again, off the FX thread. */
    public void refresh() {
        runner.run(home::datasets, this::listed, e -> log("could not list the datasets", e));
    }

    private void listed(List<Dataset> list) {
        datasets.setAll(list);
        shown(host.openFile());
    }

    /** The shell opened {@code file}: the current dataset is the one held there. */
    public void shown(Path file) {
        current.set(file == null ? null : datasets.stream().filter(d -> same(d.file(), file)).findFirst().orElse(null));
    }

    /** Opens another dataset; the screens reload from it. */
    public void switchTo(Dataset d) {
        if (d == null || current.get() != null && current.get().id().equals(d.id())) return;
        notice.set("");
        current.set(d);
        host.open(d.file(), d.kind() == DataHome.Kind.DEMO);
    }

    // ---- import --------------------------------------------------------------------------------

    /**
     * Imports a pack off the FX thread and opens it. {@code passphrase} (null: this device's key)
     * is cleared once used, whatever happens; it is never logged or kept. A pack needing one asks
     * for it through {@link #onPassphraseNeeded}; a refused pack is said through
     * {@link #onRefused}, and the data on screen stays.
     */
    public void importPack(Path file, char[] passphrase) {
        importing.set(true);
        notice.set(messages.get("pack.importing", file.getFileName()));
        boolean withPassphrase = passphrase != null;
        runner.run(() -> {
            try {
                return home.importPack(file, passphrase, clock, null);
            } finally {
                if (passphrase != null) Arrays.fill(passphrase, '\0');
            }
        }, d -> {
            importing.set(false);
            current.set(null); // a pack imported again has the same id: open it all the same
            switchTo(d);
            notice.set(messages.get("pack.imported", scope(d)));
            enforceExpiry(); // a pack near its end is named at once, not at the next hourly check
        }, e -> {
            importing.set(false);
            notice.set("");
            if (e instanceof PackException pe && pe.problem() == PackException.Problem.WRONG_PASSPHRASE) {
                askPassphrase.accept(file, withPassphrase ? messages.get("pack.passphraseWrong") : null);
            } else {
                refused.accept(file, reason(e));
            }
        });
    }

    /** A refusal in the window's language: the pack's own reason. */
    String reason(Throwable e) {
        if (e instanceof PackException pe) return messages.english() ? pe.getMessage() : pe.vietnamese();
        return messages.get("pack.failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    // ---- expiry --------------------------------------------------------------------------------

    /**
     * Enforces expiry now, offline: a pack past its end is closed if on screen, wiped, and the
     * synced (else the demo) data opens; packs near their end are named in {@link #warningProperty}.
     */
    public void enforceExpiry() {
        Dataset open = current.get();
        Instant now = clock.instant();
        runner.run(() -> {
            // closed before its files are overwritten: SQLite must not write into a wiped file
            if (open != null && open.kind() == DataHome.Kind.PACK && open.expires() != null && !now.isBefore(open.expires())) {
                host.release(open.file());
            }
            return home.enforceExpiry(clock, WARN_DAYS);
        }, report -> expiryEnforced(report, open), e -> log("could not enforce the packs' expiry", e));
    }

    /** What an expiry check found (at start it ran before the window: {@code open} is the pack that was to open). */
    public void expiryEnforced(ExpiryReport report, Dataset open) {
        lastReport = report;
        warning.set(warningText(report));
        boolean openWiped = open != null && report.wiped().stream().anyMatch(d -> d.id().equals(open.id()));
        if (openWiped) {
            notice.set(messages.get("pack.expiredOpen", scope(open), date(open.expires())));
        } else if (!report.wiped().isEmpty()) {
            notice.set(messages.get("pack.expiredWiped", report.wiped().stream().map(this::scope).collect(Collectors.joining("; "))));
        }
        runner.run(home::datasets, list -> {
            datasets.setAll(list);
            Path onScreen = host.openFile();
            if (openWiped && (onScreen == null || same(onScreen, open.file()))) {
                current.set(null);
                switchTo(fallback(list));
                notice.set(messages.get("pack.expiredOpen", scope(open), date(open.expires())));
            } else {
                shown(host.openFile());
            }
        }, e -> log("could not list the datasets", e));
    }

    /** Says the warning again in the window's language. */
    public void relabel() {
        if (lastReport != null) warning.set(warningText(lastReport));
    }

    String warningText(ExpiryReport r) {
        if (r.expiringSoon().isEmpty()) return "";
        Instant now = clock.instant();
        return r.expiringSoon().stream()
                .map(d -> messages.get("pack.expiresSoon", scope(d), d.daysLeft(now), date(d.expires())))
                .collect(Collectors.joining(" "));
    }

    /** The synced data when there is some, else the demo data (made again when missing). */
    private Dataset fallback(List<Dataset> list) {
        return list.stream().filter(d -> d.kind() == DataHome.Kind.SYNCED).findFirst()
                .or(() -> list.stream().filter(d -> d.kind() == DataHome.Kind.DEMO).findFirst())
                .orElse(new Dataset(DataHome.Kind.DEMO, "demo", demoFile, null, "", null, null, null, null, null, null));
    }

    // ---- wipe ----------------------------------------------------------------------------------

    /**
     * "Xóa dữ liệu trên máy này": closes the data on screen, deletes the synced data (with its
     * notes and outbox), every imported pack and this device's key, then opens the demo data.
     */
    public void wipeAll() {
        wipe("pack.wiped");
    }

    /** A sync found this device revoked (its synced cache is gone): the packs and the key go too. */
    public void afterRevocation() {
        wipe("pack.revokedWiped");
    }

    private void wipe(String said) {
        wipe(said, () -> home.wipeAll(true), () -> { });
    }

    /**
     * Sets the passcode of this laptop's data and encrypts what is already here (issue 24 item 5):
     * the open data is let go, every database under the data folder is converted
     * ({@link vn.r57desk.store.pack.AtRest#encryptExisting}: no plaintext left; progress in the
     * notice), the data key registered so that everything from now on is written encrypted, and the
     * same dataset opens again. {@code code} is wiped whatever happens. A failure leaves the data
     * readable (plaintext or encrypted, never neither) and is said; setting again finishes it.
     */
    public void protect(Passcode passcode, char[] code, java.util.function.Consumer<byte[]> after) {
        Path open = host.openFile();
        Dataset was = current.get();
        importing.set(true);
        notice.set(messages.get("passcode.encrypting", 0, 0));
        runner.run(() -> {
            Passcode.DataKey key;
            try {
                key = passcode.isSet() ? passcode.unlock(code) : passcode.set(code);
            } finally {
                Arrays.fill(code, '\0');
            }
            try (key) {
                if (open != null) host.release(open);
                byte[] copy = key.bytes();
                vn.r57desk.store.pack.AtRest.encryptExisting(home, key, p -> runner.onUi(() ->
                        notice.set(messages.get("passcode.encrypting", p.filesDone(), p.files()))));
                vn.r57desk.store.pack.AtRest.unlock(home, key); // the databases and the device key from now on
                return new Object[] {home.datasets(), copy};
            }
        }, done -> {
            @SuppressWarnings("unchecked")
            List<Dataset> list = (List<Dataset>) done[0];
            importing.set(false);
            datasets.setAll(list);
            current.set(null);
            Dataset again = was == null ? null : list.stream().filter(d -> d.id().equals(was.id())).findFirst().orElse(null);
            switchTo(again != null ? again : new Dataset(DataHome.Kind.DEMO, "demo", demoFile, null, "", null, null, null, null, null, null));
            notice.set(messages.get("passcode.protected"));
            after.accept((byte[]) done[1]);
        }, e -> {
            importing.set(false);
            notice.set(e instanceof PackException ? reason(e)
                    : messages.get("passcode.failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            if (open != null && was != null) {
                current.set(null);
                switchTo(was); // opened again as it was (a conversion cut short leaves it readable)
            }
        });
    }

    /** Changes the passcode (the data key is re-wrapped; no data is written again). Both arrays are wiped. */
    public void changePasscode(Passcode passcode, char[] old, char[] fresh) {
        runner.run(() -> {
            try {
                passcode.change(old, fresh);
                return true;
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(fresh, '\0');
            }
        }, ok -> notice.set(messages.get("passcode.changed")), e -> notice.set(reason(e)));
    }

    /**
     * The passcode was forgotten (confirmed on the lock screen): the synced data with its notes and
     * outbox, every pack and the wrapped data key go ({@link Passcode#forgotten}); the device key
     * stays. Then the demo data opens (made again: it was encrypted under the lost key), and
     * {@code after} runs.
     */
    public void forgotPasscode(Passcode passcode, Runnable after) {
        wipe("lock.forgot.done", () -> {
            vn.r57desk.store.db.Sqlite.forgetKeys();
            passcode.forgotten(home); // the demo data, encrypted under the lost key, goes too: made again on opening
        }, after);
    }

    /** What a wipe does (off the FX thread), given the open file has been let go. */
    private interface WipeStep {
        void run() throws Exception;
    }

    private void wipe(String said, WipeStep step, Runnable after) {
        Path open = host.openFile();
        runner.run(() -> {
            if (open != null && !same(open, demoFile)) host.release(open);
            step.run();
            return home.datasets();
        }, list -> {
            datasets.setAll(list);
            lastReport = null;
            warning.set("");
            current.set(null);
            switchTo(list.stream().filter(d -> d.kind() == DataHome.Kind.DEMO).findFirst()
                    .orElse(new Dataset(DataHome.Kind.DEMO, "demo", demoFile, null, "", null, null, null, null, null, null)));
            notice.set(messages.get(said));
            after.run();
        }, e -> notice.set(reason(e)));
    }

    // ---- labels --------------------------------------------------------------------------------

    /** "Gói: Hệ thống 4 · số liệu đến 20/11/2026 · hết hạn 31/12/2026"; "Dữ liệu đồng bộ"; "Dữ liệu mẫu". */
    public String label(Dataset d) {
        return switch (d.kind()) {
            case SYNCED -> messages.get("dataset.synced");
            case DEMO -> messages.get("dataset.demo");
            case PACK -> d.asOf() == null ? messages.get("dataset.packBroken", d.id())
                    : messages.get("dataset.pack", scope(d), day(d.asOf()), date(d.expires()));
        };
    }

    /** The pack's scope in the window's language ("Hệ thống: Chuyển đổi số" / "System: Digital transformation"). */
    String scope(Dataset d) {
        return inLanguage(d.scopeLabel(), messages.english());
    }

    /**
     * A pack's scope label is written in both languages ("Hệ thống / System: Tên / Name", "Toàn bộ
     * dữ liệu / All data"): the half for the window's language.
     */
    static String inLanguage(String both, boolean english) {
        if (both == null) return "";
        int colon = both.indexOf(": ");
        if (colon < 0) return half(both, english);
        return half(both.substring(0, colon), english) + ": " + half(both.substring(colon + 2), english);
    }

    private static String half(String s, boolean english) {
        String[] parts = s.split(" / ");
        return parts.length == 2 ? parts[english ? 1 : 0] : s;
    }

    /** The day of {@code t} in Vietnam. */
    static String day(Instant t) {
        return t == null ? "" : LocalDate.ofInstant(t, VIETNAM).format(DATE);
    }

    /** The last day a pack is valid, in Vietnam: an expiry at midnight is the day before. */
    static String date(Instant t) {
        if (t == null) return "";
        LocalDate day = LocalDate.ofInstant(t.minusSeconds(1), VIETNAM);
        return day.format(DATE);
    }

    private static boolean same(Path a, Path b) {
        return Objects.equals(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize());
    }

    private static void log(String what, Throwable e) {
        System.getLogger(DatasetsViewModel.class.getName()).log(System.Logger.Level.WARNING, what + ": " + e.getMessage());
    }
}
