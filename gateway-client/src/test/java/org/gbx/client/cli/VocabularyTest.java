package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gbx.client.ledger.RefusalCode;
import org.gbx.client.model.LedgerEventType;
import org.gbx.client.model.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every message key, and every value of the ledger's vocabulary (statuses, categories, urgency,
 * handling codes, destruction methods, events, endorsement statuses, roles, error codes and
 * their explanations, evidence checks and findings, audit problems, exit codes), rendered in
 * English, Traditional and Simplified Chinese: each must be in each language's own bundle (never
 * the English fallback), format without error, and a Chinese text must hold no English words.
 * The lists of statuses, events and error codes are also held equal to docs/ledger.md.
 */
class VocabularyTest {

    private static final Map<String, Locale> BUNDLES = Map.of(
            "messages.properties", Locale.ENGLISH,
            "messages_zh_Hant.properties", Locale.forLanguageTag("zh-Hant"),
            "messages_zh_Hans.properties", Locale.forLanguageTag("zh-Hans"));
    private static final List<String> CHINESE = List.of("messages_zh_Hant.properties", "messages_zh_Hans.properties");

    /** picocli's usage-help keys: formatted by picocli (String.format), not MessageFormat. */
    private static final Pattern USAGE_KEY = Pattern.compile("(gbx|usage|option|param|mixinStandardHelpOptions)\\..*");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_zh_Hant.properties", "messages_zh_Hans.properties"})
    void every_value_of_every_vocabulary_enum_has_its_own_text_in_each_language(String bundle) throws IOException {
        Properties texts = load(bundle);
        List<String> missing = new ArrayList<>();
        Vocabulary.PREFIXES.forEach((type, prefix) -> Arrays.stream(type.getEnumConstants())
                .map(value -> Vocabulary.key(value))
                .filter(key -> texts.getProperty(key) == null || texts.getProperty(key).isBlank())
                .forEach(missing::add));
        for (ExitCode code : ExitCode.values()) {
            if (texts.getProperty("usage.exitCodeList." + code.code()) == null) {
                missing.add("usage.exitCodeList." + code.code());
            }
        }
        assertThat(missing).as("keys missing from " + bundle).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_zh_Hant.properties", "messages_zh_Hans.properties"})
    void every_message_renders_with_arguments_and_every_usage_text_formats(String bundle) throws IOException {
        Properties texts = load(bundle);
        Locale locale = BUNDLES.get(bundle);
        Object[] arguments = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        List<String> broken = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            try {
                if (USAGE_KEY.matcher(key).matches()) {
                    String.format(text);
                } else {
                    String rendered = new MessageFormat(text, locale).format(arguments);
                    assertThat(rendered).isNotBlank();
                }
            } catch (RuntimeException e) {
                broken.add(key + ": " + e.getMessage());
            }
        }
        assertThat(broken).as("texts of " + bundle + " that do not render").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_zh_Hant.properties", "messages_zh_Hans.properties"})
    void a_chinese_text_holds_no_english_words(String bundle) throws IOException {
        Properties texts = load(bundle);
        List<String> english = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            List<String> words = EnglishWords.in(texts.getProperty(key));
            if (!words.isEmpty()) {
                english.add(key + " " + words);
            }
        }
        assertThat(english).as("English words left in " + bundle).isEmpty();
    }

    @Test
    void the_english_word_finder_finds_english_and_lets_commands_codes_and_paths_through() {
        assertThat(EnglishWords.in("请求 {0} 现为{1}（交易 {2}）。")).isEmpty();
        assertThat(EnglishWords.in("数据类别：IDENTITY、CCTV；见 docs/exchange.md，--max-accesses，$GBX_ORG，<MSPID>.pem")).isEmpty();
        assertThat(EnglishWords.in("\\u0020 gbx request create --org zhuhai --target macau --categories IDENTITY")).isEmpty();
        assertThat(EnglishWords.in("账本拒绝：the grant exceeds what was asked")).contains("the", "grant", "exceeds");
        assertThat(EnglishWords.in("--purpose \"Identify the holder of a travel permit\"")).contains("Identify", "holder");
    }

