package org.gbx.client.lookup.oprf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RFC 9497 Appendix A.3 (P256-SHA256): every value of the OPRF and VOPRF test vectors. */
class Rfc9497VectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SEED = HEX.parseHex("a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3");
    private static final byte[] KEY_INFO = "test key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INPUT_1 = HEX.parseHex("00");
    private static final byte[] INPUT_2 = HEX.parseHex("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a");
    private static final BigInteger BLIND_1 = scalar("3338fa65ec36e0290022b48eb562889d89dbfa691d1cde91517fa222ed7ad364");
    private static final BigInteger BLIND_2 = scalar("f9db001266677f62c095021db018cd8cbb55941d4073698ce45c405d1348b7b1");

    @Nested
    class OprfMode_ {
        private final OprfKeyPair key = OprfKeyPair.derive(OprfMode.OPRF, SEED, KEY_INFO);
        private final OprfServer server = new OprfServer(OprfMode.OPRF, key, new SecureRandom());
        private final OprfClient client = new OprfClient(OprfMode.OPRF, null);

        @Test
        void derives_the_vectors_secret_key() {
            assertThat(HEX.formatHex(key.secretKeyBytes()))
                    .isEqualTo("159749d750713afe245d2d39ccfaae8381c53ce92d098a9375ee70739c7ac0bf");
        }

        @Test
        void vector_1() {
            check(INPUT_1, "03723a1e5c09b8b9c18d1dcbca29e8007e95f14f4732d9346d490ffc195110368d",
                    "030de02ffec47a1fd53efcdd1c6faf5bdc270912b8749e783c7ca75bb412958832",
                    "a0b34de5fa4c5b6da07e72af73cc507cceeb48981b97b7285fc375345fe495dd");
        }

        @Test
        void vector_2() {
            check(INPUT_2, "03cc1df781f1c2240a64d1c297b3f3d16262ef5d4cf102734882675c26231b0838",
                    "03a0395fe3828f2476ffcd1f4fe540e5a8489322d398be3c4e5a869db7fcb7c52c",
                    "c748ca6dd327f0ce85f4ae3a8cd6d4d5390bbb804c9e12dcf94f853fece3dcce");
        }

        private void check(byte[] input, String blinded, String evaluated, String output) {
            BlindedInput blind = client.blind(input, BLIND_1);
            assertThat(HEX.formatHex(blind.blindedElementBytes())).isEqualTo(blinded);
            BlindEvaluation evaluation = server.blindEvaluate(blind.blindedElement());
            assertThat(HEX.formatHex(evaluation.evaluatedElementBytes())).isEqualTo(evaluated);
            assertThat(evaluation.proof()).isNull();
            assertThat(HEX.formatHex(client.finalizeEvaluation(blind, evaluation))).isEqualTo(output);
            assertThat(HEX.formatHex(server.evaluate(input))).isEqualTo(output);
        }
    }

    @Nested
    class VoprfMode {
        private final OprfKeyPair key = OprfKeyPair.derive(OprfMode.VOPRF, SEED, KEY_INFO);
        private final OprfServer server = new OprfServer(OprfMode.VOPRF, key, new SecureRandom());
        private final OprfClient client = new OprfClient(OprfMode.VOPRF, key.publicKey());

        @Test
        void derives_the_vectors_key_pair() {
            assertThat(HEX.formatHex(key.secretKeyBytes()))
                    .isEqualTo("ca5d94c8807817669a51b196c34c1b7f8442fde4334a7121ae4736364312fca6");
            assertThat(HEX.formatHex(key.publicKeyBytes()))
                    .isEqualTo("03e17e70604bcabe198882c0a1f27a92441e774224ed9c702e51dd17038b102462");
        }

        @Test
        void vector_1() {
            check(INPUT_1, "02dd05901038bb31a6fae01828fd8d0e49e35a486b5c5d4b4994013648c01277da",
                    "0209f33cab60cf8fe69239b0afbcfcd261af4c1c5632624f2e9ba29b90ae83e4a2",
                    "e7c2b3c5c954c035949f1f74e6bce2ed539a3be267d1481e9ddb178533df4c26"
                            + "64f69d065c604a4fd953e100b856ad83804eb3845189babfa5a702090d6fc5fa",
                    "0412e8f78b02c415ab3a288e228978376f99927767ff37c5718d420010a645a1");
        }

        @Test
        void vector_2() {
            check(INPUT_2, "03cd0f033e791c4d79dfa9c6ed750f2ac009ec46cd4195ca6fd3800d1e9b887dbd",
                    "030d2985865c693bf7af47ba4d3a3813176576383d19aff003ef7b0784a0d83cf1",
                    "2787d729c57e3d9512d3aa9e8708ad226bc48e0f1750b0767aaff73482c44b8d"
                            + "2873d74ec88aebd3504961acea16790a05c542d9fbff4fe269a77510db00abab",
                    "771e10dcd6bcd3664e23b8f2a710cfaaa8357747c4a8cbba03133967b5c24f18");
        }

        /** Vector 3: two inputs under one batched proof. */
        @Test
        void vector_3_batch_of_two() {
            BlindedInput first = client.blind(INPUT_1, BLIND_1);
            BlindedInput second = client.blind(INPUT_2, BLIND_2);
            assertThat(HEX.formatHex(second.blindedElementBytes()))
                    .isEqualTo("03462e9ae64cae5b83ba98a6b360d942266389ac369b923eb3d557213b1922f8ab");
            ECPoint e1 = first.blindedElement().multiply(key.secretKey()).normalize();
            ECPoint e2 = second.blindedElement().multiply(key.secretKey()).normalize();
            assertThat(HEX.formatHex(P256Group.serializeElement(e1)))
                    .isEqualTo("0209f33cab60cf8fe69239b0afbcfcd261af4c1c5632624f2e9ba29b90ae83e4a2");
            assertThat(HEX.formatHex(P256Group.serializeElement(e2)))
                    .isEqualTo("02bb24f4d838414aef052a8f044a6771230ca69c0a5677540fff738dd31bb69771");
            Dleq dleq = new Dleq(OprfMode.VOPRF);
            List<ECPoint> blinded = List.of(first.blindedElement(), second.blindedElement());
            DleqProof proof = dleq.prove(key.secretKey(), P256Group.GENERATOR, key.publicKey(), blinded, List.of(e1, e2),
                    scalar("350e8040f828bf6ceca27405420cdf3d63cb3aef005f40ba51943c8026877963"));
            assertThat(HEX.formatHex(proof.bytes())).isEqualTo(
                    "bdcc351707d02a72ce49511c7db990566d29d6153ad6f8982fad2b435d6ce4d6"
                            + "0da1e6b3fa740811bde34dd4fe0aa1b5fe6600d0440c9ddee95ea7fad7a60cf2");
            assertThat(dleq.verify(P256Group.GENERATOR, key.publicKey(), blinded, List.of(e1, e2), proof)).isTrue();
            assertThat(dleq.verify(P256Group.GENERATOR, key.publicKey(), blinded, List.of(e2, e1), proof)).isFalse();
        }

        private void check(byte[] input, String blinded, String evaluated, String proof, String output) {
            BlindedInput blind = client.blind(input, BLIND_1);
            assertThat(HEX.formatHex(blind.blindedElementBytes())).isEqualTo(blinded);
            BlindEvaluation evaluation = server.blindEvaluate(blind.blindedElement(),
                    scalar("f9db001266677f62c095021db018cd8cbb55941d4073698ce45c405d1348b7b1"));
            assertThat(HEX.formatHex(evaluation.evaluatedElementBytes())).isEqualTo(evaluated);
            assertThat(HEX.formatHex(evaluation.proof().bytes())).isEqualTo(proof);
            assertThat(HEX.formatHex(client.finalizeEvaluation(blind, evaluation))).isEqualTo(output);
            assertThat(HEX.formatHex(server.evaluate(input))).isEqualTo(output);
        }
    }

    private static BigInteger scalar(String hex) {
        return new BigInteger(1, HEX.parseHex(hex));
    }
}
