package org.gbx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gbx.chaincode.testing.Forces.MACAU;
import static org.gbx.chaincode.testing.Forces.OVERSIGHT;
import static org.gbx.chaincode.testing.Forces.ZHUHAI;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.ledger.LedgerJson;
import org.gbx.chaincode.ledger.LedgerKeys;
import org.gbx.chaincode.model.ExchangeRequest;
import org.gbx.chaincode.model.LookupIdType;
import org.gbx.chaincode.model.LookupKey;
import org.gbx.chaincode.model.LookupQuota;
import org.gbx.chaincode.model.LookupRecord;
import org.gbx.chaincode.rules.LookupRules;
import org.gbx.chaincode.testing.DecodedKeyPolicy;
import org.gbx.chaincode.testing.Exchange;
import org.gbx.chaincode.testing.Officer;
import org.gbx.chaincode.testing.Refusals;
import org.gbx.chaincode.testing.Samples;
import org.gbx.chaincode.testing.TestChannel;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LookupContractTest {
    /** P-256's generator G and 2G, compressed: real points of the curve. */
    private static final String ZHUHAI_KEY = "036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";
    private static final String ZHUHAI_NEXT_KEY = "037cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978";
    private static final String SET_DIGEST = Hashes.sha256Hex("zhuhai set");

    private final TestChannel channel = new TestChannel();
    private final Exchange exchange = new Exchange(channel);
    private final LookupContract contract = new LookupContract(channel.hostClock());

    private String submit(Officer who, Function<Context, String> transaction) {
        return channel.submit(who, (c, ctx) -> transaction.apply(ctx));
    }

    private ErrorCode refusalOf(Officer who, Function<Context, String> transaction) {
        return Refusals.refusalOf(channel, who, Map.of(), (c, ctx) -> transaction.apply(ctx));
    }

    private static String keyJson(int epoch, String publicKey, long setSize) {
        return """
                {"epoch":%d,"publicKey":"%s","setDigest":"%s","setSize":%d}""".formatted(epoch, publicKey, SET_DIGEST,
                setSize);
    }

    private static String lookupJson(String holder, int epoch, String purpose, String blinded) {
        return """
                {"holderOrg":"%s","idType":"MAINLAND_ID","purpose":"%s",\
                "legalBasis":"Macau Criminal Procedure Code art. 3","blindedHash":"%s","keyEpoch":%d}"""
                .formatted(holder, purpose, blinded, epoch);
    }

    private static String lookupJson(String blinded) {
        return lookupJson(ZHUHAI, 1, "Trace a suspect in a card-skimming case", blinded);
    }

    private LookupRecord lookup(String id, String blinded) {
        return LedgerJson.read(submit(exchange.macauLiaison, ctx -> contract.recordLookup(ctx, id, lookupJson(blinded)))
                .getBytes(StandardCharsets.UTF_8), LookupRecord.class);
    }

    private void publishZhuhaiKey() {
        submit(exchange.zhuhaiLiaison, ctx -> contract.publishLookupKey(ctx, keyJson(1, ZHUHAI_KEY, 1000)));
    }

    @Nested
    class PublishLookupKey {
        @Test
        void puts_the_key_under_its_holders_policy_with_a_marker_in_the_holders_collection() {
            publishZhuhaiKey();
            String key = LedgerKeys.lookupKey(ZHUHAI, 1);
            LookupKey stored = LedgerJson.read(channel.ledger().publicState().get(key), LookupKey.class);
            assertThat(stored.org()).isEqualTo(ZHUHAI);
            assertThat(stored.publicKey()).isEqualTo(ZHUHAI_KEY);
            assertThat(stored.setSize()).isEqualTo(1000);
            DecodedKeyPolicy policy = DecodedKeyPolicy.of(channel.ledger().validationParameter(key));
            assertThat(policy.mspIds()).containsExactly(ZHUHAI);
            assertThat(policy.roles()).containsOnly(MSPRoleType.PEER);
            assertThat(channel.ledger().collection(LedgerKeys.implicitCollection(ZHUHAI)))
                    .containsKey(LedgerKeys.lookupKeyMarker(1));
            assertThat(channel.ledger().events()).last().satisfies(e -> assertThat(e.name()).isEqualTo("LookupKeyPublished"));
        }

        @Test
        void refreshes_the_set_of_an_epoch_and_rotates_only_to_the_next_epoch() {
            publishZhuhaiKey();
            submit(exchange.zhuhaiLiaison, ctx -> contract.publishLookupKey(ctx, keyJson(1, ZHUHAI_KEY, 1200)));
            String latest = channel.evaluate(exchange.macauLiaison, (c, ctx) -> contract.getLookupKey(ctx, ZHUHAI, ""));
            assertThat(LedgerJson.read(latest.getBytes(StandardCharsets.UTF_8), LookupKey.class).setSize()).isEqualTo(1200);
            String otherKey = ZHUHAI_NEXT_KEY;
            assertThat(refusalOf(exchange.zhuhaiLiaison, ctx -> contract.publishLookupKey(ctx, keyJson(1, otherKey, 1))))
                    .isEqualTo(ErrorCode.LOOKUP_KEY_CONFLICT);
            assertThat(refusalOf(exchange.zhuhaiLiaison, ctx -> contract.publishLookupKey(ctx, keyJson(3, otherKey, 1))))
                    .isEqualTo(ErrorCode.LOOKUP_KEY_CONFLICT);
            submit(exchange.zhuhaiLiaison, ctx -> contract.publishLookupKey(ctx, keyJson(2, otherKey, 1)));
            assertThat(channel.evaluate(exchange.macauLiaison, (c, ctx) -> contract.getLookupKey(ctx, ZHUHAI, "")))
                    .contains(otherKey);
            assertThat(channel.evaluate(exchange.macauLiaison, (c, ctx) -> contract.getLookupKey(ctx, ZHUHAI, "1")))
                    .contains(ZHUHAI_KEY);
        }

        @Test
        void is_refused_to_the_committee_and_to_approvers_and_for_malformed_keys() {
            assertThat(refusalOf(exchange.auditor, ctx -> contract.publishLookupKey(ctx, keyJson(1, ZHUHAI_KEY, 1))))
                    .isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(refusalOf(exchange.zhuhaiApprover, ctx -> contract.publishLookupKey(ctx, keyJson(1, ZHUHAI_KEY, 1))))
                    .isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(refusalOf(exchange.zhuhaiLiaison, ctx -> contract.publishLookupKey(ctx, keyJson(1, "04" + "ab".repeat(32), 1))))
                    .isEqualTo(ErrorCode.INVALID_VALUE);
            // Well formed but off the curve: no y for x = 0xabab…ab, nor for x = 1; x = 0xff…ff is not a field element.
            for (String offCurve : List.of("02" + "ab".repeat(32), "03" + "0".repeat(63) + "1", "02" + "ff".repeat(32))) {
                assertThat(refusalOf(exchange.zhuhaiLiaison, ctx -> contract.publishLookupKey(ctx, keyJson(1, offCurve, 1))))
                        .as(offCurve).isEqualTo(ErrorCode.INVALID_VALUE);
            }
            assertThat(refusalOf(exchange.zhuhaiLiaison, ctx -> contract.publishLookupKey(ctx, keyJson(0, ZHUHAI_KEY, 1))))
                    .isEqualTo(ErrorCode.INVALID_VALUE);
        }
    }

    @Nested
    class RecordLookup {
        @BeforeEach
        void zhuhaiHasAKey() {
            publishZhuhaiKey();
        }

        @Test
        void records_the_lookup_under_both_forces_and_counts_it() {
            String blinded = Hashes.sha256Hex("blinded element 1");
            LookupRecord recorded = lookup("lookup-1", blinded);
            assertThat(recorded.askerOrg()).isEqualTo(MACAU);
            assertThat(recorded.holderOrg()).isEqualTo(ZHUHAI);
            assertThat(channel.evaluate(exchange.macauLiaison, (c, ctx) -> c.whoAmI(ctx)))
                    .contains("\"officer\":\"" + recorded.officer() + "\"");
            assertThat(recorded.blindedHash()).isEqualTo(blinded);
            assertThat(recorded.idType()).isEqualTo(LookupIdType.MAINLAND_ID);
            assertThat(recorded.dailySequence()).isEqualTo(1);
            assertThat(recorded.day()).isEqualTo(LookupRules.dayOf(TestChannel.START));
            String key = LedgerKeys.lookup("lookup-1");
            assertThat(DecodedKeyPolicy.of(channel.ledger().validationParameter(key)).mspIds())
                    .containsExactlyInAnyOrder(MACAU, ZHUHAI);
            // the writes only each force's own peers may endorse
            assertThat(channel.ledger().collection(LedgerKeys.implicitCollection(MACAU))).containsKey(key);
            assertThat(channel.ledger().collection(LedgerKeys.implicitCollection(ZHUHAI))).containsKey(key);
            assertThat(channel.ledger().collection(LedgerKeys.implicitCollection(OVERSIGHT))).doesNotContainKey(key);
            assertThat(channel.ledger().events()).last().satisfies(e -> assertThat(e.name()).isEqualTo("LookupRecorded"));
            LookupQuota quota = LedgerJson.read(channel.evaluate(exchange.macauLiaison,
                    (c, ctx) -> contract.getLookupQuota(ctx)).getBytes(StandardCharsets.UTF_8), LookupQuota.class);
            assertThat(quota.used()).isEqualTo(1);
            assertThat(quota.cap()).isEqualTo(LookupRules.DAILY_CAP);
        }

        @Test
        void refuses_the_lookup_past_the_officers_daily_cap_until_the_next_day() {
            for (int i = 1; i <= LookupRules.DAILY_CAP; i++) {
                assertThat(lookup("cap-" + i, Hashes.sha256Hex("b" + i)).dailySequence()).isEqualTo(i);
            }
            assertThat(refusalOf(exchange.macauLiaison,
                    ctx -> contract.recordLookup(ctx, "cap-over", lookupJson(Hashes.sha256Hex("over")))))
                    .isEqualTo(ErrorCode.LOOKUP_CAP_REACHED);
            channel.advance(Duration.ofDays(1));
            assertThat(lookup("next-day", Hashes.sha256Hex("next")).dailySequence()).isEqualTo(1);
        }

        @Test
        void a_replay_returns_the_lookup_and_another_lookup_under_the_same_id_is_refused() {
            String blinded = Hashes.sha256Hex("replayed");
            LookupRecord first = lookup("replay", blinded);
            assertThat(lookup("replay", blinded)).isEqualTo(first);
            assertThat(refusalOf(exchange.macauLiaison,
                    ctx -> contract.recordLookup(ctx, "replay", lookupJson(Hashes.sha256Hex("other")))))
                    .isEqualTo(ErrorCode.LOOKUP_ID_CONFLICT);
        }

        @Test
        void is_refused_to_others_than_a_forces_liaison_and_to_wrong_holders() {
            String blinded = Hashes.sha256Hex("x");
            assertThat(refusalOf(exchange.auditor, ctx -> contract.recordLookup(ctx, "l", lookupJson(blinded))))
                    .isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(refusalOf(exchange.macauApprover, ctx -> contract.recordLookup(ctx, "l", lookupJson(blinded))))
                    .isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(refusalOf(exchange.zhuhaiLiaison, ctx -> contract.recordLookup(ctx, "l", lookupJson(blinded))))
                    .isEqualTo(ErrorCode.INVALID_TARGET);
            assertThat(refusalOf(exchange.macauLiaison, ctx -> contract.recordLookup(ctx, "l",
                    lookupJson(OVERSIGHT, 1, "Trace a suspect", blinded)))).isEqualTo(ErrorCode.INVALID_TARGET);
            assertThat(refusalOf(exchange.zhuhaiLiaison, ctx -> contract.recordLookup(ctx, "l",
                    lookupJson(MACAU, 1, "Trace a suspect", blinded)))).isEqualTo(ErrorCode.LOOKUP_KEY_UNKNOWN);
            assertThat(refusalOf(exchange.macauLiaison, ctx -> contract.recordLookup(ctx, "l",
                    lookupJson(ZHUHAI, 2, "Trace a suspect", blinded)))).isEqualTo(ErrorCode.LOOKUP_KEY_UNKNOWN);
        }

        @Test
        void refuses_identifiers_in_the_purpose_malformed_hashes_and_suspended_forces() {
            assertThat(refusalOf(exchange.macauLiaison, ctx -> contract.recordLookup(ctx, "l",
                    lookupJson(ZHUHAI, 1, "Is 440402199001011234 known", Hashes.sha256Hex("y")))))
                    .isEqualTo(ErrorCode.PERSONAL_DATA_SUSPECTED);
            assertThat(refusalOf(exchange.macauLiaison, ctx -> contract.recordLookup(ctx, "l", lookupJson("ABC"))))
                    .isEqualTo(ErrorCode.INVALID_VALUE);
            channel.submit(exchange.auditor, (c, ctx) -> c.suspendOrg(ctx, ZHUHAI, "Audit of lookups"));
            assertThat(refusalOf(exchange.macauLiaison,
                    ctx -> contract.recordLookup(ctx, "l", lookupJson(Hashes.sha256Hex("z")))))
                    .isEqualTo(ErrorCode.ORG_SUSPENDED);
        }
    }

    @Nested
    class RequestAfterAHit {
        @BeforeEach
        void aLookupOfZhuhai() {
            publishZhuhaiKey();
            lookup("hit-1", Hashes.sha256Hex("hit"));
        }

        private String requestJson(String lookupId) {
            String terms = Samples.requestJson(ZHUHAI, org.gbx.chaincode.model.DataCategory.IDENTITY);
            return terms.substring(0, terms.length() - 1) + ",\"lookupId\":\"" + lookupId + "\"}";
        }

        @Test
        void names_the_request_in_the_lookup() {
            channel.submit(exchange.macauLiaison, TestChannel.details(Samples.CASE_DETAILS),
                    (c, ctx) -> c.createRequest(ctx, "req-hit", requestJson("hit-1")));
            LookupRecord linked = LedgerJson.read(channel.ledger().publicState().get(LedgerKeys.lookup("hit-1")),
                    LookupRecord.class);
            assertThat(linked.requestId()).isEqualTo("req-hit");
            assertThat(exchange.request("req-hit")).extracting(ExchangeRequest::status).hasToString("PENDING");
        }

        @Test
        void refuses_an_unknown_a_used_or_another_forces_lookup() {
            assertThat(Refusals.refusalOf(channel, exchange.macauLiaison, TestChannel.details(Samples.CASE_DETAILS),
                    (c, ctx) -> c.createRequest(ctx, "req-x", requestJson("no-such-lookup"))))
                    .isEqualTo(ErrorCode.NOT_FOUND);
            channel.submit(exchange.macauLiaison, TestChannel.details(Samples.CASE_DETAILS),
                    (c, ctx) -> c.createRequest(ctx, "req-hit", requestJson("hit-1")));
            assertThat(Refusals.refusalOf(channel, exchange.macauLiaison, TestChannel.details(Samples.CASE_DETAILS),
                    (c, ctx) -> c.createRequest(ctx, "req-again", requestJson("hit-1"))))
                    .isEqualTo(ErrorCode.LOOKUP_MISMATCH);
            String zhuhaiAsks = Samples.requestJson(MACAU, org.gbx.chaincode.model.DataCategory.IDENTITY);
            String linked = zhuhaiAsks.substring(0, zhuhaiAsks.length() - 1) + ",\"lookupId\":\"hit-1\"}";
            assertThat(Refusals.refusalOf(channel, exchange.zhuhaiLiaison, TestChannel.details(Samples.CASE_DETAILS),
                    (c, ctx) -> c.createRequest(ctx, "req-z", linked))).isEqualTo(ErrorCode.LOOKUP_MISMATCH);
        }
    }
}
