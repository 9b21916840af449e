package vn.r57desk.app.meetings;

import java.util.List;
import java.util.function.LongSupplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Presenter mode's state, without a window: which agenda item is on the screen, whether the screen
 * is blanked (B), which chart is in the spotlight (S; -1: none), and the item's countdown from the
 * minutes the agenda allows it, on an injected clock. Moving to another item restarts its countdown
 * and ends the spotlight; a blank screen stays blank until B is pressed again.
 */
public final class PresenterViewModel {
    private final List<Integer> minutes;
    private final LongSupplier millis;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper blank = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper spotlight = new ReadOnlyIntegerWrapper(-1);
    private long itemStarted;

    /** {@code minutes}: each item's time allowed (null: the agenda does not say); {@code millis}: the clock. */
    public PresenterViewModel(List<Integer> minutes, int start, LongSupplier millis) {
        if (minutes.isEmpty()) throw new IllegalArgumentException("Phiên họp chưa có mục nào để trình chiếu. / The meeting has no agenda item to present.");
        this.minutes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(minutes));
        this.millis = millis;
        index.set(Math.max(0, Math.min(start, minutes.size() - 1)));
        itemStarted = millis.getAsLong();
    }

    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty blankProperty() { return blank.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty spotlightProperty() { return spotlight.getReadOnlyProperty(); }

    public int index() { return index.get(); }
    public int count() { return minutes.size(); }

    /** To the next item; false (and nothing changes) on the last one. */
    public boolean next() {
        return go(index.get() + 1);
    }

    public boolean previous() {
        return go(index.get() - 1);
    }

    public boolean go(int i) {
        if (i < 0 || i >= minutes.size() || i == index.get()) return false;
        spotlight.set(-1);
        itemStarted = millis.getAsLong();
        index.set(i);
        return true;
    }

    public void toggleBlank() {
        blank.set(!blank.get());
    }

    /** The next chart of {@code charts} in the spotlight, and after the last none again. */
    public void spotlightNext(int charts) {
        int s = spotlight.get() + 1;
        spotlight.set(s >= charts ? -1 : s);
    }

    /** Seconds left of the item's time (negative: over time), or null when the agenda gives it no time. */
    public Long secondsLeft() {
        Integer m = minutes.get(index.get());
        if (m == null) return null;
        long spent = (millis.getAsLong() - itemStarted) / 1000;
        return m * 60L - spent;
    }

    /** "4:05", "-0:30" for a countdown; "" when there is none. */
    public static String clock(Long seconds) {
        if (seconds == null) return "";
        long s = Math.abs(seconds);
        return (seconds < 0 ? "-" : "") + s / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", s % 60);
    }
}
