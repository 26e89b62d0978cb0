package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.chaincode.model.DataCategory.IDENTITY;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.ledger.LedgerJson;
import org.gbx.chaincode.model.Endorsement;
import org.gbx.chaincode.model.EndorsementStatus;
import org.gbx.chaincode.model.Identity;
import org.gbx.chaincode.model.Status;
import org.gbx.chaincode.testing.DecodedKeyPolicy;
import org.gbx.chaincode.testing.Exchange;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.Refusals;
import org.gbx.chaincode.testing.SampleTree;
import org.gbx.chaincode.testing.Samples;
import org.gbx.chaincode.testing.TestChannel;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RequestEndorsement, RecordEndorsement and GetEndorsement: evidence endorsement (異地簽註). */
class EvidenceEndorsementTest {
    private static final String ID = "req-2025-0100";
    private static final int LEAF = 4;

    private final TestChannel channel = new TestChannel();
    private final Exchange exchange = new Exchange(channel);
    private final SampleTree tree = new SampleTree(6);
    private final byte[] signature = "cms-signature".getBytes(StandardCharsets.UTF_8);
    private final String deliveryTxId = Hashes.sha256Hex("delivery-tx");

    private ErrorCode refusalOf(Officer who, BiFunction<ExchangeContract, Context, String> transaction) {
        return Refusals.refusalOf(channel, who, Map.of(), transaction);
    }

    /** A request received intact whose delivery carries the sample tree's root. */
    private void receivedDelivery(String id) {
        exchange.bringTo(id, Status.APPROVED);
        channel.submit(exchange.zhuhaiLiaison, (c, ctx) -> c.recordDelivery(ctx, id, """
                {"packageHash":"%s","merkleRoot":"%s","recordCount":4,"sizeBytes":4096,\
                "sourceReliability":"B","informationAccuracy":2,"categories":["IDENTITY"]}"""
                .formatted(Samples.packageHash(id), tree.root())));
        exchange.receive(id);
    }

    private String askJson(int leaf) {
        return askJson(tree.leaf(leaf));
    }

    private static String askJson(String leafHash) {
        return """
                {"leafHash":"%s"}""".formatted(leafHash);
    }

    private String signatureJson(List<String> proof) {
        return signatureJson(LEAF, proof);
    }

    private String signatureJson(int index, List<String> proof) {
        return """
                {"signature":"%s","deliveryTxId":"%s","leafIndex":%d,"leafCount":%d,"proof":%s}"""
                .formatted(Base64.getEncoder().encodeToString(signature), deliveryTxId, index, tree.size(), LedgerJson.write(proof));
    }

    private String ask(int leaf) {
        return channel.submit(exchange.macauLiaison, (c, ctx) -> c.requestEndorsement(ctx, ID, askJson(leaf)));
    }

    private String endorse(int leaf) {
        return channel.submit(exchange.zhuhaiApprover,
                (c, ctx) -> c.recordEndorsement(ctx, ID, tree.leaf(leaf), signatureJson(leaf, tree.path(leaf))));
    }

    private Endorsement endorsement(int leaf) {
        return LedgerJson.read(channel.evaluate(exchange.auditor, (c, ctx) -> c.getEndorsement(ctx, ID,
                tree.leaf(leaf))).getBytes(StandardCharsets.UTF_8), Endorsement.class);
    }

    private String officerOf(Officer who) {
        return LedgerJson.read(channel.evaluate(who, (c, ctx) -> c.whoAmI(ctx)).getBytes(StandardCharsets.UTF_8),
                Identity.class).officer();
    }

