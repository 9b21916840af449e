package vn.r57desk.store.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasscodeTest {
    /** A clock the test moves by hand: no sleeps, no dependence on the machine's speed. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-06T03:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    @TempDir Path dir;
    final HandClock clock = new HandClock();

    Passcode passcode() {
        return Passcode.in(dir.resolve("keys"), clock, 10_000);
    }

    @Test
    void setUnlockAndChangeKeepTheSameDataKey() throws Exception {
        byte[] key;
        try (Passcode.DataKey k = passcode().set("đúng mật mã 1".toCharArray())) {
            key = k.bytes();
        }
        assertThat(key).hasSize(32);
        String file = Files.readString(dir.resolve("keys/data.key"), StandardCharsets.UTF_8);
        assertThat(file).doesNotContain(java.util.HexFormat.of().formatHex(key)).doesNotContain(java.util.Base64.getEncoder().encodeToString(key));

        try (Passcode.DataKey k = passcode().unlock("đúng mật mã 1".toCharArray())) {
            assertThat(k.bytes()).isEqualTo(key);
        }
        passcode().change("đúng mật mã 1".toCharArray(), "mật mã mới 22".toCharArray());
        try (Passcode.DataKey k = passcode().unlock("mật mã mới 22".toCharArray())) {
            assertThat(k.bytes()).as("a change re-wraps the same key: no data to re-encrypt").isEqualTo(key);
        }
        assertThatThrownBy(() -> passcode().unlock("đúng mật mã 1".toCharArray()))
                .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.problem()).isEqualTo(PackException.Problem.WRONG_PASSCODE));
    }

    @Test
    void aSecondSetAShortPasscodeAndAClosedKeyAreRefused() throws Exception {
        assertThatThrownBy(() -> passcode().set("1234567".toCharArray())).isInstanceOf(PackException.class).hasMessageContaining("at least 8");
        assertThat(passcode().isSet()).isFalse();
        Passcode.DataKey k = passcode().set("12345678".toCharArray());
        k.close();
        assertThatThrownBy(k::bytes).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> passcode().set("other passcode".toCharArray())).isInstanceOf(PackException.class).hasMessageContaining("already set");
        try (Passcode.DataKey again = passcode().unlock("12345678".toCharArray())) {
            assertThat(again.bytes()).hasSize(32);
        }
    }

    @Test
    void wrongPasscodesGetAGrowingDelayThatSurvivesARestart() throws Exception {
        passcode().set("the right one".toCharArray()).close();
        for (int i = 1; i <= Passcode.FREE_TRIES; i++) {
            assertThat(passcode().waitBeforeNextTry()).isZero();
            assertThatThrownBy(() -> passcode().unlock("wrong guess".toCharArray()))
                    .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.problem()).isEqualTo(PackException.Problem.WRONG_PASSCODE));
        }
        // A new Passcode object reads the count from disk: a restart of the app does not reset it.
        Passcode restarted = passcode();
        assertThat(restarted.failures()).isEqualTo(Passcode.FREE_TRIES);
        assertThat(restarted.waitBeforeNextTry()).isEqualTo(Duration.ofSeconds(30));
        // During the delay even the right passcode is not checked.
        assertThatThrownBy(() -> restarted.unlock("the right one".toCharArray()))
                .isInstanceOfSatisfying(PackException.class, e -> {
                    assertThat(e.problem()).isEqualTo(PackException.Problem.TRY_LATER);
                    assertThat(e.vietnamese()).contains("30 giây");
                });
        assertThat(restarted.failures()).isEqualTo(Passcode.FREE_TRIES);

        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> passcode().unlock("wrong again".toCharArray())).isInstanceOf(PackException.class);
        assertThat(passcode().waitBeforeNextTry()).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(() -> passcode().unlock("and again".toCharArray())).isInstanceOf(PackException.class);
        assertThat(passcode().waitBeforeNextTry()).isEqualTo(Duration.ofSeconds(120));

        // Many more failures: capped at one hour.
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofHours(2));
            assertThatThrownBy(() -> passcode().unlock("still wrong".toCharArray())).isInstanceOf(PackException.class);
        }
        assertThat(passcode().waitBeforeNextTry()).isEqualTo(Duration.ofHours(1));

        // A clock set back a day restarts the delay instead of locking out until it catches up.
        clock.advance(Duration.ofDays(-1));
        assertThat(passcode().waitBeforeNextTry()).isEqualTo(Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(59));
        assertThat(passcode().waitBeforeNextTry()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        try (Passcode.DataKey k = passcode().unlock("the right one".toCharArray())) {
            assertThat(k.bytes()).hasSize(32);
        }
        assertThat(passcode().failures()).as("the right passcode resets the count").isZero();
        assertThat(passcode().waitBeforeNextTry()).isZero();
    }

    @Test
    void aDamagedTriesFileCountsAsTheThresholdNotAFreshStart() throws Exception {
        passcode().set("the right one".toCharArray()).close();
        Files.writeString(dir.resolve("keys/passcode-tries"), "garbage");
        assertThat(passcode().waitBeforeNextTry()).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(10));
        assertThat(passcode().waitBeforeNextTry()).as("the delay runs from when the damage was seen").isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        try (Passcode.DataKey k = passcode().unlock("the right one".toCharArray())) {
            assertThat(k.bytes()).hasSize(32);
        }
    }

    @Test
    void aDamagedKeyFileIsRefusedClearly() throws Exception {
        passcode().set("the right one".toCharArray()).close();
        Path f = dir.resolve("keys/data.key");
        Files.writeString(f, Files.readString(f).replaceAll("(?m)^wrapped .*$", "wrapped AAAA"));
        assertThatThrownBy(() -> passcode().unlock("the right one".toCharArray()))
                .isInstanceOfSatisfying(PackException.class, e -> {
                    assertThat(e.problem()).isEqualTo(PackException.Problem.KEYS);
                    assertThat(e.getMessage()).contains("damaged");
                });
    }

    @Test
    void aForgottenPasscodeDeletesTheDataAndTheKeySoANewOneCanBeSet() throws Exception {
        passcode().set("the right one".toCharArray()).close();
        Path cache = dir.resolve("cache.db");
        Files.writeString(cache, "data");
        Files.writeString(dir.resolve("cache.db-wal"), "wal");
        DataHome home = DataHome.forCache(cache, dir.resolve("keys"));
        passcode().forgotten(home);
        assertThat(cache).doesNotExist();
        assertThat(dir.resolve("cache.db-wal")).doesNotExist();
        assertThat(dir.resolve("keys/data.key")).doesNotExist();
        assertThat(passcode().isSet()).isFalse();
        passcode().set("a new passcode".toCharArray()).close();
        assertThat(passcode().isSet()).isTrue();
    }
}
