package vn.r57desk.app.nav;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Back/forward history over places, like a browser. No nodes: testable without the toolkit. */
public final class Navigator {
    private static final int MAX_HISTORY = 200;

    private final ReadOnlyObjectWrapper<Place> current = new ReadOnlyObjectWrapper<>(new Place.Overview());
    private final Deque<Place> back = new ArrayDeque<>();
    private final Deque<Place> forward = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();

    public ReadOnlyObjectProperty<Place> currentProperty() { return current.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canGoBackProperty() { return canGoBack.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canGoForwardProperty() { return canGoForward.getReadOnlyProperty(); }

    public Place current() {
        return current.get();
    }

    public void go(Place p) {
        if (p.equals(current.get())) return;
        back.push(current.get());
        if (back.size() > MAX_HISTORY) back.removeLast();
        forward.clear();
        set(p);
    }

    public void back() {
        if (back.isEmpty()) return;
        forward.push(current.get());
        set(back.pop());
    }

    public void forward() {
        if (forward.isEmpty()) return;
        back.push(current.get());
        set(forward.pop());
    }

    private void set(Place p) {
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
        current.set(p);
    }
}
