package org.gbx.client.delivery;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks a manifest's CMS signature: exactly one signer, a valid signature over these very bytes,
 * and a signer certificate issued by the sending force's CA (its enrolment CA, from the channel).
 */
final class SignatureCheck {

    private final Set<TrustAnchor> senderCas;

    SignatureCheck(Collection<X509Certificate> senderCaCertificates) {
        this.senderCas = senderCaCertificates.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
    }

    /** @return the signer's certificate */
    X509Certificate verify(byte[] manifest, byte[] signature) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw rejected("expected one signer, found " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                throw rejected("the signer's certificate is missing");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                throw rejected("the signature does not match the manifest");
            }
            requireIssuedBySender(certificate);
            return certificate;
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw rejected(e.getMessage());
        }
    }

    private void requireIssuedBySender(X509Certificate certificate) throws GeneralSecurityException {
        if (senderCas.isEmpty()) {
            throw rejected("no CA certificate is known for the sending force");
        }
        PKIXParameters parameters = new PKIXParameters(senderCas);
        parameters.setRevocationEnabled(false);
        try {
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
        } catch (java.security.cert.CertPathValidatorException e) {
            throw rejected("the signer is not enrolled at the sending force's CA");
        }
    }

    private static PackageRejectedException rejected(String why) {
        return new PackageRejectedException(PackageRejectedException.Reason.SIGNATURE_INVALID, why, null);
    }
}
