package org.gbx.it.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gbx.it.TestNetwork.MACAU_APPROVER;
import static org.gbx.it.TestNetwork.MACAU_LIAISON;
import static org.gbx.it.TestNetwork.OVERSIGHT_AUDITOR;
import static org.gbx.it.TestNetwork.ZHUHAI_APPROVER;
import static org.gbx.it.TestNetwork.ZHUHAI_LIAISON;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.crypto.DetailsSealing;
import org.gbx.client.ledger.ChaincodeRefusalException;
import org.gbx.client.model.DetailsCheck;
import org.gbx.client.model.SealedDetails;
import org.gbx.it.TestNetwork;
import org.gbx.it.TestNetwork.User;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The case details of a request live only on the two forces' peers, and only sealed: both forces'
 * officers read the sealed copy back byte for byte and open it with the request's key, the
 * committee sees only that its hash matches, and neither the public state nor the block that
 * carried its creation holds any personal data.
 */
class CaseDetailsPrivacyIT {

    private static final Officers OFFICERS = new Officers();
    private static final ExchangeSteps STEPS = new ExchangeSteps(OFFICERS);
    private static String requestId;
    private static long creationBlock;

    @BeforeAll
    static void createRequest() {
        requestId = TestNetwork.uniqueId("it-privacy");
        creationBlock = STEPS.create(requestId).receipt().blockNumber();
    }

    @AfterAll
    static void close() {
        OFFICERS.close();
    }

    @Test
    void both_forces_liaison_and_approver_read_the_sealed_details_from_their_own_peer() {
        DetailsSealing.Sealing sent = STEPS.sealingOf(requestId);
        for (User officer : List.of(MACAU_LIAISON, MACAU_APPROVER, ZHUHAI_LIAISON, ZHUHAI_APPROVER)) {
            SealedDetails stored = OFFICERS.ledger(officer).getPrivateDetails(requestId);
            assertThat(stored.bytes()).as("sealed details read by %s", officer).isEqualTo(sent.sealed().bytes());
            assertThat(SyntheticCase.personalDataIn(stored.bytes())).isEmpty();
            assertThat(DetailsSealing.open(requestId, stored, sent.key()).bytes()).isEqualTo(SyntheticCase.DETAILS.bytes());
        }
    }

    @Test
    void the_committee_cannot_read_the_details_but_sees_the_matching_hash() throws Exception {
        ChaincodeRefusalException refusal = catchThrowableOfType(ChaincodeRefusalException.class,
                () -> OFFICERS.ledger(OVERSIGHT_AUDITOR).getPrivateDetails(requestId));
        assertThat(refusal).as("the committee reading case details").isNotNull();
        assertThat(refusal.code()).isEqualTo("UNAUTHORIZED");

        DetailsCheck check = OFFICERS.ledger(OVERSIGHT_AUDITOR).verifyDetailsHash(requestId);
        // the ledger's hash commits to the sealed envelope, never to the plain details
        String sentHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(STEPS.sealingOf(requestId).sealed().bytes()));
        assertThat(check.matches()).isTrue();
        assertThat(check.detailsHash()).isEqualTo(sentHash);
        assertThat(check.requesterCopyHash()).isEqualTo(sentHash);
        assertThat(check.targetCopyHash()).isEqualTo(sentHash);
    }

    @Test
    void the_public_record_and_its_history_hold_no_personal_data() throws Exception {
        // The raw JSON the chaincode returns, not the facade's typed view: nothing may hide in extra fields.
        Contract contract = OFFICERS.connection(OVERSIGHT_AUDITOR).contract();
        String publicRecord = new String(contract.evaluateTransaction("GetRequest", requestId), StandardCharsets.UTF_8);
        String history = new String(contract.evaluateTransaction("GetHistory", requestId), StandardCharsets.UTF_8);

        assertThat(publicRecord).contains(requestId).contains("\"detailsHash\"");
        assertThat(SyntheticCase.personalDataIn(publicRecord)).isEmpty();
        assertThat(SyntheticCase.personalDataIn(history)).isEmpty();
    }

    @Test
    void the_block_that_created_the_request_holds_no_personal_data() throws Exception {
        // Private writes travel as hashes and transient data never enters a block: check the raw bytes.
        LedgerConnection committee = OFFICERS.connection(OVERSIGHT_AUDITOR);
        try (CloseableIterator<Block> blocks = committee.network().newBlockEventsRequest().startBlock(creationBlock)
                .build().getEvents(CallOption.deadlineAfter(30, TimeUnit.SECONDS))) {
            Block block = blocks.next();
            assertThat(block.getHeader().getNumber()).isEqualTo(creationBlock);
            assertThat(new String(block.toByteArray(), StandardCharsets.ISO_8859_1)).contains(requestId);
            assertThat(SyntheticCase.personalDataIn(block.toByteArray())).isEmpty();
        }
    }
}
