package vn.r57desk.app.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.core.ManualScheduler;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.store.pack.Passcode;

/**
 * The lock on its own clock: the passcode is the real {@link Passcode} (PBKDF2, the file on disk),
 * time moves only when the test says, so nothing depends on the machine's speed.
 */
class LockViewModelTest {
    @TempDir Path dir;

    private final ManualScheduler scheduler = new ManualScheduler();
    private Instant now = Instant.parse("2026-12-06T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final List<byte[]> handed = new ArrayList<>();

    private LockViewModel vm(Passcode p) {
        return new LockViewModel(p, TaskRunner.SAME_THREAD, scheduler, new Messages(), key -> {
            handed.add(key.bytes());
            key.close();
        });
    }

    @Test
    void aWrongPasscodeIsRefusedTheRightOneOpensAndHandsTheKeyOverOnce() throws Exception {
        Passcode p = Passcode.in(dir, clock);
        byte[] dataKey;
        try (var k = p.set("đúng mật mã 2026".toCharArray())) {
            dataKey = k.bytes();
        }
        LockViewModel vm = vm(p);
        vm.lockAtStart();
        assertThat(vm.stateProperty().get()).isEqualTo(LockViewModel.State.LOCKED);

        char[] wrong = "sai mật mã".toCharArray();
        vm.unlock(wrong);
        assertThat(vm.stateProperty().get()).isEqualTo(LockViewModel.State.LOCKED);
        assertThat(vm.messageProperty().get()).startsWith("Sai mật mã.");
        assertThat(wrong).as("the typed passcode is wiped from memory").containsOnly('\0');
        assertThat(handed).isEmpty();

        vm.unlock("đúng mật mã 2026".toCharArray());
        assertThat(vm.stateProperty().get()).isEqualTo(LockViewModel.State.OPEN);
        assertThat(handed).singleElement().isEqualTo(dataKey);

        // locked again (Ctrl+Shift+L) and opened: the data is open already, the key is not handed again
        vm.lock();
        vm.unlock("đúng mật mã 2026".toCharArray());
        assertThat(vm.stateProperty().get()).isEqualTo(LockViewModel.State.OPEN);
        assertThat(handed).hasSize(1);
    }

    @Test
    void itLocksAfterTheIdleMinutesButNotWhilePresentingAndInputStartsTheMinutesAgain() throws Exception {
        Passcode p = Passcode.in(dir, clock);
        p.set("đúng mật mã 2026".toCharArray()).close();
        LockViewModel vm = vm(p);
        boolean[] presenting = {false};
        vm.holdWhile(() -> presenting[0]);
        vm.protectedNow();

        scheduler.advance(Duration.ofMinutes(9));
        vm.touched(); // a key press at 9 minutes
        scheduler.advance(Duration.ofMinutes(9));
        assertThat(vm.locked()).as("18 minutes since start, 9 since the last key").isFalse();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(vm.locked()).isTrue();

        vm.unlock("đúng mật mã 2026".toCharArray());
        presenting[0] = true;
        scheduler.advance(Duration.ofMinutes(45));
        assertThat(vm.locked()).as("a meeting is presented: the projector never locks").isFalse();
        presenting[0] = false;
        scheduler.advance(Duration.ofMinutes(LockViewModel.IDLE_MINUTES));
        assertThat(vm.locked()).isTrue();

        vm.unlock("đúng mật mã 2026".toCharArray());
        vm.setIdleMinutes(0);
        scheduler.advance(Duration.ofHours(5));
        assertThat(vm.locked()).as("idle lock off").isFalse();
    }

    @Test
    void withoutAPasscodeNothingLocks() {
        LockViewModel vm = vm(Passcode.in(dir, clock));
        vm.opened();
        vm.lock();
        scheduler.advance(Duration.ofHours(1));
        assertThat(vm.locked()).isFalse();
        assertThat(vm.protectedData()).isFalse();
    }

    @Test
    void afterSeveralWrongTriesItSaysHowLongToWaitAndCountsDown() throws Exception {
        Passcode p = Passcode.in(dir, clock);
        p.set("đúng mật mã 2026".toCharArray()).close();
        LockViewModel vm = vm(p);
        vm.lockAtStart();
        for (int i = 0; i < Passcode.FREE_TRIES; i++) vm.unlock("sai mật mã".toCharArray());
        assertThat(vm.waitProperty().get()).isEqualTo(Duration.ofSeconds(30));
        // even the right passcode waits
        vm.unlock("đúng mật mã 2026".toCharArray());
        assertThat(vm.locked()).isTrue();
        assertThat(vm.messageProperty().get()).contains("30 giây");
        now = now.plusSeconds(10);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(vm.waitProperty().get()).isEqualTo(Duration.ofSeconds(20));
        now = now.plusSeconds(20);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(vm.waitProperty().get()).isZero();
        vm.unlock("đúng mật mã 2026".toCharArray());
        assertThat(vm.locked()).isFalse();
    }
}
