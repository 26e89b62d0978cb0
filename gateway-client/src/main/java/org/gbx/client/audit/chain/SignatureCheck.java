package org.gbx.client.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Checks one Fabric signature: the signer's serialised identity must belong to an MSP of the
 * channel, its certificate must be issued by that MSP's CAs, and the ECDSA (SHA-256) signature
 * must verify over the signed bytes with the certificate's key.
 */
final class SignatureCheck {

    /**
     * Bouncy Castle, not the JDK's SunEC: verifying transaction signatures was two thirds of
     * verify-ledger's CPU, and BC verifies P-256 about twice as fast on JDK 17 (docs/benchmarks.md).
     */
    private static final Provider ECDSA = new BouncyCastleProvider();

    /** The outcome: {@code problem} is empty when the signature holds. */
    record Result(String mspId, Optional<String> problem) {
        boolean valid() {
            return problem.isEmpty();
        }
    }

    private SignatureCheck() {
    }

    static Result verify(ChannelTrust trust, ByteString serializedIdentity, byte[] signedBytes, ByteString signature) {
        SerializedIdentity identity;
        try {
            identity = SerializedIdentity.parseFrom(serializedIdentity);
        } catch (InvalidProtocolBufferException e) {
            return new Result("", Optional.of("the signer's identity is unreadable"));
        }
        String mspId = identity.getMspid();
        MspCertificates msp = trust.msps().get(mspId);
        if (msp == null) {
            return new Result(mspId, Optional.of("signer's MSP " + mspId + " is not in the channel configuration"));
        }
        X509Certificate certificate;
        try {
            certificate = ChannelTrust.certificate(identity.getIdBytes().toByteArray());
        } catch (IllegalArgumentException e) {
            return new Result(mspId, Optional.of("the signer's certificate is unreadable"));
        }
        if (!msp.issued(certificate)) {
            return new Result(mspId, Optional.of("the signer's certificate was not issued by " + mspId + "'s CAs"));
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA", ECDSA);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signedBytes);
            if (!verifier.verify(signature.toByteArray())) {
                return new Result(mspId, Optional.of("the signature does not match the signed bytes"));
            }
        } catch (GeneralSecurityException e) {
            return new Result(mspId, Optional.of("the signature is malformed (" + e.getMessage() + ")"));
        }
        return new Result(mspId, Optional.empty());
    }
}
