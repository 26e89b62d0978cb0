package org.gbx.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.it.TestNetwork.MACAU_ADMIN;
import static org.gbx.it.TestNetwork.MACAU_LIAISON;
import static org.gbx.it.TestNetwork.ZHUHAI_LIAISON;

import org.gbx.it.TestNetwork;
import org.gbx.it.ledger.AttackClient.Call;
import org.gbx.it.ledger.AttackClient.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What a client that does not use gbx can send, and the documented code it gets back from both
 * forces' peers (docs/ledger.md, "Error codes"): malformed calls, personal data in free text or
 * ids however it is spelled, targets that are no force, details asked of the wrong peer, limits.
 */
class ArgumentShapeIT {

    private static final Officers OFFICERS = new Officers();
    private static final ExchangeSteps STEPS = new ExchangeSteps(OFFICERS);

    @AfterAll
    static void close() {
        OFFICERS.close();
    }

    private static Call onBothForces(Call call) {
        return call.endorsedBy("macau", "zhuhai");
    }

    @Test
    void no_arguments_an_empty_name_an_unknown_name_and_a_wrong_count_have_codes() throws Exception {
        Report report = AttackClient.as(MACAU_LIAISON)
                .call(onBothForces(Call.raw()))
                .call(onBothForces(Call.raw((String) null)))
                .call(onBothForces(Call.of("DropAllRequests")))
                .call(onBothForces(Call.of("CreateRequest", TestNetwork.uniqueId("atk-args"))))
                .run();

        assertThat(report.outcomes()).extracting(o -> o.refusalCodes()).containsExactly(
                java.util.List.of("UNKNOWN_TRANSACTION", "UNKNOWN_TRANSACTION"),
                java.util.List.of("UNKNOWN_TRANSACTION", "UNKNOWN_TRANSACTION"),
                java.util.List.of("UNKNOWN_TRANSACTION", "UNKNOWN_TRANSACTION"),
                java.util.List.of("MALFORMED_ARGUMENTS", "MALFORMED_ARGUMENTS"));
    }

    @Test
    void personal_data_in_any_spelling_is_refused_by_both_forces() throws Exception {
        String[] purposes = {
            "Locate the caller of +853 6612 3456 in a fraud case",
            "Identify the holder of ID \u0665\u0662\u0661\u0665\u0662\u0669\u0669(\u0663)",
            "Trace the car of WONG Ka Fai, MX-12-34, at Gongbei",
            "Cross-border car \u7ca4Z\u00b7B246\u6fb3 seen at Hengqin",
            "Mainland ID \uff14\uff14\uff10\uff14\uff10\uff12\uff11\uff19\uff18\uff17\uff10\uff15\uff11\uff12\uff13\uff10\uff12X",
            "Phone 138\u20130013\u20138000 used by the crew",
        };
        AttackClient client = AttackClient.as(MACAU_LIAISON);
        for (String purpose : purposes) {
            client.call(onBothForces(Call.of("CreateRequest", TestNetwork.uniqueId("atk-pd"),
                    ForgedEndorsementIT.requestJson().replace("Trace cross-border movements in a loan-sharking investigation",
                            purpose)).withTransient("details", SyntheticCase.DETAILS.text())));
        }
        client.call(onBothForces(Call.of("CreateRequest", "REQ-5215299-3", ForgedEndorsementIT.requestJson())
                .withTransient("details", SyntheticCase.DETAILS.text())));

        assertThat(client.run().outcomes()).allSatisfy(outcome ->
                assertThat(outcome.refusalCodes()).containsOnly("PERSONAL_DATA_SUSPECTED"));
    }

    @Test
    void the_benchmark_write_is_out_of_an_officers_reach() throws Exception {
        Report report = AttackClient.as(MACAU_LIAISON)
                .call(onBothForces(Call.of("BenchWrite", TestNetwork.uniqueId("atk-bench"))))
                .run();
        Report admin = AttackClient.as(MACAU_ADMIN)
                .call(onBothForces(Call.of("BenchWrite", TestNetwork.uniqueId("atk-bench"))).submitted()
                        .waitingOn("zhuhai"))
                .run();

        assertThat(report.only().refusalCodes()).containsOnly("UNAUTHORIZED");
        assertThat(admin.only().validationCodeOn("zhuhai")).isEqualTo("VALID");
    }

    @Test
    void an_unknown_target_is_an_invalid_target() throws Exception {
        Report report = AttackClient.as(MACAU_LIAISON)
                .call(onBothForces(Call.of("CreateRequest", TestNetwork.uniqueId("atk-target"),
                        ForgedEndorsementIT.requestJson().replace("ZhuhaiPSBMSP", "ShenzhenPSBMSP"))
                        .withTransient("details", SyntheticCase.DETAILS.text())))
                .run();

        assertThat(report.only().refusalCodes()).containsOnly("INVALID_TARGET");
    }

    @Test
    void a_liaison_reading_details_through_the_other_forces_peer_gets_details_unavailable() throws Exception {
        String id = STEPS.newRequest();

        Report report = AttackClient.as(ZHUHAI_LIAISON)
                .call(Call.of("GetPrivateDetails", id).endorsedBy("macau"))
                .call(Call.of("GetPrivateDetails", id).endorsedBy("zhuhai"))
                .run();

        assertThat(report.outcomes().get(0).refusalCodes()).containsOnly("DETAILS_UNAVAILABLE");
        assertThat(report.outcomes().get(1).endorsementBy("zhuhai").payload()).isEqualTo(SyntheticCase.DETAILS.text());
    }

    @Test
    void list_requests_takes_page_sizes_from_1_to_500() throws Exception {
        Report report = AttackClient.as(MACAU_LIAISON)
                .call(Call.of("ListRequests", "MacauPJMSP", "", "500", "").endorsedBy("macau"))
                .call(Call.of("ListRequests", "MacauPJMSP", "", "501", "").endorsedBy("macau"))
                .call(Call.of("ListRequests", "MacauPJMSP", "", "0", "").endorsedBy("macau"))
                .run();

        assertThat(report.outcomes()).extracting(o -> o.refusalCodes().get(0))
                .containsExactly("", "INVALID_VALUE", "INVALID_VALUE");
    }
}
