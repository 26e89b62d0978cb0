package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gbx.client.config.ConnectionDefaults;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;
import org.gbx.client.config.PeerEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every explanation form the ledger writes, filled with values of the right kind as the chaincode
 * would, is read back and said in each language without failing: a count said in words once failed
 * on the number arriving as text ("Cannot format given Object as a Number", seen on an access past
 * the grant's limit).
 */
class LedgerExplanationTest {

    private static final Map<String, String> SAMPLES = Map.ofEntries(Map.entry("field", "purpose"),
            Map.entry("n", "3"), Map.entry("time", "2026-12-01T06:00:00Z"), Map.entry("status", "APPROVED"),
            Map.entry("transaction", "ApproveRequest"), Map.entry("role", "liaison"), Map.entry("org", "MacauPJMSP"),
            Map.entry("type", "GrantDraft"), Map.entry("pattern", "[A-Za-z0-9._-]+"), Map.entry("path", "categories[0]"),
            Map.entry("shape", "a Macau vehicle plate"));

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hant", "zh-Hans"})
    void every_form_read_from_the_ledgers_words_is_said_in_the_officers_language(String language) {
        Messages messages = new Messages(Locale.forLanguageTag(language));
        NetworkConfig config = new NetworkConfig("gba-exchange", "exchange", List.of(new Organisation("macau",
                "MacauPJMSP", "Macau Judiciary Police", new PeerEndpoint("127.0.0.1:7051", Path.of("ca.pem")),
                Path.of("users"))), new ConnectionDefaults(null, null));
        OrganisationNames organisations = new OrganisationNames(config, messages);
        TimeDisplay time = new TimeDisplay(ZoneId.of("Asia/Macau"));
        List<String> failed = new ArrayList<>();
        for (LedgerExplanation form : LedgerExplanation.values()) {
            String written = form.template();
            for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
                written = written.replace("{" + sample.getKey() + "}", sample.getValue());
            }
            var reading = LedgerExplanation.read(form.code().name(), written);
            if (reading.isEmpty()) {
                failed.add(form + ": not read back from \"" + written + "\"");
                continue;
            }
            try {
                String said = LedgerExplanation.say(reading.get(), messages, organisations, time);
                if (said.isBlank() || said.matches("(?s).*\\{[0-9]+[,}].*")) {
                    failed.add(form + ": said as \"" + said + "\"");
                }
            } catch (RuntimeException e) {
                failed.add(form + ": " + e);
            }
        }
        assertThat(failed).as("explanation forms in " + language).isEmpty();
    }
}
