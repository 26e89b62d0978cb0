package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages_zh_Hant.properties", "messages_zh_Hans.properties"})
    void every_translation_has_exactly_the_english_keys(String translation) throws IOException {
        assertThat(load(translation).stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    /** A key written twice is silently replaced by its second text: one command's help shows another's. */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_zh_Hant.properties", "messages_zh_Hans.properties",
            "/org/gbx/client/audit/report/report.properties", "/org/gbx/client/audit/report/report_zh_Hant.properties",
            "/org/gbx/client/audit/report/report_zh_Hans.properties"})
    void no_key_is_written_twice(String bundle) throws IOException {
        java.util.Map<String, Long> keys;
        try (InputStream in = Messages.class.getResourceAsStream(bundle)) {
            keys = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(line -> line.split("\\s*=", 2)[0]).filter(key -> key.matches("[A-Za-z][\\w.-]*"))
                    .collect(java.util.stream.Collectors.groupingBy(key -> key, java.util.stream.Collectors.counting()));
        }
        assertThat(keys).as("keys of %s", bundle).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_zh_Hant.properties", "messages_zh_Hans.properties"})
    void texts_formatted_with_arguments_have_no_lone_apostrophe_which_message_format_would_eat(String bundle)
            throws IOException {
        Properties properties = load(bundle);
        assertThat(properties.stringPropertyNames())
                .filteredOn(key -> !key.matches("(gbx|usage|option|param|mixinStandardHelpOptions)\\..*"))
                .allSatisfy(key -> assertThat(properties.getProperty(key)).as(key).doesNotContainPattern("(?<!')'(?!')"));
    }

    @Test
    void macau_and_taiwan_locales_read_traditional_chinese() {
        assertThat(new Messages(Locale.forLanguageTag("zh-Hant")).get("status.PENDING")).isEqualTo("待處理");
        assertThat(new Messages(Locale.forLanguageTag("zh-MO")).get("status.PENDING")).isEqualTo("待處理");
    }

    @Test
    void mainland_locales_read_simplified_chinese() {
        assertThat(new Messages(Locale.forLanguageTag("zh-Hans")).get("status.PENDING")).isEqualTo("待处理");
        assertThat(new Messages(Locale.forLanguageTag("zh-CN")).get("status.PENDING")).isEqualTo("待处理");
    }

    @Test
    void other_locales_read_english() {
        assertThat(new Messages(Locale.forLanguageTag("pt-MO")).get("status.PENDING")).isEqualTo("pending");
    }

    @Test
    void lang_is_found_before_parsing_in_either_spelling() {
        Locale fallback = Locale.ENGLISH;
        assertThat(Messages.chooseLocale(new String[] {"whoami", "--lang", "zh-Hant"}, fallback))
                .isEqualTo(Locale.forLanguageTag("zh-Hant"));
        assertThat(Messages.chooseLocale(new String[] {"--lang=zh-Hans", "whoami"}, fallback))
                .isEqualTo(Locale.forLanguageTag("zh-Hans"));
        assertThat(Messages.chooseLocale(new String[] {"whoami"}, fallback)).isEqualTo(fallback);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
