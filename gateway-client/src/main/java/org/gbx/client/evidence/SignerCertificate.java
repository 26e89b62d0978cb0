package org.gbx.client.evidence;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** Reads what evidence needs from an enrolment certificate: its validity period (its role: EnrolmentCertificate). */
final class SignerCertificate {

    private SignerCertificate() {
    }

    static boolean validAt(X509Certificate certificate, Instant time) {
        return !time.isBefore(certificate.getNotBefore().toInstant())
                && !time.isAfter(certificate.getNotAfter().toInstant());
    }
}
