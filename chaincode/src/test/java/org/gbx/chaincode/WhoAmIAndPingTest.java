package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.TestChannel;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

class WhoAmIAndPingTest {
    private final TestChannel channel = new TestChannel();
    private final Officer liaison = Officer.of(MACAU, "liaison");

    @Test
    void who_am_i_reports_the_msp_the_role_attribute_and_a_hashed_officer_id() {
        String answer = channel.evaluate(liaison, (c, ctx) -> c.whoAmI(ctx));

        assertThat(answer).matches("\\{\"mspId\":\"MacauPJMSP\",\"officer\":\"[0-9a-f]{64}\",\"role\":\"liaison\"}")
                .doesNotContain("liaison1");
    }

    @Test
    void the_officer_hash_is_stable_for_one_certificate_and_differs_between_officers() {
        String first = channel.evaluate(liaison, (c, ctx) -> c.whoAmI(ctx));
        String again = channel.evaluate(liaison, (c, ctx) -> c.whoAmI(ctx));
        String other = channel.evaluate(Officer.of(MACAU, "approver"), (c, ctx) -> c.whoAmI(ctx));

        assertThat(again).isEqualTo(first);
        assertThat(other.substring(other.indexOf("officer"), other.indexOf("role")))
                .isNotEqualTo(first.substring(first.indexOf("officer"), first.indexOf("role")));
    }

    @Test
    void who_am_i_answers_a_certificate_without_a_role_with_a_null_role() {
        String answer = channel.evaluate(Officer.of(ZHUHAI, null), (c, ctx) -> c.whoAmI(ctx));

        assertThat(answer).startsWith("{\"mspId\":\"ZhuhaiPSBMSP\"").endsWith("\"role\":null}");
    }

    @Test
    void ping_writes_its_key_with_the_transaction_time_and_emits_a_ping_event() {
        String written = channel.submit(liaison, (c, ctx) -> c.ping(ctx, "ping-1"));

        assertThat(written).isEqualTo("{\"at\":\"2025-03-01T08:00:00Z\",\"mspId\":\"MacauPJMSP\",\"pingId\":\"ping-1\"}");
        assertThat(channel.ledger().publicState()).containsKey("ping~ping-1");
        assertThat(channel.ledger().events()).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("Ping");
            assertThat(new String(event.payload(), StandardCharsets.UTF_8)).isEqualTo(written);
        });
        assertThat(channel.evaluate(Officer.of(ZHUHAI, "auditor"), (c, ctx) -> c.getPing(ctx, "ping-1")))
                .isEqualTo(written);
    }

    @Test
    void bench_write_puts_one_key_in_its_own_namespace_and_nothing_else() {
        channel.submit(Officer.of(MACAU, "admin"), (c, ctx) -> {
            c.benchWrite(ctx, "r1");
            return "";
        });

        assertThat(channel.ledger().exchangeState()).containsOnlyKeys("bench~r1");
        assertThat(channel.ledger().events()).isEmpty();
    }

    @Test
    void bench_write_is_out_of_an_officers_reach() {
        for (String role : List.of("liaison", "approver", "auditor")) {
            ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class,
                    () -> channel.submit(Officer.of(MACAU, role), (c, ctx) -> {
                        c.benchWrite(ctx, "r2");
                        return "";
                    }));

            assertThat(ErrorCode.of(refusal)).as(role).isEqualTo(ErrorCode.UNAUTHORIZED);
        }
        assertThat(channel.ledger().exchangeState()).isEmpty();
    }

    @Test
    void bench_write_refuses_a_key_that_is_not_an_id() {
        ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class,
                () -> channel.submit(Officer.of(MACAU, "admin"), (c, ctx) -> {
                    c.benchWrite(ctx, "request~r1");
                    return "";
                }));

        assertThat(ErrorCode.of(refusal)).isEqualTo(ErrorCode.MALFORMED_ID);
    }

    @Test
    void get_ping_of_an_unknown_id_is_refused_with_not_found() {
        ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class,
                () -> channel.evaluate(liaison, (c, ctx) -> c.getPing(ctx, "never-pinged")));

        assertThat(ErrorCode.of(refusal)).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void ping_with_a_malformed_id_is_refused_and_writes_nothing() {
        ChaincodeException refusal = catchThrowableOfType(ChaincodeException.class,
                () -> channel.submit(liaison, (c, ctx) -> c.ping(ctx, "bad~id")));

        assertThat(ErrorCode.of(refusal)).isEqualTo(ErrorCode.MALFORMED_ID);
        assertThat(channel.ledger().exchangeState()).isEmpty();
    }
}
