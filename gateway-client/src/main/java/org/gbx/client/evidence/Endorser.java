package org.gbx.client.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gbx.client.delivery.DeliveryPackage;
import org.gbx.client.delivery.EntryKind;
import org.gbx.client.delivery.Manifest;
import org.gbx.client.delivery.ManifestEntry;
import org.gbx.client.delivery.ManifestSigner;
import org.gbx.client.delivery.MerkleTree;
import org.gbx.client.identity.UserIdentity;
import org.gbx.client.ledger.ExchangeLedger;
import org.gbx.client.ledger.Submitted;
import org.gbx.client.model.Endorsement;
import org.gbx.client.model.EndorsementSignature;
import org.gbx.client.model.ExchangeRequest;
import org.gbx.client.model.HistoryEntry;
import org.gbx.client.model.Status;

/**
 * The owning force's approver endorses a record it delivered: reads it from the package its own
 * outbox keeps (the bytes the ledger's Merkle root covers), signs the statement with its enrolment
 * key and CA chain, and records the signature; the chaincode refuses it unless the proof holds.
 */
public final class Endorser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExchangeLedger ledger;
    private final Path outbox;
    private final UserIdentity approver;

    public Endorser(ExchangeLedger ledger, Path outbox, UserIdentity approver) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.approver = approver;
    }

    public Submitted<Endorsement> endorse(String requestId, String recordId) {
        EvidenceStatement statement = statementFor(requestId, recordId);
        byte[] signature = sign(statement);
        return ledger.recordEndorsement(requestId, statement.leafHash(), new EndorsementSignature(
                Base64.getEncoder().encodeToString(signature), statement.deliveryTxId(), statement.leafIndex(),
                statement.leafCount(), statement.proof()));
    }

    /** Signs any statement with this approver's key; also how tests make signatures by other officers. */
    public byte[] sign(EvidenceStatement statement) {
        return new ManifestSigner(approver.privateKey(), approver.certificate(), issuers(approver))
                .sign(statement.canonicalBytes());
    }

    public EvidenceStatement statementFor(String requestId, String recordId) {
        Path folder = outbox.resolve(requestId);
        if (!DeliveryPackage.existsIn(folder)) {
            throw new EvidenceException(EvidenceException.Reason.PACKAGE_NOT_KEPT, requestId);
        }
        DeliveryPackage delivered = DeliveryPackage.open(folder);
        Manifest manifest = delivered.manifest();
        List<ManifestEntry> entries = manifest.entries();
        HexFormat hex = HexFormat.of();
        List<byte[]> leaves = entries.stream().map(entry -> hex.parseHex(entry.leaf())).toList();
        for (int index = 0; index < entries.size(); index++) {
            if (entries.get(index).kind() != EntryKind.RECORD) {
                continue;
            }
            String record = new String(read(delivered, index), StandardCharsets.UTF_8);
            if (recordId.equals(recordIdOf(record))) {
                List<String> proof = MerkleTree.auditPath(leaves, index).stream().map(hex::formatHex).toList();
                return new EvidenceStatement(requestId, manifest.senderOrg(), manifest.requesterOrg(),
                        deliveryTransaction(requestId, manifest.packageHash()), manifest.packageHash(),
                        manifest.merkleRoot(), index, entries.size(), proof, record);
            }
        }
        throw new EvidenceException(EvidenceException.Reason.RECORD_NOT_HELD, recordId, requestId);
    }

    /** The last committed version that recorded this package's delivery names its transaction. */
    private String deliveryTransaction(String requestId, String packageHash) {
        List<HistoryEntry> history = ledger.getHistory(requestId);
        for (int i = history.size() - 1; i >= 0; i--) {
            ExchangeRequest version = history.get(i).record();
            if (version != null && version.status() == Status.DELIVERED && version.delivery() != null
                    && packageHash.equals(version.delivery().packageHash())) {
                return history.get(i).txId();
            }
        }
        throw new EvidenceException(EvidenceException.Reason.DELIVERY_NOT_FOUND, requestId);
    }

    private static byte[] read(DeliveryPackage delivered, int index) {
        try {
            return delivered.readEntry(index);
        } catch (IOException e) {
            throw new UncheckedIOException("the kept package cannot be read", e);
        }
    }

    private static String recordIdOf(String record) {
        try {
            return String.valueOf(JSON.readValue(record, Map.class).get("recordId"));
        } catch (IOException e) {
            throw new UncheckedIOException("a kept record is not JSON", e);
        }
    }

    /** The CA chain of the approver's enrolment ({@code cacerts/}, {@code intermediatecerts/} of its MSP folder). */
    static List<X509Certificate> issuers(UserIdentity user) {
        Path msp = user.organisation().mspFolder(user.user());
        List<X509Certificate> chain = new ArrayList<>();
        for (String folder : List.of("intermediatecerts", "cacerts")) {
            Path dir = msp.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    chain.add(certificate(Files.readAllBytes(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the enrolment's CA certificates cannot be read", e);
            }
        }
        return chain;
    }

    private static X509Certificate certificate(byte[] pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable CA certificate", e);
        }
    }
}
