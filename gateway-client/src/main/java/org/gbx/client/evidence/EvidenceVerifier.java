package org.gbx.client.evidence;

import static org.gbx.client.evidence.EvidenceCheck.BUNDLE_COMPLETE;
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
                    List.of(CheckResult.fail(BUNDLE_COMPLETE, e.finding())));
        }
        EvidenceStatement statement = bundle.statement();
        List<CheckResult> checks = new ArrayList<>();
        // Complete and readable only: whether it was altered is what the checks below establish.
        checks.add(CheckResult.pass(BUNDLE_COMPLETE, Finding.of(Finding.Form.BUNDLE_COMPLETE)));

        EvidenceBlock.Reading delivery = EvidenceBlock.read(bundle.deliveryBlock(), statement.deliveryTxId(), trust);
        checks.add(blockSigned(DELIVERY_BLOCK_SIGNED, delivery));
        Optional<Map<?, ?>> request = delivery.transaction().flatMap(tx -> writtenRequest(tx, statement.requestId()));
        checks.add(deliveryMatches(statement, delivery, request));
        String ownerOrg = request.map(r -> (String) r.get("targetOrg")).orElse(statement.ownerOrg());

        CmsEndorsement cms = CmsEndorsement.read(bundle.signature(), statement.canonicalBytes());
        checks.add(CheckResult.of(SIGNATURE_VALID, cms.signatureValid(), Finding.of(Finding.Form.SIGNATURE_VALID),
                cms.problem().orElse(Finding.of(Finding.Form.SIGNATURE_DOES_NOT_VERIFY))));
        Optional<X509Certificate> signer = cms.signer();
        boolean ofOwner = signer.isPresent() && trust.msps().containsKey(ownerOrg)
                && trust.msps().get(ownerOrg).issued(signer.get());
        checks.add(CheckResult.of(SIGNER_OF_OWNER_FORCE, ofOwner, Finding.of(Finding.Form.SIGNER_OF_OWNER, ownerOrg),
                Finding.of(Finding.Form.SIGNER_NOT_OF_OWNER, ownerOrg)));
        Optional<String> role = signer.flatMap(EnrolmentCertificate::role);
        checks.add(CheckResult.of(SIGNER_IS_APPROVER, role.filter("approver"::equals).isPresent(),
                Finding.of(Finding.Form.SIGNER_APPROVER), role.map(r -> Finding.of(Finding.Form.SIGNER_ROLE, r))
                        .orElse(Finding.of(Finding.Form.SIGNER_NO_ROLE))));

        EvidenceBlock.Reading endorsement = EvidenceBlock.read(bundle.endorsementBlock(), bundle.endorsementTxId(),
                trust);
        Instant endorsedAt = endorsement.transaction().map(LedgerTransaction::timestamp).orElse(null);
        checks.add(certificateValid(signer, cms.signedAt(), endorsedAt));

        Optional<Map<?, ?>> endorsed = endorsement.transaction().flatMap(tx -> writtenEndorsement(tx, statement));
        String ledgerLeaf = endorsed.map(e -> (String) e.get("leafHash")).orElse(null);
        checks.add(CheckResult.of(RECORD_MATCHES_LEAF, statement.leafHash().equals(ledgerLeaf),
                Finding.of(Finding.Form.RECORD_IS_LEAF, statement.leafHash()),
                Finding.of(Finding.Form.RECORD_NOT_LEAF, statement.leafHash())));
        checks.add(CheckResult.of(PROOF_REACHES_ROOT, statement.proofHolds(),
                Finding.of(Finding.Form.PROOF_REACHES_ROOT, statement.leafIndex(), statement.leafCount(),
                        statement.merkleRoot()), Finding.of(Finding.Form.PROOF_MISSES_ROOT, statement.merkleRoot())));
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
        if (reading.problems().isEmpty()) {
            return CheckResult.pass(check, Finding.of(Finding.Form.BLOCK_SIGNED,
                    reading.transaction().map(LedgerTransaction::block).map(String::valueOf).orElse("?")));
        }
        return new CheckResult(check, false, reading.problems());
    }

    private static CheckResult deliveryMatches(EvidenceStatement statement, EvidenceBlock.Reading delivery,
            Optional<Map<?, ?>> request) {
        if (delivery.transaction().isEmpty() || !delivery.transaction().get().valid()
                || !"RecordDelivery".equals(delivery.transaction().get().function()) || request.isEmpty()) {
            return CheckResult.fail(DELIVERY_MATCHES, Finding.of(Finding.Form.DELIVERY_NOT_IN_BLOCK,
                    statement.requestId()));
        }
        Map<?, ?> written = request.get();
        Map<?, ?> recorded = written.get("delivery") instanceof Map<?, ?> d ? d : Map.of();
        boolean matches = statement.merkleRoot().equals(recorded.get("merkleRoot"))
                && statement.packageHash().equals(recorded.get("packageHash"))
                && statement.requesterOrg().equals(written.get("requesterOrg"))
                && statement.ownerOrg().equals(written.get("targetOrg"));
        return CheckResult.of(DELIVERY_MATCHES, matches, Finding.of(Finding.Form.DELIVERY_RECORDED,
                statement.merkleRoot(), written.get("targetOrg"), written.get("requesterOrg")),
                Finding.of(Finding.Form.DELIVERY_DIFFERS));
    }

    private static CheckResult certificateValid(Optional<X509Certificate> signer, Optional<Instant> signedAt,
            Instant endorsedAt) {
        if (signer.isEmpty() || signedAt.isEmpty()) {
            return CheckResult.fail(CERTIFICATE_VALID_AT_SIGNING, Finding.of(Finding.Form.CERTIFICATE_OR_TIME_MISSING));
        }
        X509Certificate certificate = signer.get();
        boolean valid = SignerCertificate.validAt(certificate, signedAt.get())
                && (endorsedAt == null || SignerCertificate.validAt(certificate, endorsedAt));
        Finding.Form form = valid ? Finding.Form.CERTIFICATE_VALID : Finding.Form.CERTIFICATE_NOT_VALID;
        return new CheckResult(CERTIFICATE_VALID_AT_SIGNING, valid, java.util.List.of(Finding.of(form,
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), signedAt.get(),
                endorsedAt == null ? "-" : endorsedAt)));
    }

    private static CheckResult endorsementMatches(EvidenceBundle bundle, EvidenceBlock.Reading endorsement,
            Optional<Map<?, ?>> endorsed) {
        EvidenceStatement statement = bundle.statement();
        boolean recorded = endorsement.transaction().filter(LedgerTransaction::valid)
                .filter(tx -> "RecordEndorsement".equals(tx.function())).isPresent() && endorsed.isPresent();
        if (!recorded) {
            return CheckResult.fail(ENDORSEMENT_MATCHES, Finding.of(Finding.Form.ENDORSEMENT_NOT_IN_BLOCK));
        }
        Map<?, ?> e = endorsed.get();
        boolean matches = sha256Hex(bundle.signature()).equals(e.get("signatureHash"))
                && statement.merkleRoot().equals(e.get("merkleRoot"))
                && statement.deliveryTxId().equals(e.get("deliveryTxId"))
                && Objects.equals(number(e.get("leafIndex")), statement.leafIndex())
                && Objects.equals(number(e.get("leafCount")), statement.leafCount())
                && statement.proof().equals(e.get("proof"));
        return CheckResult.of(ENDORSEMENT_MATCHES, matches, Finding.of(Finding.Form.ENDORSEMENT_RECORDED,
                sha256Hex(bundle.signature())), Finding.of(Finding.Form.ENDORSEMENT_DIFFERS));
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
