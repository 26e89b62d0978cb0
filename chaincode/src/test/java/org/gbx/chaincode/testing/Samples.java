package org.gbx.chaincode.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.gbx.chaincode.identity.Hashes;
import org.gbx.chaincode.model.DataCategory;

/** Synthetic but realistic test data; the personal data appears only in the case details. */
public final class Samples {
    public static final Instant EXPIRES_AT = TestChannel.START.plus(Duration.ofDays(10));
    public static final Instant DESTROY_BY = TestChannel.START.plus(Duration.ofDays(20));

    /** Identifiers that must never reach public state, events or logs. */
    public static final List<String> PERSONAL_DATA =
            List.of("1234567(8)", "440402199001011234", "MX-12-34", "粤C·D12345", "陳大文", "+853 6612 3456");

    /** Case details as an officer writes them: what gbx seals and no peer may ever store. */
    public static final String PLAIN_CASE_DETAILS = """
            {"subjects":[{"name":"陳大文","macauId":"1234567(8)","phone":"+853 6612 3456"},\
            {"mainlandId":"440402199001011234"}],\
            "vehicles":["MX-12-34","粤C·D12345"],\
            "narrative":"Suspected card-skimming crew crossing at Gongbei port, meeting in Hengqin."}""";

    /**
     * Case details as they reach the chaincode: a sealed envelope (gbx-sealed-details/1). The
     * chaincode never decrypts, so any ciphertext of the right shape stands for one here.
     */
    public static final String CASE_DETAILS = sealed("the ciphertext of " + PLAIN_CASE_DETAILS.length() + " bytes");

    /** An envelope of the sealed format around bytes derived from {@code seed}. */
    public static String sealed(String seed) {
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        byte[] ciphertext = java.util.HexFormat.of().parseHex(Hashes.sha256Hex(seed) + Hashes.sha256Hex(seed + "/2"));
        byte[] nonce = java.util.Arrays.copyOf(java.util.HexFormat.of().parseHex(Hashes.sha256Hex(seed + "/nonce")), 12);
        return "{\"ciphertext\":\"" + base64.encodeToString(ciphertext) + "\",\"format\":\"gbx-sealed-details/1\","
                + "\"keyCommitment\":\"" + Hashes.sha256Hex(seed + "/key") + "\",\"nonce\":\""
                + base64.encodeToString(nonce) + "\"}";
    }

    private Samples() {
    }

    public static String requestJson(String targetOrg, DataCategory... categories) {
        return """
                {"targetOrg":"%s","purpose":"Trace cross-border movements in a card-skimming investigation",\
                "legalBasis":"Macau Criminal Procedure Code art. 3; Zhuhai-Macau liaison arrangement",\
                "handlingCode":"H1","categories":%s,"urgency":"NORMAL","retentionDays":30}"""
                .formatted(targetOrg, names(categories));
    }

    public static String grantJson(Instant expiresAt, Instant destroyBy, int maxAccesses, DataCategory... categories) {
        return """
                {"categories":%s,"expiresAt":"%s","destroyBy":"%s","maxAccesses":%d,"conditions":"Handling code H1 applies"}"""
                .formatted(names(categories), expiresAt, destroyBy, maxAccesses);
    }

    public static String deliveryJson(String requestId, DataCategory... categories) {
        return """
                {"packageHash":"%s","merkleRoot":"%s","recordCount":3,"sizeBytes":20480,\
                "sourceReliability":"B","informationAccuracy":2,"categories":%s}"""
                .formatted(packageHash(requestId), Hashes.sha256Hex("merkle-" + requestId), names(categories));
    }

    public static String packageHash(String requestId) {
        return Hashes.sha256Hex("package-" + requestId);
    }

    private static String names(DataCategory... categories) {
        return Arrays.stream(categories).map(c -> "\"" + c + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
