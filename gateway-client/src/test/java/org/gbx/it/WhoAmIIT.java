package org.gbx.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.ledger.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WhoAmIIT {

    static Stream<TestNetwork.User> users() {
        return TestNetwork.ALL_USERS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void reports_the_msp_and_role_of_the_enrolment_certificate(TestNetwork.User user) {
        try (LedgerConnection connection = TestNetwork.connect(user)) {
            Caller caller = TestNetwork.ledger(connection).whoAmI();

            assertThat(caller.mspId()).isEqualTo(user.mspId());
            assertThat(caller.role()).isEqualTo(user.role());
            assertThat(caller.officer()).isNotBlank().doesNotContain(user.name());
        }
    }
}
