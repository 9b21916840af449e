package vn.r57desk.app.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Presenter mode without a window: stepping, blanking, the spotlight and the countdown on a hand-moved clock. */
class PresenterViewModelTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    private PresenterViewModel vm(Integer... minutes) {
        return new PresenterViewModel(Arrays.asList(minutes), 0, now::get);
    }

    @Test
    void stepsThroughTheAgendaAndStopsAtItsEnds() {
        PresenterViewModel vm = vm(10, 15, null);
        assertThat(vm.previous()).as("before the first").isFalse();
        assertThat(vm.next()).isTrue();
        assertThat(vm.next()).isTrue();
        assertThat(vm.index()).isEqualTo(2);
        assertThat(vm.next()).as("after the last").isFalse();
        assertThat(vm.index()).isEqualTo(2);
        assertThat(vm.go(0)).isTrue();
        assertThat(vm.go(7)).isFalse();
        assertThat(new PresenterViewModel(List.of(5, 5), 9, now::get).index()).as("a start past the end is the last item").isEqualTo(1);
        assertThatThrownBy(() -> new PresenterViewModel(List.of(), 0, now::get)).hasMessageContaining("no agenda item");
    }

    @Test
    void theCountdownRestartsWithEachItemAndGoesPastZero() {
        PresenterViewModel vm = vm(10, null, 1);
        assertThat(vm.secondsLeft()).isEqualTo(600);
        now.addAndGet(65_000);
        assertThat(vm.secondsLeft()).isEqualTo(535);
        assertThat(PresenterViewModel.clock(vm.secondsLeft())).isEqualTo("8:55");
        vm.next();
        assertThat(vm.secondsLeft()).as("the agenda gives it no time").isNull();
        assertThat(PresenterViewModel.clock(null)).isEmpty();
        vm.next();
        now.addAndGet(90_000);
        assertThat(vm.secondsLeft()).isEqualTo(-30);
        assertThat(PresenterViewModel.clock(vm.secondsLeft())).isEqualTo("-0:30");
    }

    @Test
    void blankStaysUntilPressedAgainAndTheSpotlightCyclesAndEndsOnAStep() {
        PresenterViewModel vm = vm(5, 5);
        vm.toggleBlank();
        assertThat(vm.blankProperty().get()).isTrue();
        vm.next();
        assertThat(vm.blankProperty().get()).as("stepping does not unblank").isTrue();
        vm.toggleBlank();
        assertThat(vm.blankProperty().get()).isFalse();

        vm.spotlightNext(2);
        assertThat(vm.spotlightProperty().get()).isEqualTo(0);
        vm.spotlightNext(2);
        assertThat(vm.spotlightProperty().get()).isEqualTo(1);
        vm.spotlightNext(2);
        assertThat(vm.spotlightProperty().get()).as("after the last chart, none").isEqualTo(-1);
        vm.spotlightNext(0);
        assertThat(vm.spotlightProperty().get()).as("no charts, no spotlight").isEqualTo(-1);
        vm.spotlightNext(2);
        vm.previous();
        assertThat(vm.spotlightProperty().get()).as("a step ends the spotlight").isEqualTo(-1);
    }
}
