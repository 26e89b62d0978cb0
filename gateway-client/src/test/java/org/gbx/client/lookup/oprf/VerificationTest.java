package org.gbx.client.lookup.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** The asker refuses any evaluation it cannot tie to the holder's published key. */
class VerificationTest {

    private static final byte[] INPUT = "MAINLAND_ID:440402198803150022".getBytes(StandardCharsets.UTF_8);
    private final SecureRandom random = new SecureRandom();
    private final OprfKeyPair holderKey = OprfKeyPair.generate(random);
    private final OprfServer holder = new OprfServer(OprfMode.VOPRF, holderKey, random);

    @Test
    void an_honest_evaluation_gives_the_holders_own_prf_output() {
        OprfClient asker = new OprfClient(OprfMode.VOPRF, holderKey.publicKey());
        BlindedInput blinded = asker.blind(INPUT, random);
        assertThat(asker.finalizeEvaluation(blinded, holder.blindEvaluate(blinded.blindedElement())))
                .isEqualTo(holder.evaluate(INPUT));
    }

    @Test
    void a_forged_proof_is_rejected() {
        OprfClient asker = new OprfClient(OprfMode.VOPRF, holderKey.publicKey());
        BlindedInput blinded = asker.blind(INPUT, random);
        BlindEvaluation honest = holder.blindEvaluate(blinded.blindedElement());
        DleqProof forged = new DleqProof(honest.proof().c(), honest.proof().s().add(BigInteger.ONE));
        assertThatThrownBy(() -> asker.finalizeEvaluation(blinded, new BlindEvaluation(honest.evaluatedElement(), forged)))
                .isInstanceOfSatisfying(OprfException.class,
                        e -> assertThat(e.reason()).isEqualTo(OprfException.Reason.PROOF_REJECTED));
        assertThatThrownBy(() -> asker.finalizeEvaluation(blinded, new BlindEvaluation(honest.evaluatedElement(), null)))
                .isInstanceOf(OprfException.class);
    }

    /** The holder answers with another key (e.g. one kept per asker to tag it): the proof gives it away. */
    @Test
    void an_evaluation_with_a_key_other_than_the_published_one_is_rejected() {
        OprfClient asker = new OprfClient(OprfMode.VOPRF, holderKey.publicKey());
        BlindedInput blinded = asker.blind(INPUT, random);
        OprfServer otherKey = new OprfServer(OprfMode.VOPRF, OprfKeyPair.generate(random), random);
        assertThatThrownBy(() -> asker.finalizeEvaluation(blinded, otherKey.blindEvaluate(blinded.blindedElement())))
                .isInstanceOfSatisfying(OprfException.class,
                        e -> assertThat(e.reason()).isEqualTo(OprfException.Reason.PROOF_REJECTED));
    }

    /** The right evaluation checked against a wrong key (a stale or substituted pkS) is refused too. */
    @Test
    void a_wrong_public_key_on_the_askers_side_is_rejected() {
        OprfClient asker = new OprfClient(OprfMode.VOPRF, OprfKeyPair.generate(random).publicKey());
        BlindedInput blinded = asker.blind(INPUT, random);
        assertThatThrownBy(() -> asker.finalizeEvaluation(blinded, holder.blindEvaluate(blinded.blindedElement())))
                .isInstanceOf(OprfException.class);
    }

    @Test
    void blinding_hides_the_input_a_fresh_blind_each_time() {
        OprfClient asker = new OprfClient(OprfMode.VOPRF, holderKey.publicKey());
        assertThat(asker.blind(INPUT, random).blindedElementBytes()).isNotEqualTo(asker.blind(INPUT, random)
                .blindedElementBytes());
    }

    @Test
    void malformed_elements_and_scalars_are_refused() {
        byte[] xBeyondField = new byte[P256Group.ELEMENT_BYTES];
        java.util.Arrays.fill(xBeyondField, (byte) 0xff);
        xBeyondField[0] = 0x02;
        assertThatThrownBy(() -> P256Group.deserializeElement(new byte[] {0})).isInstanceOf(OprfException.class);
        byte[] notOnCurve = P256Group.serializeElement(holderKey.publicKey());
        notOnCurve[0] = 0x04;
        assertThatThrownBy(() -> P256Group.deserializeElement(notOnCurve)).isInstanceOf(OprfException.class);
        byte[] allOnes = new byte[DleqProof.BYTES];
        java.util.Arrays.fill(allOnes, (byte) 0xff);
        assertThatThrownBy(() -> DleqProof.parse(allOnes)).isInstanceOf(OprfException.class);
        ECPoint decoded = P256Group.deserializeElement(holderKey.publicKeyBytes());
        assertThat(decoded).isEqualTo(holderKey.publicKey());
        assertThatThrownBy(() -> P256Group.deserializeElement(xBeyondField)).isInstanceOf(OprfException.class);
    }
}