    @Test
    void simplified_chinese_is_written_in_mainland_usage_not_converted_hong_kong_text() throws IOException {
        Properties texts = load("messages_zh_Hans.properties");
        List<String> hongKongForms = List.of("「", "」", "警队", "联络主任", "分类帐", "分类账", "设置档", "档案", "资料夹",
                "储存库", "稽核", "结束代码", "堆叠", "今次", "频道", "汇出", "档");
        String traditionalOnly = "們這來為對說請與時間區驗證簽書數據庫沒從無開關點檔機構審計記錄號碼務門銷毀閱讀應內網絡連線設";
        List<String> found = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            hongKongForms.stream().filter(text::contains).forEach(form -> found.add(key + " " + form));
            text.codePoints().filter(c -> traditionalOnly.indexOf(c) >= 0)
                    .forEach(c -> found.add(key + " " + Character.toString(c)));
        }
        assertThat(found).as("Hong Kong forms or traditional characters in zh-Hans").isEmpty();
    }

    @Test
    void traditional_chinese_holds_no_simplified_characters() throws IOException {
        Properties texts = load("messages_zh_Hant.properties");
        String simplifiedOnly = "们这来为对说请与时间区验证签书数据库没从无开关点档机构审计记录号码务门销毁阅读应内网络连线设";
        List<String> found = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            texts.getProperty(key).codePoints().filter(c -> simplifiedOnly.indexOf(c) >= 0)
                    .forEach(c -> found.add(key + " " + Character.toString(c)));
        }
        assertThat(found).as("simplified characters in zh-Hant").isEmpty();
    }

    @Test
    void the_client_knows_exactly_the_statuses_events_and_error_codes_docs_ledger_md_lists() throws IOException {
        String doc = Files.readString(ledgerDoc());
        String statusRow = doc.lines().filter(line -> line.startsWith("| status |")).findFirst().orElseThrow();
        assertThat(backticked(statusRow)).containsExactlyInAnyOrderElementsOf(names(Status.values()));

        String errorCodes = section(doc, "## Error codes", "### ");
        assertThat(rowKeys(errorCodes)).containsExactlyInAnyOrderElementsOf(names(RefusalCode.values()));

        Set<String> events = new java.util.LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(?:[a-z]+:)?[A-Za-z]+` \\| (?:submit|evaluate) \\|.*\\| (.*) \\|$")
                .matcher(section(doc, "## Transactions", "### ") + section(doc, "## Lookups", "### "));
        while (row.find()) {
            Matcher event = Pattern.compile("`([A-Za-z]+)`").matcher(row.group(1));
            while (event.find()) {
                events.add(event.group(1));
            }
        }
        assertThat(events).containsExactlyInAnyOrderElementsOf(names(LedgerEventType.values()));
    }

    @Test
    void the_client_reads_every_explanation_form_docs_ledger_md_lists_and_nothing_else() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| `(.+)` \\|$")
                .matcher(section(Files.readString(ledgerDoc()), "### Explanations", "## "));
        while (row.find()) {
            documented.add(row.group(1) + ": " + row.group(2));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(Arrays.stream(LedgerExplanation.values())
                .map(form -> form.code() + ": " + form.template()).toList());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> backticked(String text) {
        Matcher m = Pattern.compile("`([A-Z_]+)`").matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> rowKeys(String section) {
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(section);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String section(String doc, String heading, String end) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading + " in docs/ledger.md").isNotNegative();
        String rest = doc.substring(start + heading.length() + 2);
        int stop = rest.length();
        for (String marker : List.of("\n" + end, "\n## ")) {
            int at = rest.indexOf(marker);
            if (at >= 0) {
                stop = Math.min(stop, at);
            }
        }
        return rest.substring(0, stop);
    }

    static Path ledgerDoc() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("docs/ledger.md"))) {
            dir = dir.getParent();
        }
        return dir.resolve("docs/ledger.md");
    }

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** English words in a Chinese text, after what an officer types or reads as a code is taken out. */
    static final class EnglishWords {
        /** Words a Chinese text may hold: names of products, values typed as they are. */
        private static final Set<String> ALLOWED = Set.of("gbx", "macau", "zhuhai", "oversight", "html", "csv", "json",
                "en", "defaults", "base64", "Fabric", "PostgreSQL", "KiB", "MiB", "attrs",
                // values of gbx lookup --id-type, typed as they are
                "plate", "phone");
        private static final List<Pattern> TAKEN_OUT = List.of(
                Pattern.compile("\\\\u[0-9a-fA-F]{4}"),
                Pattern.compile("\\{[^{}]*\\}"),
                Pattern.compile("<[^<>]*>"),
                Pattern.compile("\\$[A-Z_]+"),
                Pattern.compile("(?<![\\w-])--?[A-Za-z][A-Za-z-]*"),
                Pattern.compile("\\bgbx(?: [a-z][a-z-]*)+"),
                Pattern.compile("\\S+\\.sh [a-z]+"),
                Pattern.compile("%n"));
        private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9#._:/~@+-]*[A-Za-z][A-Za-z0-9#._:/~@+-]*");

        static List<String> in(String text) {
            String rest = text;
            for (Pattern out : TAKEN_OUT) {
                rest = out.matcher(rest).replaceAll(" ");
            }
            List<String> words = new ArrayList<>();
            Matcher token = TOKEN.matcher(rest);
            while (token.find()) {
                String word = token.group();
                // camelCase is a field name (idType in a JSON file), never an English word
                boolean code = word.matches(".*[0-9#._:/~@+-].*") || word.equals(word.toUpperCase(Locale.ROOT))
                        || word.endsWith("MSP") || word.matches("[a-z]+[A-Z][A-Za-z]*");
                if (!code && !ALLOWED.contains(word)) {
                    words.add(word);
                }
            }
            return words.stream().distinct().collect(Collectors.toList());
        }
    }
}
