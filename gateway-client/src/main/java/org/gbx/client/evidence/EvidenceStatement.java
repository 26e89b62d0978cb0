package org.gbx.client.evidence;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gbx.client.delivery.CanonicalJson;
import org.gbx.client.delivery.EntryKind;
import org.gbx.client.delivery.MerkleTree;

/**
 * What the owner's approver signs (異地簽註): one record's canonical bytes, where it sits in the
 * delivered Merkle tree with its audit path, and the delivery transaction that put the tree's root on
 * the ledger. Signed as canonical JSON, so verifier and signer agree on every byte.
 */
public record EvidenceStatement(String requestId, String ownerOrg, String requesterOrg, String deliveryTxId,
        String packageHash, String merkleRoot, long leafIndex, long leafCount, List<String> proof, String record) {

    public static final String FORMAT = "gbx-evidence/1";

    public EvidenceStatement {
        proof = List.copyOf(proof);
    }

    /** SHA-256(0x00 'R' record), as in the package's Merkle tree. */
    public String leafHash() {
        return leafHashOf(record);
    }

    public static String leafHashOf(String canonicalRecord) {
        return HexFormat.of().formatHex(
                MerkleTree.leafHash(EntryKind.RECORD, canonicalRecord.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the proof takes this record's leaf to the stated root. */
    public boolean proofHolds() {
        HexFormat hex = HexFormat.of();
        try {
            return MerkleTree.proves(hex.parseHex(merkleRoot), hex.parseHex(leafHash()), leafIndex, leafCount,
                    proof.stream().map(hex::parseHex).toList());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] canonicalBytes() {
        return CanonicalJson.bytes(asMap());
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", FORMAT);
        map.put("requestId", requestId);
        map.put("ownerOrg", ownerOrg);
        map.put("requesterOrg", requesterOrg);
        map.put("deliveryTxId", deliveryTxId);
        map.put("packageHash", packageHash);
        map.put("merkleRoot", merkleRoot);
        map.put("leafIndex", leafIndex);
        map.put("leafCount", leafCount);
        map.put("proof", proof);
        map.put("record", record);
        return map;
    }

    static EvidenceStatement fromMap(Map<?, ?> map) {
        if (!FORMAT.equals(map.get("format")) || map.size() != 11) {
            throw new EvidenceFormatException(Finding.Form.NOT_A_STATEMENT, FORMAT);
        }
        try {
            @SuppressWarnings("unchecked")
            List<String> proof = (List<String>) map.get("proof");
            return new EvidenceStatement(text(map, "requestId"), text(map, "ownerOrg"), text(map, "requesterOrg"),
                    text(map, "deliveryTxId"), text(map, "packageHash"), text(map, "merkleRoot"),
                    ((Number) map.get("leafIndex")).longValue(), ((Number) map.get("leafCount")).longValue(),
                    List.copyOf(proof), text(map, "record"));
        } catch (ClassCastException | NullPointerException e) {
            throw new EvidenceFormatException(Finding.Form.STATEMENT_FIELD_MISSING);
        }
    }

    private static String text(Map<?, ?> map, String field) {
        return (String) java.util.Objects.requireNonNull(map.get(field));
    }
}
