package vn.r57desk.app.screens;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Whether a meeting is being presented. The sync side reads it: a sync asked for while presenting
 * waits until presenting ends, so the figures do not change under the speaker. FX thread only.
 */
public final class Presenting {
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper();

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    public boolean isPresenting() {
        return presenting.get();
    }

    /** Called by the presenter window when it opens and closes. */
    public void set(boolean on) {
        presenting.set(on);
    }
}
