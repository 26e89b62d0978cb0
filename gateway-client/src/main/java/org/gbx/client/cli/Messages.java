package org.gbx.client.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/** All user-facing text, from the {@code messages} bundles (en, zh-Hant, zh-Hans). */
public final class Messages {

    static final String BUNDLE = "org.gbx.client.cli.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** The text for {@code key} if the bundle has one (used for codes the chaincode may add later). */
    public Optional<String> find(String key, Object... arguments) {
        try {
            return Optional.of(get(key, arguments));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /**
     * The locale asked for by {@code --lang} (en, zh-Hant, zh-Hans, or any BCP 47 tag), found
     * before picocli parses anything because the help text itself depends on it.
     */
    static Locale chooseLocale(String[] args, Locale fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return Locale.forLanguageTag(args[i + 1]);
            }
            if (args[i].startsWith("--lang=")) {
                return Locale.forLanguageTag(args[i].substring("--lang=".length()));
            }
        }
        return fallback;
    }
}
