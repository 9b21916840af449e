package vn.r57desk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleBooleanProperty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.core.ManualScheduler;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.i18n.Messages;

/** The schedule is the test's: time moves only when the test says, so nothing depends on the machine's speed. */
class AutoSyncTest {
    @TempDir Path dir;

    private SyncViewModel vm() {
        // Each sync fails at once: plain http to another computer is refused before any connection.
        return new SyncViewModel(TaskRunner.SAME_THREAD, new Messages(), dir.resolve("cache.db"), new SyncViewModel.SharedCache() {
            @Override
            public vn.r57desk.store.db.Cache cacheFor(Path file) {
                return null;
            }

            @Override
            public void release(Path file) { }
        }, f -> { }, () -> { });
    }

    @Test
    void syncsAtStartThenEveryIntervalBackingOffWhileTheServerFails() {
        SyncViewModel vm = vm();
        List<String> started = new ArrayList<>();
        vm.runningProperty().addListener((o, a, b) -> {
            if (b) started.add("sync");
        });
        ManualScheduler clock = new ManualScheduler();
        AutoSync auto = new AutoSync(vm, clock, () -> new AutoSync.Credentials("http://192.0.2.1/", "t"), Duration.ofMinutes(15));
        auto.start();
        clock.advance(Duration.ZERO);
        assertThat(started).hasSize(1);
        assertThat(vm.lastSucceeded()).isFalse();
        // failed once: the next attempt in 30 minutes, not 15
        assertThat(auto.nextProperty().get()).isEqualTo(new AutoSync.Next(AutoSync.State.WAITING, Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(29));
        assertThat(started).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(started).hasSize(2);
        // then 60, and never more than four intervals
        assertThat(auto.nextProperty().get().in()).isEqualTo(Duration.ofMinutes(60));
        clock.advance(Duration.ofMinutes(60));
        assertThat(auto.nextProperty().get().in()).isEqualTo(Duration.ofMinutes(60));
        assertThat(auto.waitAfterFailures(10)).isEqualTo(Duration.ofMinutes(60));
        assertThat(auto.waitAfterFailures(0)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void nothingStartsWhilePresentingAndTheDueSyncRunsWhenItEnds() {
        SyncViewModel vm = vm();
        int[] started = {0};
        vm.runningProperty().addListener((o, a, b) -> {
            if (b) started[0]++;
        });
        ManualScheduler clock = new ManualScheduler();
        var presenting = new SimpleBooleanProperty(true);
        vm.holdWhile(presenting);
        AutoSync auto = new AutoSync(vm, clock, () -> new AutoSync.Credentials("http://192.0.2.1/", "t"), Duration.ofMinutes(15));
        auto.start();
        clock.advance(Duration.ofHours(2));
        assertThat(started[0]).as("held while presenting").isZero();
        assertThat(auto.nextProperty().get().state()).isEqualTo(AutoSync.State.HELD);
        presenting.set(false);
        assertThat(started[0]).as("the held sync runs once presenting ends").isEqualTo(1);
    }

    @Test
    void offOrWithoutAServerNothingIsScheduled() {
        SyncViewModel vm = vm();
        ManualScheduler clock = new ManualScheduler();
        String[] server = {""};
        AutoSync auto = new AutoSync(vm, clock, () -> new AutoSync.Credentials(server[0], "t"), Duration.ofMinutes(15));
        auto.start();
        assertThat(auto.nextProperty().get().state()).isEqualTo(AutoSync.State.NO_SERVER);
        assertThat(clock.jobs).isEmpty();
        server[0] = "http://192.0.2.1/";
        auto.setInterval(Duration.ZERO);
        assertThat(auto.nextProperty().get().state()).isEqualTo(AutoSync.State.OFF);
        assertThat(clock.jobs).isEmpty();
        auto.setInterval(Duration.ofMinutes(5));
        assertThat(auto.nextProperty().get()).isEqualTo(new AutoSync.Next(AutoSync.State.WAITING, Duration.ofMinutes(5)));
    }
    /** No passcode on this laptop: the automatic sync does not start (no dialog pops up either) and tries again an interval later. */
    @Test
    void withoutAPasscodeItWaitsAndTriesAgainLater() {
        SyncViewModel vm = vm();
        boolean[] passcode = {false};
        int[] asked = {0};
        vm.requireProtection(() -> passcode[0], then -> asked[0]++);
        int[] started = {0};
        vm.runningProperty().addListener((o, a, b) -> {
            if (b) started[0]++;
        });
        ManualScheduler clock = new ManualScheduler();
        AutoSync auto = new AutoSync(vm, clock, () -> new AutoSync.Credentials("http://192.0.2.1/", "t"), Duration.ofMinutes(15));
        auto.start();
        clock.advance(Duration.ZERO);
        assertThat(started[0]).isZero();
        assertThat(asked[0]).isZero();
        assertThat(auto.nextProperty().get()).isEqualTo(new AutoSync.Next(AutoSync.State.WAITING, Duration.ofMinutes(15)));
        passcode[0] = true;
        clock.advance(Duration.ofMinutes(15));
        assertThat(started[0]).as("once a passcode is set, the next one runs").isEqualTo(1);
    }
}
