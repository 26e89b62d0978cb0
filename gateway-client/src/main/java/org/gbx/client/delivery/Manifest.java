package org.gbx.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of contents of a delivery package, and the only thing the sender signs: who sends what
 * to whom for which request, every entry's leaf hash and size in order, and the Merkle root over
 * them. Its SHA-256 over the canonical bytes is the package hash recorded on the ledger, so one
 * changed byte anywhere in the package changes either a leaf (caught on arrival) or this hash.
 */
public record Manifest(String requestId, String senderOrg, String requesterOrg, List<String> categories,
        int chunkSize, List<ManifestEntry> entries, String merkleRoot, int recordCount, long sizeBytes) {

    public static final String FORMAT = "gbx-delivery/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Manifest {
        categories = List.copyOf(categories);
        entries = List.copyOf(entries);
    }

    /** A manifest for these entries, with the root, count and size computed from them. */
    static Manifest over(String requestId, String senderOrg, String requesterOrg, List<String> categories,
            int chunkSize, List<ManifestEntry> entries) {
        List<byte[]> leaves = entries.stream().map(e -> HexFormat.of().parseHex(e.leaf())).toList();
        int records = (int) entries.stream().filter(e -> e.kind() == EntryKind.RECORD).count();
        long size = entries.stream().mapToLong(ManifestEntry::size).sum();
        return new Manifest(requestId, senderOrg, requesterOrg, categories, chunkSize, entries,
                HexFormat.of().formatHex(MerkleTree.root(leaves)), records, size);
    }

    public byte[] canonicalBytes() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", FORMAT);
        tree.put("requestId", requestId);
        tree.put("senderOrg", senderOrg);
        tree.put("requesterOrg", requesterOrg);
        tree.put("categories", categories);
        tree.put("chunkSize", chunkSize);
        tree.put("entries", entries.stream().map(ManifestEntry::toJsonTree).toList());
        tree.put("merkleRoot", merkleRoot);
        tree.put("recordCount", recordCount);
        tree.put("sizeBytes", sizeBytes);
        return CanonicalJson.bytes(tree);
    }

    /** The package hash: lower-case hex SHA-256 of the canonical manifest. */
    public String packageHash() {
        return sha256Hex(canonicalBytes());
    }

    /** True when the root, count and size really are those of the listed entries. */
    boolean isConsistent() {
        return equals(over(requestId, senderOrg, requesterOrg, categories, chunkSize, entries));
    }

    /** Reads a manifest, refusing anything that is not exactly its own canonical form. */
    public static Manifest parse(byte[] bytes) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (!Manifest.FORMAT.equals(tree.path("format").asText())) {
                throw malformed("unknown format " + tree.path("format").asText());
            }
            List<String> categories = new ArrayList<>();
            tree.required("categories").forEach(c -> categories.add(c.asText()));
            List<ManifestEntry> entries = new ArrayList<>();
            for (JsonNode entry : tree.required("entries")) {
                entries.add(new ManifestEntry(EntryKind.valueOf(entry.required("kind").asText()),
                        entry.required("leaf").asText(), entry.required("size").asLong()));
            }
            Manifest manifest = new Manifest(tree.required("requestId").asText(), tree.required("senderOrg").asText(),
                    tree.required("requesterOrg").asText(), categories, tree.required("chunkSize").asInt(), entries,
                    tree.required("merkleRoot").asText(), tree.required("recordCount").asInt(),
                    tree.required("sizeBytes").asLong());
            if (!Arrays.equals(manifest.canonicalBytes(), bytes)) {
                throw malformed("not in canonical form");
            }
            return manifest;
        } catch (IOException | IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static PackageRejectedException malformed(String why) {
        return new PackageRejectedException(PackageRejectedException.Reason.MALFORMED, "manifest " + why, null);
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(MerkleTree.sha256().digest(bytes));
    }
}
