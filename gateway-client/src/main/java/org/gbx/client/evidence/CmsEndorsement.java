package org.gbx.client.evidence;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The owner's detached CMS signature over a statement: exactly one signer, its certificate from the
 * SignedData, the signed signing time, and whether the signature verifies. The signature is checked
 * with the bare public key, so an expired certificate shows as its own finding, not as a bad signature.
 */
public record CmsEndorsement(boolean signatureValid, Optional<X509Certificate> signer, Optional<Instant> signedAt,
        Optional<Finding> problem) {

    public static CmsEndorsement read(byte[] signature, byte[] statement) {
        try {
            return parse(signature, statement);
        } catch (RuntimeException e) {
            // Bouncy Castle decodes lazily: damaged DER can surface from any accessor.
            return failed(Finding.of(Finding.Form.SIGNATURE_NOT_CMS));
        }
    }

    private static CmsEndorsement parse(byte[] signature, byte[] statement) {
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(statement), signature);
        } catch (CMSException | RuntimeException e) {
            return failed(Finding.of(Finding.Form.SIGNATURE_NOT_CMS));
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return failed(Finding.of(Finding.Form.SIGNER_COUNT, signers.size()));
        }
        SignerInformation info = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(info.getSID());
        if (matches.isEmpty()) {
            return failed(Finding.of(Finding.Form.SIGNER_CERTIFICATE_MISSING));
        }
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CertificateException e) {
            return failed(Finding.of(Finding.Form.SIGNER_CERTIFICATE_UNREADABLE));
        }
        Optional<Instant> signedAt = signingTime(info);
        try {
            boolean valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()));
            return new CmsEndorsement(valid, Optional.of(certificate), signedAt,
                    valid ? Optional.empty() : Optional.of(Finding.of(Finding.Form.SIGNATURE_DOES_NOT_VERIFY)));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return new CmsEndorsement(false, Optional.of(certificate), signedAt,
                    Optional.of(Finding.of(Finding.Form.SIGNATURE_DOES_NOT_VERIFY)));
        }
    }

    private static Optional<Instant> signingTime(SignerInformation info) {
        if (info.getSignedAttributes() == null) {
            return Optional.empty();
        }
        Attribute attribute = info.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        try {
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            return Optional.of(Time.getInstance(value).getDate().toInstant());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static CmsEndorsement failed(Finding problem) {
        return new CmsEndorsement(false, Optional.empty(), Optional.empty(), Optional.of(problem));
    }
}