    @Nested
    class RequestEndorsement {
        @Test
        void records_the_asked_leaf_with_the_delivery_it_belongs_to_under_both_forces_policy() {
            receivedDelivery(ID);
            ask(LEAF);

            Endorsement asked = endorsement(LEAF);
            assertThat(asked.status()).isEqualTo(EndorsementStatus.REQUESTED);
            assertThat(asked.leafHash()).isEqualTo(tree.leaf(LEAF));
            assertThat(asked.merkleRoot()).isEqualTo(tree.root());
            assertThat(asked.packageHash()).isEqualTo(Samples.packageHash(ID));
            assertThat(asked.requestedBy()).isEqualTo(officerOf(exchange.macauLiaison));
            assertThat(channel.ledger().events()).last().extracting(e -> e.name()).isEqualTo("EndorsementRequested");
            DecodedKeyPolicy policy = DecodedKeyPolicy.of(channel.ledger().validationParameter(
                    channel.ledger().publicState().keySet().stream().filter(k -> k.contains("endorsement"))
                            .findFirst().orElseThrow()));
            assertThat(policy.mspIds()).containsExactlyInAnyOrder(MACAU, ZHUHAI);
            assertThat(policy.roles()).containsOnly(MSPRoleType.PEER);
            assertThat(policy.required()).isEqualTo(2);
        }

        @Test
        void replayed_returns_the_same_record() {
            receivedDelivery(ID);
            String first = ask(LEAF);
            assertThat(ask(LEAF)).isEqualTo(first);
        }

        @Test
        void only_a_liaison_of_the_requesting_force_asks() {
            receivedDelivery(ID);
            for (Officer other : List.of(exchange.macauApprover, exchange.zhuhaiLiaison, exchange.zhuhaiApprover,
                    exchange.auditor)) {
                assertThat(refusalOf(other, (c, ctx) -> c.requestEndorsement(ctx, ID, askJson(LEAF))))
                        .isEqualTo(ErrorCode.UNAUTHORIZED);
            }
        }

