package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.chaincode.model.DataCategory.IDENTITY;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.gbx.chaincode.testing.FakeStub;
import org.gbx.chaincode.testing.InMemoryLedger;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.Samples;
import org.gbx.chaincode.testing.TestChannel;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transactions reached the way the peer reaches them: through the shim's ContractRouter,
 * by their PascalCase names, with the error code in the response payload.
 */
class ContractRoutingTest {
    private static ContractRouter router;

    private final InMemoryLedger ledger = new InMemoryLedger();

    @BeforeAll
    static void discoverTheContract() throws Exception {
        router = new ContractRouter(new String[] {"--id", "exchange_1:test"});
        ChaincodeServer.keepArgumentsOutOfLogs();
        router.startRouterWithChaincodeServer(new org.hyperledger.fabric.shim.ChaincodeServer() {
            @Override
            public void start() {
                // the router is only wanted for routing; no network
            }

            @Override
            public void stop() {
            }
        });
    }

    /** The router as the chaincode server runs it: behind the check of the arguments' shape. */
    private static TransactionArguments server;

    @BeforeAll
    static void checkTheArgumentsFirst() {
        server = new TransactionArguments(router, new String[] {"--id", "exchange_1:test"});
    }

    @BeforeEach
    void registerTheForces() {
        for (String force : List.of(MACAU, ZHUHAI)) {
            assertThat(invoke(TestChannel.COMMITTEE_ADMIN, Map.of(), "RegisterForce", force).getStatus())
                    .isEqualTo(Response.Status.SUCCESS);
        }
    }

    /** The routed contract reads the real clock: proposals are made now. */
    private Response invoke(Officer who, Map<String, byte[]> transientData, String function, String... args) {
        FakeStub stub = new FakeStub(ledger, Instant.now(), who.creator(), who.mspId(), transientData)
                .withArgs(function, args);
        Response response = server.invoke(stub);
        if (response.getStatus() == Response.Status.SUCCESS) {
            stub.commit();
        }
        return response;
    }

    @Test
    void a_call_with_no_arguments_at_all_is_refused_with_a_code() {
        FakeStub stub = new FakeStub(ledger, Instant.now(), Officer.of(MACAU, "liaison").creator(), MACAU, Map.of());

        assertRefused(server.invoke(stub), "UNKNOWN_TRANSACTION");
    }

    @Test
    void an_unknown_or_empty_transaction_name_is_refused_with_a_code() {
        assertRefused(invoke(Officer.of(MACAU, "liaison"), Map.of(), "DropTables"), "UNKNOWN_TRANSACTION");
        assertRefused(invoke(Officer.of(MACAU, "liaison"), Map.of(), ""), "UNKNOWN_TRANSACTION");
    }

    @Test
    void a_known_transaction_with_the_wrong_number_of_arguments_is_refused_with_a_code() {
        assertRefused(invoke(Officer.of(MACAU, "liaison"), Map.of(), "CreateRequest", "req-short"), "MALFORMED_ARGUMENTS");
        assertRefused(invoke(Officer.of(MACAU, "liaison"), Map.of(), "WhoAmI", "extra"), "MALFORMED_ARGUMENTS");
        assertThat(ledger.publicState()).noneSatisfy((key, value) -> assertThat(key).startsWith("request~"));
    }

    private static void assertRefused(Response response, String code) {
        assertThat(response.getStatus()).isEqualTo(Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(new String(response.getPayload(), StandardCharsets.UTF_8)).isEqualTo(code);
        assertThat(response.getMessage()).startsWith(code + ": ");
    }

    @Test
    void who_am_i_is_reachable_by_its_bare_pascal_case_name() {
        Response response = invoke(Officer.of(ZHUHAI, "approver"), Map.of(), "WhoAmI");

        assertThat(response.getStatus()).isEqualTo(Response.Status.SUCCESS);
        assertThat(response.getStringPayload()).contains("\"mspId\":\"ZhuhaiPSBMSP\"", "\"role\":\"approver\"");
    }

    @Test
    void create_request_takes_its_details_from_the_transient_map() {
        Response response = invoke(Officer.of(MACAU, "liaison"), TestChannel.details(Samples.CASE_DETAILS),
                "CreateRequest", "req-routed", Samples.requestJson(ZHUHAI, IDENTITY));

        assertThat(response.getStatus()).isEqualTo(Response.Status.SUCCESS);
        assertThat(response.getStringPayload()).contains("\"status\":\"PENDING\"");
        assertThat(ledger.publicState()).containsKey("request~req-routed");
    }

    @Test
    void the_router_does_not_log_transaction_arguments() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger routerLog = Logger.getLogger(ContractRouter.class.getName());
        routerLog.addHandler(capture);
        try {
            invoke(Officer.of(MACAU, "liaison"), TestChannel.details(Samples.CASE_DETAILS),
                    "CreateRequest", "req-quiet", Samples.requestJson(ZHUHAI, IDENTITY));
        } finally {
            routerLog.removeHandler(capture);
        }

        assertThat(ledger.publicState()).containsKey("request~req-quiet");
        assertThat(logged).noneMatch(line -> line.contains("req-quiet") || line.contains("card-skimming"));
    }

    @Test
    void a_refusal_reaches_the_client_with_the_error_code_as_payload_and_in_the_message() {
        Response response = invoke(Officer.of(ZHUHAI, "liaison"), Map.of(), "GetRequest", "req-unknown");

        assertThat(response.getStatus()).isEqualTo(Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(new String(response.getPayload(), StandardCharsets.UTF_8)).isEqualTo("NOT_FOUND");
        assertThat(response.getMessage()).startsWith("NOT_FOUND: ");
    }
}
