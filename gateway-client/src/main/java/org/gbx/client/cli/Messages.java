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

    /** The language {@code --lang} asks for, as typed, if given; found before picocli parses anything. */
    static Optional<String> requestedLanguage(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--lang=")) {
                return Optional.of(args[i].substring("--lang=".length()));
            }
        }
        return Optional.empty();
    }

    /**
     * The locale asked for by {@code --lang} (en, zh-Hant, zh-Hans, or a tag such as zh-MO or zh-CN
     * that reads as one of them), else {@code fallback}: the help text itself depends on it.
     */
    static Locale chooseLocale(String[] args, Locale fallback) {
        return requestedLanguage(args).map(Locale::forLanguageTag).orElse(fallback);
    }

    /**
     * Whether gbx has a text for {@code locale}: English, or a Chinese locale that resolves to one
     * of the two Chinese bundles. A bare "zh" does not: it could be either script.
     */
    static boolean isSupported(Locale locale) {
        if (locale.getLanguage().equals("en")) {
            return true;
        }
        if (!locale.getLanguage().equals("zh") || (locale.getScript().isEmpty() && locale.getCountry().isEmpty())) {
            return false;
        }
        return !ResourceBundle.getBundle(BUNDLE, locale).getLocale().equals(Locale.ROOT);
    }

    /** The officer's words for the ledger's typed values (statuses, categories, events, ...). */
    public Vocabulary vocabulary() {
        return new Vocabulary(this);
    }
}
