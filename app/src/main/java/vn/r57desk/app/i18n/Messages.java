package vn.r57desk.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * All user-visible text, Vietnamese first. Views bind to {@link #localeProperty()} so switching
 * language redraws live; a missing key shows as {@code !key!} and a test fails on it.
 */
public final class Messages {
    public static final Locale VI = Locale.forLanguageTag("vi-VN");
    public static final Locale EN = Locale.forLanguageTag("en-GB");
    static final String BUNDLE = "vn.r57desk.app.i18n.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(VI);
    private ResourceBundle bundle = load(VI);

    public Messages() {
        locale.addListener((obs, old, now) -> bundle = load(now));
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("vi"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public boolean english() {
        return "en".equals(locale.get().getLanguage());
    }

    /** True when the language has a text for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        try {
            String s = bundle.getString(key);
            return args.length == 0 ? s : new MessageFormat(s, locale.get()).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