        @Test
        void refused_before_receipt_and_after_destruction() {
            exchange.bringTo(ID, Status.DELIVERED);
            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.requestEndorsement(ctx, ID, askJson(LEAF))))
                    .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            exchange.bringTo("req-destroyed", Status.DESTROYED);
            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.requestEndorsement(ctx, "req-destroyed",
                    askJson(LEAF)))).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        }

        @Test
        void refused_while_a_force_is_suspended() {
            receivedDelivery(ID);
            channel.submit(exchange.auditor, (c, ctx) -> c.suspendOrg(ctx, ZHUHAI, "Audit"));
            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.requestEndorsement(ctx, ID, askJson(LEAF))))
                    .isEqualTo(ErrorCode.ORG_SUSPENDED);
        }

        @Test
        void malformed_asks_and_unknown_requests_are_refused() {
            receivedDelivery(ID);
            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.requestEndorsement(ctx, ID, """
                    {"leafHash":"not-hex"}"""))).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.requestEndorsement(ctx, ID, """
                    {}"""))).isEqualTo(ErrorCode.MISSING_FIELD);
            assertThat(refusalOf(exchange.macauLiaison, (c, ctx) -> c.requestEndorsement(ctx, "req-none",
                    askJson(LEAF)))).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @Nested
    class RecordEndorsement {
        @Test
        void records_the_signature_hash_and_the_approver_when_the_proof_reaches_the_delivered_root() {
            receivedDelivery(ID);
            ask(LEAF);
            endorse(LEAF);

            Endorsement endorsed = endorsement(LEAF);
            assertThat(endorsed.status()).isEqualTo(EndorsementStatus.ENDORSED);
            assertThat(endorsed.signatureHash()).isEqualTo(Hashes.sha256Hex(signature));
            assertThat(Base64.getDecoder().decode(endorsed.signature())).isEqualTo(signature);
            assertThat(endorsed.endorsementTxId()).isNotBlank();
            assertThat(endorsed.proof()).isEqualTo(tree.path(LEAF));
            assertThat(endorsed.deliveryTxId()).isEqualTo(deliveryTxId);
            assertThat(endorsed.endorsedBy()).isEqualTo(officerOf(exchange.zhuhaiApprover));
            assertThat(channel.ledger().events()).last().extracting(e -> e.name()).isEqualTo("RecordEndorsed");
        }

        @Test
        void a_record_that_was_not_in_the_delivery_cannot_be_endorsed() {
            receivedDelivery(ID);
            String outsider = new SampleTree(7).leaf(6);
            channel.submit(exchange.macauLiaison, (c, ctx) -> c.requestEndorsement(ctx, ID, askJson(outsider)));
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID,
                    outsider, signatureJson(tree.path(LEAF))))).isEqualTo(ErrorCode.NOT_IN_DELIVERY);
        }

        @Test
        void a_proof_of_another_leaf_or_an_altered_proof_is_refused() {
            receivedDelivery(ID);
            ask(LEAF);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID,
                    tree.leaf(LEAF), signatureJson(tree.path(1))))).isEqualTo(ErrorCode.NOT_IN_DELIVERY);
            List<String> altered = new java.util.ArrayList<>(tree.path(LEAF));
            altered.set(0, tree.root());
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID,
                    tree.leaf(LEAF), signatureJson(altered)))).isEqualTo(ErrorCode.NOT_IN_DELIVERY);
        }

        @Test
        void only_an_approver_of_the_delivering_force_endorses() {
            receivedDelivery(ID);
            ask(LEAF);
            for (Officer other : List.of(exchange.macauApprover, exchange.macauLiaison, exchange.zhuhaiLiaison,
                    exchange.auditor)) {
                assertThat(refusalOf(other, (c, ctx) -> c.recordEndorsement(ctx, ID, tree.leaf(LEAF),
                        signatureJson(tree.path(LEAF))))).isEqualTo(ErrorCode.UNAUTHORIZED);
            }
        }

        @Test
        void refused_without_an_ask_and_when_already_endorsed() {
            receivedDelivery(ID);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID,
                    tree.leaf(LEAF), signatureJson(tree.path(LEAF))))).isEqualTo(ErrorCode.NOT_FOUND);
            ask(LEAF);
            endorse(LEAF);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID,
                    tree.leaf(LEAF), signatureJson(tree.path(LEAF))))).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        }

        @Test
        void refused_once_the_data_is_destroyed_or_a_force_suspended() {
            receivedDelivery(ID);
            ask(LEAF);
            channel.submit(exchange.auditor, (c, ctx) -> c.suspendOrg(ctx, MACAU, "Audit"));
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID,
                    tree.leaf(LEAF), signatureJson(tree.path(LEAF))))).isEqualTo(ErrorCode.ORG_SUSPENDED);
            channel.submit(exchange.auditor, (c, ctx) -> c.unsuspendOrg(ctx, MACAU, "Audit closed"));
            exchange.destroy(ID);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID,
                    tree.leaf(LEAF), signatureJson(tree.path(LEAF))))).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        }

        @Test
        void malformed_arguments_are_refused() {
            receivedDelivery(ID);
            ask(LEAF);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID, "four",
                    signatureJson(tree.path(LEAF))))).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID, tree.leaf(LEAF),
                    signatureJson(6, tree.path(LEAF))))).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID,
                    tree.leaf(LEAF), """
                    {"signature":"c2ln","proof":[]}"""))).isEqualTo(ErrorCode.MISSING_FIELD);
            assertThat(refusalOf(exchange.zhuhaiApprover, (c, ctx) -> c.recordEndorsement(ctx, ID,
                    tree.leaf(LEAF), signatureJson(List.of("xyz"))))).isEqualTo(ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class GetEndorsement {
        @Test
        void any_role_reads_it_and_an_unasked_leaf_is_not_found() {
            receivedDelivery(ID);
            ask(LEAF);
            assertThat(channel.evaluate(exchange.zhuhaiLiaison, (c, ctx) -> c.getEndorsement(ctx, ID, tree.leaf(LEAF))))
                    .contains("\"status\":\"REQUESTED\"");
            assertThat(Refusals.refusalOf(channel, exchange.auditor, Map.of(),
                    (c, ctx) -> c.getEndorsement(ctx, ID, tree.leaf(3)))).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }
}
