package org.gbx.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.gbx.client.config.ConnectionDefaults;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;
import org.gbx.client.config.PeerEndpoint;
import org.gbx.client.ledger.LedgerEvent;
import org.gbx.client.model.LedgerEventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@code gbx watch} shows each event: every kind the contract emits, with the payload it
 * carries (docs/ledger.md, Events), in each language; and what a newer chaincode might send.
 * An EndorsementRequested event once stopped the committee's watch for good.
 */
class EventViewTest {

    private static final String REQUEST = "{\"at\":\"2026-12-01T06:00:00Z\",\"requestId\":\"REQ-1\","
            + "\"requesterOrg\":\"MacauPJMSP\",\"status\":\"%s\",\"targetOrg\":\"ZhuhaiPSBMSP\"}";
    private static final String ENDORSEMENT = "{\"leafHash\":\"ab\",\"requestId\":\"REQ-1\",\"requestedAt\":"
            + "\"2026-12-01T06:00:00Z\",\"requestedBy\":\"cd\",\"status\":\"%s\"}";
    private static final String SUSPENSION = "{\"at\":\"2026-12-01T06:00:00Z\",\"by\":\"ef\",\"org\":\"ZhuhaiPSBMSP\","
            + "\"reason\":\"Audit\",\"suspended\":true}";
    private static final String LOOKUP_KEY = "{\"epoch\":3,\"org\":\"ZhuhaiPSBMSP\",\"publicKey\":\"04ab\","
            + "\"publishedAt\":\"2026-11-30T06:00:00Z\",\"publishedBy\":\"ef\",\"setDigest\":\"cd\",\"setSize\":1200,"
            + "\"updatedAt\":\"2026-12-01T06:00:00Z\"}";
    private static final String LOOKUP = "{\"askerOrg\":\"MacauPJMSP\",\"at\":\"2026-12-01T06:00:00Z\",\"blindedHash\":"
            + "\"ab\",\"dailyCap\":20,\"dailySequence\":1,\"day\":\"2026-12-01\",\"holderOrg\":\"ZhuhaiPSBMSP\","
            + "\"idType\":\"MAINLAND_ID\",\"keyEpoch\":3,\"legalBasis\":\"Art. 3\",\"lookupId\":\"LKP-1\","
            + "\"officer\":\"cd\",\"purpose\":\"Identify a suspect\"}";
    private static final String PING = "{\"at\":\"2026-12-01T06:00:00Z\",\"mspId\":\"MacauPJMSP\",\"pingId\":\"ping-1\"}";

    private static EventView view(String language) {
        Messages messages = new Messages(Locale.forLanguageTag(language));
        NetworkConfig config = new NetworkConfig("gba-exchange", "exchange", List.of(
                new Organisation("macau", "MacauPJMSP", "Macau Judiciary Police",
                        new PeerEndpoint("127.0.0.1:7051", Path.of("ca.pem")), Path.of("users")),
                new Organisation("zhuhai", "ZhuhaiPSBMSP", "Zhuhai PSB",
                        new PeerEndpoint("127.0.0.1:8051", Path.of("ca.pem")), Path.of("users"))),
                new ConnectionDefaults(null, null));
        return new EventView(messages, new OrganisationNames(config, messages),
                new TimeDisplay(ZoneId.of("Asia/Macau")));
    }

    private static String payloadOf(LedgerEventType type) {
        return switch (type.subject()) {
            case REQUEST -> REQUEST.formatted(type == LedgerEventType.NoMatchRecorded ? "NO_MATCH" : "APPROVED");
            case ENDORSEMENT -> ENDORSEMENT.formatted(type == LedgerEventType.RecordEndorsed ? "ENDORSED" : "REQUESTED");
            case SUSPENSION -> SUSPENSION;
            case LOOKUP_KEY -> LOOKUP_KEY;
            case LOOKUP -> LOOKUP;
            case PING -> PING;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hant", "zh-Hans"})
    void every_event_the_contract_emits_reads_in_words_with_its_time_and_subject(String language) {
        EventView view = view(language);
        for (LedgerEventType type : LedgerEventType.values()) {
            String line = view.line(new LedgerEvent(7, "tx", type.name(), payloadOf(type)));

            assertThat(line).as(type + " in " + language).startsWith("2026-12-01 14:00 +08:00  #7  ")
                    .doesNotContain(type.name())
                    .doesNotContain("APPROVED", "REQUESTED", "ENDORSED", "NO_MATCH", "MAINLAND_ID", "MSP");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hant", "zh-Hans"})
    void an_evidence_endorsement_ask_reads_as_one(String language) {
        String line = view(language).line(new LedgerEvent(9, "tx", "EndorsementRequested",
                ENDORSEMENT.formatted("REQUESTED")));

        assertThat(line).contains("REQ-1").containsAnyOf("evidence endorsement asked", "已請求證據簽註", "已请求证据签注");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hant", "zh-Hans"})
    void a_lookup_reads_with_its_id_the_kind_of_identifier_and_the_two_forces_and_a_key_with_its_epoch(String language) {
        EventView view = view(language);

        assertThat(view.line(new LedgerEvent(11, "tx", "LookupRecorded", LOOKUP))).contains("LKP-1")
                .containsAnyOf("mainland ID", "內地居民身份證號碼", "居民身份证号码").doesNotContain("Identify");
        assertThat(view.line(new LedgerEvent(12, "tx", "LookupKeyPublished", LOOKUP_KEY))).contains("3", "1,200")
                .containsAnyOf("Zhuhai PSB", "珠海");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hans"})
    void what_a_newer_chaincode_might_send_is_shown_as_it_came_never_a_failure(String language) {
        EventView view = view(language);

        assertThat(view.line(new LedgerEvent(3, "tx", "GrantExtended", REQUEST.formatted("EXTENDED"))))
                .contains("GrantExtended", "REQ-1");
        assertThat(view.line(new LedgerEvent(3, "tx", "RequestApproved", REQUEST.formatted("ON_HOLD"))))
                .contains("ON_HOLD");
        assertThat(view.line(new LedgerEvent(3, "tx", "RequestApproved", "not json"))).contains("#3");
        assertThat(view.line(new LedgerEvent(3, "tx", "OrgSuspended", "[1,2]"))).contains("#3");
    }
}
