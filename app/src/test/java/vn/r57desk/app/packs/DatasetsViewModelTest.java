package vn.r57desk.app.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.PackScope;

/** The datasets' logic without a window: import, passphrase, refusal, switching, expiry, wipe. */
class DatasetsViewModelTest {
    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    @TempDir Path dir;
    DataHome home;
    Messages messages = new Messages();
    MutableClock clock = new MutableClock(NOW);
    FakeHost host = new FakeHost();
    DatasetsViewModel vm;
    List<String> asked = new ArrayList<>();
    List<String> refused = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("cache.db"), ""); // listed as the synced data; the fake host never opens it
        Files.writeString(dir.resolve("demo-cache.db"), "");
        home = DataHome.forCache(dir.resolve("cache.db"), null);
        home.keys().generate("Laptop 03", false);
        TestPacks.trustOffice(home);
        vm = new DatasetsViewModel(TaskRunner.SAME_THREAD, messages, home, clock, host, dir.resolve("demo-cache.db"));
        vm.onPassphraseNeeded((f, why) -> asked.add(String.valueOf(why)));
        vm.onRefused((f, why) -> refused.add(why));
        host.open(dir.resolve("cache.db"), false);
        vm.refresh();
    }

    Path pack(String name, Instant expires, long seq, boolean passphrase) throws Exception {
        return TestPacks.make(dir.resolve(name), home, TestPacks.firstSystem(), NOW.minus(Duration.ofDays(1)), expires, seq, passphrase);
    }

    @Test
    void anImportedPackOpensAsItsOwnDatasetLabelledWithScopeAsOfAndExpiry() throws Exception {
        assertThat(vm.label(vm.currentProperty().get())).isEqualTo("Dữ liệu đồng bộ");
        vm.importPack(pack("he-thong.r57pack", Instant.parse("2027-01-01T00:00:00+07:00"), 1, false), null);
        assertThat(refused).isEmpty();
        DataHome.Dataset d = vm.currentProperty().get();
        assertThat(d.kind()).isEqualTo(DataHome.Kind.PACK);
        assertThat(host.opened).last().isEqualTo(d.file());
        // the expiry at midnight in Vietnam is the day before: valid until the 31st
        assertThat(vm.label(d)).matches("Gói: Hệ thống: .+ · số liệu đến \\d\\d/\\d\\d/2026 · hết hạn 31/12/2026");
        assertThat(vm.noticeProperty().get()).startsWith("Đã mở gói “Hệ thống: ").contains("không được gửi đi");
        assertThat(vm.datasets()).extracting(DataHome.Dataset::kind)
                .containsExactly(DataHome.Kind.SYNCED, DataHome.Kind.PACK, DataHome.Kind.DEMO);
        assertThat(vm.currentId()).isEqualTo(d.id());
        messages.localeProperty().set(Messages.EN);
        assertThat(vm.label(d)).matches("Pack: System: .+ · data as of \\d\\d/\\d\\d/2026 · expires 31/12/2026");
        // back to the synced data
        vm.switchTo(vm.datasets().get(0));
        assertThat(host.opened).last().isEqualTo(dir.resolve("cache.db"));
        assertThat(vm.currentId()).isEqualTo("synced");
    }

    @Test
    void aPassphraseIsAskedForAWrongOneSaidSoAndEachIsClearedAfterUse() throws Exception {
        Path f = pack("mat-khau.r57pack", NOW.plus(Duration.ofDays(30)), 1, true);
        vm.importPack(f, null);
        assertThat(asked).containsExactly("null");
        char[] wrong = "sai".toCharArray();
        vm.importPack(f, wrong);
        assertThat(asked).hasSize(2).last().asString().contains("Sai mật khẩu");
        assertThat(wrong).as("the passphrase is cleared once used").containsOnly('\0');
        assertThat(vm.currentProperty().get().kind()).as("the data on screen stays").isEqualTo(DataHome.Kind.SYNCED);
        char[] right = TestPacks.PASS.clone();
        vm.importPack(f, right);
        assertThat(right).containsOnly('\0');
        assertThat(vm.currentProperty().get().kind()).isEqualTo(DataHome.Kind.PACK);
        assertThat(refused).isEmpty();
    }

    @Test
    void aTamperedPackIsRefusedWithItsReasonAndNothingChanges() throws Exception {
        Path f = pack("sua.r57pack", NOW.plus(Duration.ofDays(30)), 1, false);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.write(f, b);
        vm.importPack(f, null);
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0)).isNotBlank().doesNotContain("Exception");
        assertThat(asked).isEmpty();
        assertThat(host.opened).containsExactly(dir.resolve("cache.db"));
        assertThat(vm.currentId()).isEqualTo("synced");
        assertThat(vm.importingProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).isEmpty();
        assertThat(home.datasets()).noneMatch(d -> d.kind() == DataHome.Kind.PACK);
        messages.localeProperty().set(Messages.EN);
        vm.importPack(f, null);
        assertThat(refused.get(1)).as("in English in an English window").isNotEqualTo(refused.get(0)).matches("[\\x20-\\x7e]+");
    }

    @Test
    void aPackIsNamedDaysBeforeItsEndAndWhenItExpiresOnScreenItIsClosedWipedAndReplaced() throws Exception {
        vm.importPack(pack("sap-het-han.r57pack", NOW.plus(Duration.ofDays(3)).plusSeconds(60), 1, false), null);
        DataHome.Dataset p = vm.currentProperty().get();
        vm.enforceExpiry();
        assertThat(vm.warningProperty().get()).matches("Gói “Hệ thống: .+” sẽ hết hạn sau 3 ngày \\(\\d\\d/12/2026\\); sau đó dữ liệu của gói bị xóa khỏi máy\\.");
        assertThat(host.released).isEmpty();
        clock.now = NOW.plus(Duration.ofDays(3)).plusSeconds(61);
        vm.enforceExpiry();
        assertThat(host.released).as("closed before it is wiped").containsExactly(p.file());
        assertThat(p.file()).doesNotExist();
        assertThat(host.opened).last().isEqualTo(dir.resolve("cache.db"));
        assertThat(vm.currentId()).isEqualTo("synced");
        assertThat(vm.noticeProperty().get()).startsWith("Gói “Hệ thống: ").contains("đã hết hạn ngày").contains("đã được xóa khỏi máy");
        assertThat(vm.warningProperty().get()).isEmpty();
        assertThat(vm.datasets()).noneMatch(d -> d.kind() == DataHome.Kind.PACK);
    }

    @Test
    void wipeClosesTheDataDeletesSyncedPacksAndKeyThenOpensTheDemo() throws Exception {
        vm.importPack(pack("xoa.r57pack", NOW.plus(Duration.ofDays(30)), 1, false), null);
        DataHome.Dataset p = vm.currentProperty().get();
        vm.wipeAll();
        assertThat(host.released).containsExactly(p.file());
        assertThat(dir.resolve("cache.db")).doesNotExist();
        assertThat(p.file()).doesNotExist();
        assertThat(home.keys().deviceKeyFile()).doesNotExist();
        assertThat(dir.resolve("demo-cache.db")).as("the demo data is public: it stays").exists();
        assertThat(host.opened).last().isEqualTo(dir.resolve("demo-cache.db"));
        assertThat(host.demo).isTrue();
        assertThat(vm.currentId()).isEqualTo("demo");
        assertThat(vm.noticeProperty().get()).startsWith("Đã xóa dữ liệu trên máy này");
    }

    @Test
    void aRevokedDeviceLosesItsPacksAndKeyToo() throws Exception {
        vm.importPack(pack("thu-hoi.r57pack", NOW.plus(Duration.ofDays(30)), 1, false), null);
        vm.switchTo(vm.datasets().get(0));
        vm.afterRevocation();
        assertThat(home.datasets()).extracting(DataHome.Dataset::kind).containsExactly(DataHome.Kind.DEMO);
        assertThat(home.keys().deviceKeyFile()).doesNotExist();
        assertThat(vm.noticeProperty().get()).startsWith("Thiết bị này đã bị thu hồi");
        assertThat(vm.currentId()).isEqualTo("demo");
    }

    @Test
    void aScopeLabelInBothLanguagesIsShownInTheWindowsOne() {
        assertThat(DatasetsViewModel.inLanguage("Hệ thống / System: Chuyển đổi số / Digital transformation", false)).isEqualTo("Hệ thống: Chuyển đổi số");
        assertThat(DatasetsViewModel.inLanguage("Hệ thống / System: Chuyển đổi số / Digital transformation", true)).isEqualTo("System: Digital transformation");
        assertThat(DatasetsViewModel.inLanguage("Tỉnh / Province: Huế", true)).isEqualTo("Province: Huế");
        assertThat(DatasetsViewModel.inLanguage("Toàn bộ dữ liệu / All data", false)).isEqualTo("Toàn bộ dữ liệu");
        assertThat(DatasetsViewModel.date(Instant.parse("2027-01-01T00:00:00+07:00"))).isEqualTo("31/12/2026");
        assertThat(DatasetsViewModel.day(Instant.parse("2026-11-19T17:30:00Z"))).isEqualTo("20/11/2026");
    }

    static final class FakeHost implements DatasetsViewModel.Host {
        final List<Path> opened = new ArrayList<>();
        final List<Path> released = new ArrayList<>();
        boolean demo;

        @Override
        public Path openFile() {
            return opened.isEmpty() ? null : opened.get(opened.size() - 1);
        }

        @Override
        public void open(Path file, boolean demo) {
            opened.add(file);
            this.demo = demo;
        }

        @Override
        public void release(Path file) {
            released.add(file);
        }
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
