package vn.r57desk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.server.ReferenceServer;
import vn.r57desk.store.generate.Scale;

/** Sync now, driven through its view-model without the toolkit, against the real reference server. */
class SyncViewModelTest {
    @TempDir Path dir;

    /** No shell cache open on the synced file (the app showing its demo data). */
    private static final SyncViewModel.SharedCache NONE = new SyncViewModel.SharedCache() {
        @Override
        public vn.r57desk.store.db.Cache cacheFor(Path file) {
            return null;
        }

        @Override
        public void release(Path file) {
        }
    };

    private ReferenceServer server() throws Exception {
        return ReferenceServer.start(new ReferenceServer.Config(dir.resolve("server"), Scale.DEMO, "127.0.0.1", 0,
                Map.of("t-1", "laptop"), true, null, null, 0, 57), line -> {});
    }

    @Test
    void aSyncFillsTheSyncedCacheReportsProgressAndHandsItToTheShell() throws Exception {
        try (ReferenceServer server = server()) {
            List<Path> shown = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, new Messages(), dir.resolve("cache.db"), NONE, shown::add, () -> { });
            vm.statusProperty().addListener((o, a, b) -> statuses.add(b));
            List<String> activities = new ArrayList<>();
            vm.activityProperty().addListener((o, a, b) -> activities.add(b));
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(shown).containsExactly(dir.resolve("cache.db"));
            assertThat(vm.onlineProperty().get()).isTrue();
            assertThat(vm.statusProperty().get()).startsWith("Đã đồng bộ lúc");
            assertThat(statuses).anyMatch(s -> s.startsWith("Đang kết nối"));
            // the phase and rows; beside them, the kind of data arriving and how much has come
            assertThat(statuses).anyMatch(s -> s.matches("Tải toàn bộ dữ liệu: [\\d.]+ / [\\d.]+ dòng"));
            assertThat(activities).anyMatch(s -> s.matches("thông tin bộ dữ liệu · \\d+,\\d MB"));
            assertThat(vm.detailProperty().get()).contains(String.format(Messages.VI, "%,d", server.snapshotRows()));
        }
    }

    /** While it retries a server that cannot be reached or keeps failing, the app is not "online". */
    @Test
    void aServerBeingRetriedIsNotOnline() throws Exception {
        try (ReferenceServer server = server()) {
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, new Messages(), dir.resolve("cache.db"), NONE, f -> { }, () -> { });
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(vm.onlineProperty().get()).isTrue();
            vm.onRetry(new vn.r57desk.store.sync.SyncClient.Retry(vn.r57desk.store.sync.SyncException.Problem.NETWORK, 2, 6,
                    java.time.Duration.ofSeconds(1)));
            assertThat(vm.onlineProperty().get()).isFalse();
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(vm.onlineProperty().get()).as("reached again").isTrue();
            vm.onRetry(new vn.r57desk.store.sync.SyncClient.Retry(vn.r57desk.store.sync.SyncException.Problem.SERVER, 2, 6,
                    java.time.Duration.ofSeconds(1)));
            assertThat(vm.onlineProperty().get()).as("answering 503").isFalse();
        }
    }

    @Test
    void failuresAreSaidInTheUsersLanguageWithTheReasonBehind() throws Exception {
        try (ReferenceServer server = server()) {
            Messages en = new Messages();
            en.localeProperty().set(Messages.EN);
            List<Path> shown = new ArrayList<>();
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, en, dir.resolve("cache.db"), NONE, shown::add, () -> { });
            vm.syncNow(server.uri().toString(), "wrong-token");
            assertThat(vm.statusProperty().get()).isEqualTo("The server did not accept the device token. Check the token.");
            assertThat(vm.detailProperty().get()).contains("HTTP 401");
            vm.syncNow("127.0.0.1:8557", "t-1"); // no scheme: said to be the address, not "the server refused"
            assertThat(vm.statusProperty().get()).isEqualTo("The server's address is not valid (https://… is needed); nothing was sent. Correct it in Server….");
            vm.syncNow("http://192.0.2.7:8557/", "t-1");
            assertThat(vm.statusProperty().get()).contains("insecure");
            assertThat(vm.onlineProperty().get()).isFalse();
            assertThat(shown).isEmpty();
            // a first sync that failed leaves no empty cache for the next start to open
            assertThat(Files.exists(dir.resolve("cache.db"))).isFalse();
        }
    }

    @Test
    void aChangeOfLanguageRewordsTheStatusAtOnce() throws Exception {
        try (ReferenceServer server = server()) {
            Messages m = new Messages();
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, m, dir.resolve("cache.db"), NONE, f -> { }, () -> { });
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(vm.statusProperty().get()).matches("Đã đồng bộ lúc \\d\\d:\\d\\d \\([\\d.]+ dòng\\)");
            String at = vm.statusProperty().get().substring("Đã đồng bộ lúc ".length(), "Đã đồng bộ lúc ".length() + 5);
            m.localeProperty().set(Messages.EN);
            assertThat(vm.statusProperty().get()).as("same time, same count, in English").matches("Synced at " + at + " \\([\\d,]+ rows\\)");
            assertThat(vm.detailProperty().get()).startsWith("Snapshot: ");
            vm.syncNow(server.uri().toString(), "wrong-token");
            m.localeProperty().set(Messages.VI);
            assertThat(vm.statusProperty().get()).isEqualTo("Máy chủ không chấp nhận mã thiết bị. Hãy kiểm tra lại mã.");
            // the reason behind, too: in the user's language, with the server's own words kept as sent
            assertThat(vm.detailProperty().get()).startsWith("Máy chủ không chấp nhận mã thiết bị của máy này: ").contains("HTTP 401");
            m.localeProperty().set(Messages.EN);
            assertThat(vm.detailProperty().get()).startsWith("The server refused this device's token: ").contains("HTTP 401");
        }
    }

    @Test
    void whileItRetriesTheStatusSaysWhatFailedWhichAttemptAndWhen() throws Exception {
        try (ReferenceServer server = server()) {
            List<String> statuses = new ArrayList<>();
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, new Messages(), dir.resolve("cache.db"), NONE, f -> { }, () -> { });
            vm.statusProperty().addListener((o, a, b) -> statuses.add(b));
            server.faults().next(vn.r57desk.server.Faults.Fault.SERVER_ERROR, 2);
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(statuses).anyMatch(s -> s.matches("Máy chủ đang gặp sự cố; thử lại \\(lần 2/6\\) sau \\d+,\\d giây…"))
                    .anyMatch(s -> s.matches("Máy chủ đang gặp sự cố; thử lại \\(lần 3/6\\) sau \\d+,\\d giây…"))
                    .noneMatch(s -> s.contains("lần 4/6"));
            assertThat(vm.statusProperty().get()).as("then the sync goes on and ends").startsWith("Đã đồng bộ lúc");
        }
    }

    @Test
    void aResyncThroughTheShellsOpenCacheReplacesItSafelyAndARevokedDeviceFallsBack() throws Exception {
        try (ReferenceServer server = server()) {
            Path file = dir.resolve("cache.db");
            vn.r57desk.app.shell.ShellViewModel shell = new vn.r57desk.app.shell.ShellViewModel(TaskRunner.SAME_THREAD, new Messages());
            List<String> wiped = new ArrayList<>();
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, new Messages(), file, shell, f -> shell.open(f, false),
                    () -> wiped.add("wiped"));
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(shell.cacheFor(file)).as("the shell shows the synced cache").isNotNull();
            // the delta goes through the shell's open cache (one writer on the file); the shell then reloads
            server.churn(200);
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(vm.statusProperty().get()).startsWith("Đã đồng bộ lúc");
            // what the delta changed, by kind of data, in the user's language
            assertThat(vm.detailProperty().get().lines().toList())
                    .anyMatch(l -> l.matches("Số liệu chỉ tiêu: \\d+ mới, \\d+ cập nhật, \\d+ xóa"))
                    .anyMatch(l -> l.matches("Nhiệm vụ: \\d+ mới, \\d+ cập nhật, \\d+ xóa"))
                    .noneMatch(l -> l.startsWith("Hệ thống:")); // untouched kinds are not listed
            vn.r57desk.store.db.Cache first = shell.cacheFor(file);
            assertThat(first).isNotNull();
            // a different server address means a new bootstrap: the shell's cache is closed, replaced, reopened
            vm.syncNow(server.uri().toString().replace("127.0.0.1", "localhost"), "t-1");
            assertThat(vm.statusProperty().get()).as(vm.detailProperty().get()).startsWith("Đã đồng bộ lúc");
            assertThat(shell.cacheFor(file)).isNotSameAs(first);
            assertThat(shell.cacheFor(file).integrityProblems()).isEmpty();
            vn.r57desk.store.sync.Outbox.add(shell.cacheFor(file), "note", "{\"text\":\"Ghi chú chưa gửi\"}");
            server.revoke("t-1");
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(vm.statusProperty().get()).isEqualTo("Thiết bị này đã bị thu hồi: dữ liệu đồng bộ và 1 ghi chú chưa gửi đã bị xóa khỏi máy.");
            assertThat(vm.detailProperty().get()).contains("Máy chủ đã thu hồi thiết bị này", "kể cả 1 ghi chú hoặc góp ý chưa gửi");
            assertThat(wiped).containsExactly("wiped");
            assertThat(Files.exists(file)).isFalse();
            shell.close();
        }
    }

    @Test
    void stopEndsTheSyncSaysSoAndTheNextSyncCarriesOn() throws Exception {
        try (ReferenceServer server = server()) {
            Messages en = new Messages();
            en.localeProperty().set(Messages.EN);
            List<Path> shown = new ArrayList<>();
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, en, dir.resolve("cache.db"), NONE, shown::add, () -> { });
            List<String> statuses = new ArrayList<>();
            vm.statusProperty().addListener((o, a, b) -> {
                statuses.add(b);
                // Stop, pressed while the snapshot arrives
                if (b.startsWith("Downloading all data") && statuses.stream().noneMatch(s -> s.equals("Stopping…"))) vm.cancel();
            });
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(statuses).contains("Stopping…");
            assertThat(vm.statusProperty().get()).isEqualTo("Sync stopped. What arrived is kept; the next sync continues from there.");
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(shown).as("nothing half-synced is shown").isEmpty();
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(vm.statusProperty().get()).startsWith("Synced at");
            assertThat(shown).containsExactly(dir.resolve("cache.db"));
        }
    }

    @Test
    void theTokenIsKeptInAFileOnlyItsUserCanRead() throws Exception {
        Path f = dir.resolve("data/device-token");
        SyncViewModel.saveToken(f, "  secret-123 \n");
        assertThat(SyncViewModel.loadToken(f)).isEqualTo("secret-123");
        if (!System.getProperty("os.name").toLowerCase().contains("win")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
        assertThat(SyncViewModel.loadToken(dir.resolve("missing"))).isEmpty();
    }

    /** A hotel's or a ministry's guest network answers with its sign-in page: the user is told to sign in, not to update the app. */
    @Test
    void aSignInPageInsteadOfTheServerIsSaidAsSuch() throws Exception {
        com.sun.net.httpserver.HttpServer portal = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/", ex -> {
            byte[] page = "<!DOCTYPE html><html><body>Đăng nhập Wi-Fi</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        portal.start();
        try {
            Messages m = new Messages();
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, m, dir.resolve("portal.db"), NONE, f -> { }, () -> { });
            vm.syncNow("http://127.0.0.1:" + portal.getAddress().getPort() + "/", "t");
            assertThat(vm.lastSucceeded()).isFalse();
            assertThat(vm.statusProperty().get()).isEqualTo(m.get("sync.error.portal"));
            m.localeProperty().set(Messages.EN);
            assertThat(vm.statusProperty().get()).startsWith("This network wants you to sign in in a browser");
            assertThat(vm.detailProperty().get()).doesNotContain("Exception");
        } finally {
            portal.stop(0);
        }
    }

    /** While a meeting is presented a sync asked for waits, says so, and runs once presenting ends. */
    @Test
    void aSyncAskedForWhilePresentingWaitsUntilPresentingEnds() throws Exception {
        try (ReferenceServer server = server()) {
            List<Path> shown = new ArrayList<>();
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, new Messages(), dir.resolve("cache.db"), NONE, shown::add, () -> { });
            javafx.beans.property.SimpleBooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty(true);
            vm.holdWhile(presenting);
            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(shown).as("nothing synced while presenting").isEmpty();
            assertThat(Files.exists(dir.resolve("cache.db"))).isFalse();
            assertThat(vm.waitingForHoldProperty().get()).isTrue();
            assertThat(vm.statusProperty().get()).startsWith("Đang trình chiếu");
            presenting.set(false);
            assertThat(vm.waitingForHoldProperty().get()).isFalse();
            assertThat(shown).containsExactly(dir.resolve("cache.db"));
            assertThat(vm.statusProperty().get()).startsWith("Đã đồng bộ lúc");
        }
    }
    /**
     * No passcode, no national data: a sync asked for first asks for a passcode; cancelled, nothing
     * is fetched and the status says why; set, the same sync runs. An automatic sync asks nothing.
     */
    @Test
    void withoutAPasscodeASyncAsksForOneFirstAndAnAutomaticOneWaits() throws Exception {
        try (ReferenceServer server = server()) {
            List<Path> shown = new ArrayList<>();
            SyncViewModel vm = new SyncViewModel(TaskRunner.SAME_THREAD, new Messages(), dir.resolve("cache.db"), NONE, shown::add, () -> { });
            boolean[] passcode = {false};
            List<Runnable> asked = new ArrayList<>();
            vm.requireProtection(() -> passcode[0], asked::add);

            assertThat(vm.syncAutomatically(server.uri().toString(), "t-1")).as("an automatic sync does not start").isFalse();
            assertThat(asked).as("nor does it open a dialog").isEmpty();
            assertThat(vm.statusProperty().get()).startsWith("Đồng bộ tự động đang chờ: hãy đặt mật mã");

            vm.syncNow(server.uri().toString(), "t-1");
            assertThat(asked).hasSize(1);
            assertThat(vm.runningProperty().get()).isFalse();
            asked.getFirst().run(); // the dialog closed without a passcode set: still nothing, and said
            assertThat(vm.statusProperty().get()).isEqualTo("Chưa đồng bộ: dữ liệu quốc gia chỉ được lưu trên máy khi đã đặt mật mã.");
            assertThat(vm.syncAutomatically(server.uri().toString(), "t-1")).isFalse();
            assertThat(vm.statusProperty().get()).as("an automatic try does not bury the user's answer").startsWith("Chưa đồng bộ");
            assertThat(Files.exists(dir.resolve("cache.db"))).as("nothing fetched, nothing written").isFalse();
            assertThat(shown).isEmpty();

            vm.syncNow(server.uri().toString(), "t-1");
            passcode[0] = true; // set in the dialog, the data here encrypted
            asked.get(1).run();
            assertThat(shown).containsExactly(dir.resolve("cache.db"));
            assertThat(vm.statusProperty().get()).startsWith("Đã đồng bộ lúc");
            assertThat(vm.syncAutomatically(server.uri().toString(), "t-1")).as("with a passcode an automatic sync runs").isTrue();
        }
    }
}
