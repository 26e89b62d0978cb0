package org.gbx.client.evidence;

import static org.gbx.client.evidence.EvidenceCheck.BUNDLE_INTACT;
import static org.gbx.client.evidence.EvidenceCheck.CERTIFICATE_VALID_AT_SIGNING;
import static org.gbx.client.evidence.EvidenceCheck.DELIVERY_BLOCK_SIGNED;
import static org.gbx.client.evidence.EvidenceCheck.DELIVERY_MATCHES;
import static org.gbx.client.evidence.EvidenceCheck.ENDORSEMENT_BLOCK_SIGNED;
import static org.gbx.client.evidence.EvidenceCheck.ENDORSEMENT_MATCHES;
import static org.gbx.client.evidence.EvidenceCheck.PROOF_REACHES_ROOT;
import static org.gbx.client.evidence.EvidenceCheck.RECORD_MATCHES_LEAF;
import static org.gbx.client.evidence.EvidenceCheck.SIGNATURE_VALID;
import static org.gbx.client.evidence.EvidenceCheck.SIGNER_IS_APPROVER;
import static org.gbx.client.evidence.EvidenceCheck.SIGNER_OF_OWNER_FORCE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gbx.client.identity.EnrolmentCertificate;
import org.gbx.client.audit.chain.ChannelTrust;
import org.gbx.client.audit.chain.LedgerTransaction;
import org.gbx.client.audit.chain.LedgerWrite;

/**
 * Verifies an evidence bundle offline, with nothing but the channel organisations' CA certificates:
 * every check runs (one failure does not hide the others) and the verdict lists each outcome. The
 * owner force is taken from the delivery transaction in the signed block, never from the statement.
 */
