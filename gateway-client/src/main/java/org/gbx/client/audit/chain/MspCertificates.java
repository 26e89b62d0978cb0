package org.gbx.client.audit.chain;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * One organisation's MSP as the channel configuration defines it: the root and intermediate CA
 * certificates an identity of that MSP must chain to.
 */
public record MspCertificates(String mspId, List<X509Certificate> roots, List<X509Certificate> intermediates) {

    public MspCertificates {
        roots = List.copyOf(roots);
        intermediates = List.copyOf(intermediates);
    }

    /**
     * Whether {@code certificate} was issued by this MSP's CAs (through at most its intermediates).
     * Validity dates are not checked: an audit runs long after certificates may have expired, and
     * what matters is who signed at the time of the transaction.
     */
    public boolean issued(X509Certificate certificate) {
        return chainsToRoot(certificate, intermediates.size() + 1);
    }

    private boolean chainsToRoot(X509Certificate certificate, int hopsLeft) {
        if (roots.stream().anyMatch(root -> signedBy(certificate, root))) {
            return true;
        }
        if (hopsLeft == 0) {
            return false;
        }
        Optional<X509Certificate> parent = intermediates.stream()
                .filter(intermediate -> !intermediate.equals(certificate) && signedBy(certificate, intermediate))
                .findFirst();
        return parent.isPresent() && chainsToRoot(parent.get(), hopsLeft - 1);
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
