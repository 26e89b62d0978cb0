package org.gbx.client.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gbx.client.delivery.CanonicalJson;

/**
 * The self-contained evidence file the requesting force hands to a court: the signed statement
 * (record, Merkle proof, delivery transaction), the owner's detached CMS signature with its
 * certificate chain, and the two raw blocks holding the delivery and the endorsement. Written as
 * canonical JSON and read back only if canonical, so no byte of the file is free to change.
 */
public record EvidenceBundle(EvidenceStatement statement, byte[] signature, byte[] deliveryBlock,
        String endorsementTxId, byte[] endorsementBlock) {

    public static final String FORMAT = "gbx-evidence-bundle/1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    public byte[] toBytes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", FORMAT);
        map.put("statement", statement.asMap());
        map.put("signature", Base64.getEncoder().encodeToString(signature));
        map.put("deliveryBlock", Base64.getEncoder().encodeToString(deliveryBlock));
        map.put("endorsementTxId", endorsementTxId);
        map.put("endorsementBlock", Base64.getEncoder().encodeToString(endorsementBlock));
        return CanonicalJson.bytes(map);
    }

    public static EvidenceBundle parse(byte[] bytes) {
        Map<?, ?> map;
        try {
            map = JSON.readValue(bytes, Map.class);
        } catch (IOException e) {
            throw new EvidenceFormatException(Finding.Form.NOT_JSON);
        }
        if (!FORMAT.equals(map.get("format")) || map.size() != 6 || !(map.get("statement") instanceof Map<?, ?> s)) {
            throw new EvidenceFormatException(Finding.Form.NOT_A_BUNDLE, FORMAT);
        }
        EvidenceBundle bundle;
        try {
            bundle = new EvidenceBundle(EvidenceStatement.fromMap(s), base64(map, "signature"),
                    base64(map, "deliveryBlock"), (String) java.util.Objects.requireNonNull(map.get("endorsementTxId")),
                    base64(map, "endorsementBlock"));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new EvidenceFormatException(Finding.Form.PART_MISSING);
        }
        // Whitespace, member order, escapes or base64 padding bits could otherwise change unnoticed.
        if (!Arrays.equals(bundle.toBytes(), bytes)) {
            throw new EvidenceFormatException(Finding.Form.NOT_CANONICAL);
        }
        return bundle;
    }

    private static byte[] base64(Map<?, ?> map, String field) {
        return Base64.getDecoder().decode((String) map.get(field));
    }
}