public final class EvidenceVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChannelTrust trust;

    public EvidenceVerifier(ChannelTrust trust) {
        this.trust = trust;
    }

    public EvidenceVerdict verify(byte[] file) {
        EvidenceBundle bundle;
        try {
            bundle = EvidenceBundle.parse(file);
        } catch (EvidenceFormatException e) {
            return new EvidenceVerdict(null, null, null, null, null, null, null, null, null, null, null,
                    List.of(CheckResult.fail(BUNDLE_INTACT, e.getMessage())));
        }
        EvidenceStatement statement = bundle.statement();
        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.pass(BUNDLE_INTACT, "complete and unedited since export"));

        EvidenceBlock.Reading delivery = EvidenceBlock.read(bundle.deliveryBlock(), statement.deliveryTxId(), trust);
        checks.add(blockSigned(DELIVERY_BLOCK_SIGNED, delivery));
        Optional<Map<?, ?>> request = delivery.transaction().flatMap(tx -> writtenRequest(tx, statement.requestId()));
        checks.add(deliveryMatches(statement, delivery, request));
        String ownerOrg = request.map(r -> (String) r.get("targetOrg")).orElse(statement.ownerOrg());

        CmsEndorsement cms = CmsEndorsement.read(bundle.signature(), statement.canonicalBytes());
        checks.add(CheckResult.of(SIGNATURE_VALID, cms.signatureValid(), "valid over the record, proof and "
                + "delivery transaction", cms.problem().orElse("the signature does not verify")));
        Optional<X509Certificate> signer = cms.signer();
        boolean ofOwner = signer.isPresent() && trust.msps().containsKey(ownerOrg)
                && trust.msps().get(ownerOrg).issued(signer.get());
        checks.add(CheckResult.of(SIGNER_OF_OWNER_FORCE, ofOwner, "issued by the CA of " + ownerOrg,
                "the signer's certificate was not issued by the CA of " + ownerOrg + ", the force that delivered"));
        Optional<String> role = signer.flatMap(EnrolmentCertificate::role);
        checks.add(CheckResult.of(SIGNER_IS_APPROVER, role.filter("approver"::equals).isPresent(),
                "gbx.role=approver", "the signer's role is " + role.orElse("absent") + ", not approver"));

        EvidenceBlock.Reading endorsement = EvidenceBlock.read(bundle.endorsementBlock(), bundle.endorsementTxId(),
                trust);
        Instant endorsedAt = endorsement.transaction().map(LedgerTransaction::timestamp).orElse(null);
        checks.add(certificateValid(signer, cms.signedAt(), endorsedAt));

        Optional<Map<?, ?>> endorsed = endorsement.transaction().flatMap(tx -> writtenEndorsement(tx, statement));
        String ledgerLeaf = endorsed.map(e -> (String) e.get("leafHash")).orElse(null);
        checks.add(CheckResult.of(RECORD_MATCHES_LEAF, statement.leafHash().equals(ledgerLeaf),
                "the record hashes to leaf " + statement.leafHash(),
                "the record hashes to " + statement.leafHash() + ", which is not the leaf the ledger endorsed"));
        checks.add(CheckResult.of(PROOF_REACHES_ROOT, statement.proofHolds(),
                "leaf " + statement.leafIndex() + " of " + statement.leafCount() + " reaches root "
                        + statement.merkleRoot(), "the Merkle proof does not reach root " + statement.merkleRoot()));
        checks.add(blockSigned(ENDORSEMENT_BLOCK_SIGNED, endorsement));
        checks.add(endorsementMatches(bundle, endorsement, endorsed));

        return new EvidenceVerdict(statement.requestId(), ownerOrg, statement.requesterOrg(),
                recordId(statement.record()), signer.map(c -> c.getSubjectX500Principal().getName()).orElse(""),
                cms.signedAt().orElse(null), statement.deliveryTxId(),
                delivery.transaction().map(LedgerTransaction::block).orElse(null),
                endorsement.transaction().map(LedgerTransaction::transactionId).orElse(null),
                endorsement.transaction().map(LedgerTransaction::block).orElse(null), endorsedAt, checks);
    }

    private static CheckResult blockSigned(EvidenceCheck check, EvidenceBlock.Reading reading) {
        return CheckResult.of(check, reading.problems().isEmpty(),
                "intact, orderer signature valid" + reading.transaction().map(tx -> " (block " + tx.block() + ")")
                        .orElse(""), String.join("; ", reading.problems()));
    }

    private static CheckResult deliveryMatches(EvidenceStatement statement, EvidenceBlock.Reading delivery,
            Optional<Map<?, ?>> request) {
        if (delivery.transaction().isEmpty() || !delivery.transaction().get().valid()
                || !"RecordDelivery".equals(delivery.transaction().get().function()) || request.isEmpty()) {
            return CheckResult.fail(DELIVERY_MATCHES, "the block holds no valid RecordDelivery of request "
                    + statement.requestId());
        }
        Map<?, ?> written = request.get();
        Map<?, ?> recorded = written.get("delivery") instanceof Map<?, ?> d ? d : Map.of();
        boolean matches = statement.merkleRoot().equals(recorded.get("merkleRoot"))
                && statement.packageHash().equals(recorded.get("packageHash"))
                && statement.requesterOrg().equals(written.get("requesterOrg"))
                && statement.ownerOrg().equals(written.get("targetOrg"));
        return CheckResult.of(DELIVERY_MATCHES, matches, "the ledger recorded root " + statement.merkleRoot()
                + " delivered by " + written.get("targetOrg") + " to " + written.get("requesterOrg"),
                "the delivery transaction recorded another root, package or forces than the statement");
    }

    private static CheckResult certificateValid(Optional<X509Certificate> signer, Optional<Instant> signedAt,
            Instant endorsedAt) {
        if (signer.isEmpty() || signedAt.isEmpty()) {
            return CheckResult.fail(CERTIFICATE_VALID_AT_SIGNING, "no signer certificate or signing time");
        }
        X509Certificate certificate = signer.get();
        boolean valid = SignerCertificate.validAt(certificate, signedAt.get())
                && (endorsedAt == null || SignerCertificate.validAt(certificate, endorsedAt));
        return CheckResult.of(CERTIFICATE_VALID_AT_SIGNING, valid, "valid from "
                + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                + ", signed " + signedAt.get(), "the certificate (valid " + certificate.getNotBefore().toInstant()
                + " to " + certificate.getNotAfter().toInstant() + ") was not valid when it signed at "
                + signedAt.get() + (endorsedAt == null ? "" : " or when the endorsement was recorded at " + endorsedAt));
    }

    private static CheckResult endorsementMatches(EvidenceBundle bundle, EvidenceBlock.Reading endorsement,
            Optional<Map<?, ?>> endorsed) {
        EvidenceStatement statement = bundle.statement();
        boolean recorded = endorsement.transaction().filter(LedgerTransaction::valid)
                .filter(tx -> "RecordEndorsement".equals(tx.function())).isPresent() && endorsed.isPresent();
        if (!recorded) {
            return CheckResult.fail(ENDORSEMENT_MATCHES, "the block holds no valid RecordEndorsement of this record");
        }
        Map<?, ?> e = endorsed.get();
        boolean matches = sha256Hex(bundle.signature()).equals(e.get("signatureHash"))
                && statement.merkleRoot().equals(e.get("merkleRoot"))
                && statement.deliveryTxId().equals(e.get("deliveryTxId"))
                && Objects.equals(number(e.get("leafIndex")), statement.leafIndex())
                && Objects.equals(number(e.get("leafCount")), statement.leafCount())
                && statement.proof().equals(e.get("proof"));
        return CheckResult.of(ENDORSEMENT_MATCHES, matches, "the ledger recorded this signature (SHA-256 "
                + sha256Hex(bundle.signature()) + ")", "the endorsement transaction recorded another signature, "
                + "leaf position, proof or delivery than the bundle's");
    }

    private static Optional<Map<?, ?>> writtenRequest(LedgerTransaction transaction, String requestId) {
        return transaction.writes().stream().filter(w -> ("request~" + requestId).equals(w.key()))
                .map(EvidenceVerifier::json).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Map<?, ?>> writtenEndorsement(LedgerTransaction transaction, EvidenceStatement statement) {
        return transaction.writes().stream().map(EvidenceVerifier::json).flatMap(Optional::stream)
                .filter(value -> statement.requestId().equals(value.get("requestId"))
                        && "ENDORSED".equals(value.get("status")) && value.containsKey("leafHash"))
                .findFirst();
    }

    private static Optional<Map<?, ?>> json(LedgerWrite write) {
        if (write.deleted() || write.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(write.value(), Map.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static String recordId(String record) {
        try {
            return String.valueOf(JSON.readValue(record, Map.class).get("recordId"));
        } catch (IOException e) {
            return "";
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
