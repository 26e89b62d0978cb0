package org.gbx.chaincode.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gbx.chaincode.ErrorCode;
import org.gbx.chaincode.model.DataCategory;
import org.gbx.chaincode.model.Grant;
import org.gbx.chaincode.model.GrantDraft;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

class LedgerJsonTest {
    private static final Instant AT = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void writes_fields_in_alphabetical_order_categories_sorted_and_instants_as_utc_strings() {
        Grant grant = new Grant(DataCategory.canonical(Set.of(DataCategory.CCTV, DataCategory.IDENTITY)), AT, 2, AT, null, "ab", AT);

        assertThat(LedgerJson.write(grant)).isEqualTo("{\"approvedAt\":\"2025-03-01T08:00:00Z\",\"approvedBy\":\"ab\","
                + "\"categories\":[\"IDENTITY\",\"CCTV\"],\"conditions\":null,\"destroyBy\":\"2025-03-01T08:00:00Z\","
                + "\"expiresAt\":\"2025-03-01T08:00:00Z\",\"maxAccesses\":2}");
    }

    @Test
    void the_same_record_built_from_differently_ordered_input_gives_the_same_bytes() {
        Grant one = new Grant(DataCategory.canonical(Set.of(DataCategory.VEHICLES, DataCategory.IDENTITY, DataCategory.TELECOM)), AT, 1, AT,
                "c", "ab", AT);
        Grant other = new Grant(DataCategory.canonical(List.of(DataCategory.TELECOM, DataCategory.IDENTITY, DataCategory.VEHICLES)),
                AT, 1, AT, "c", "ab", AT);

        assertThat(LedgerJson.bytes(one)).isEqualTo(LedgerJson.bytes(other));
    }

    @Test
    void refuses_strings_for_numbers_fractions_for_integers_duplicates_trailing_data_and_oversized_input() {
        String valid = "{\"categories\":[\"IDENTITY\"],\"expiresAt\":\"2025-03-05T00:00:00Z\","
                + "\"destroyBy\":\"2025-03-06T00:00:00Z\",\"maxAccesses\":2}";

        assertThat(LedgerJson.parseArgument("grantJson", valid, GrantDraft.class).maxAccesses()).isEqualTo(2);
        assertThat(codeOf(valid.replace("2}", "\"2\"}"))).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(codeOf(valid.replace("2}", "2.5}"))).isEqualTo(ErrorCode.INVALID_VALUE);
        assertThat(codeOf(valid.replace("}", ",\"maxAccesses\":3}"))).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(codeOf(valid + " {}")).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(codeOf("{\"categories\":[\"IDENTITY\"]," + "\"pad\":\"" + "x".repeat(17_000) + "\"}"))
                .as("too long, not malformed").isEqualTo(ErrorCode.FIELD_TOO_LONG);
        assertThat(codeOf(valid.replace(",\"maxAccesses\":2", ""))).isEqualTo(ErrorCode.MISSING_FIELD);
    }

    @Test
    void refusal_messages_never_echo_the_value_that_was_refused() {
        ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class, () -> LedgerJson.parseArgument(
                "grantJson", "{\"categories\":[\"1234567(8)\"]}", GrantDraft.class));

        assertThat(ErrorCode.of(refusal)).isEqualTo(ErrorCode.UNKNOWN_ENUM_VALUE);
        assertThat(refusal.getMessage()).doesNotContain("1234567");
    }

    private static ErrorCode codeOf(String json) {
        return ErrorCode.of(catchThrowableOfType(ChaincodeException.class,
                () -> LedgerJson.parseArgument("grantJson", json, GrantDraft.class)));
    }
}
