package org.gbx.client.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Checks one Fabric signature: the signer's serialised identity must belong to an MSP of the
 * channel, its certificate must be issued by that MSP's CAs, and the ECDSA (SHA-256) signature
 * must verify over the signed bytes with the certificate's key. Safe to call from several threads.
 */
final class SignatureCheck {

    /**
     * Each signer's certificate and key, kept with Bouncy Castle's precomputed multiples of its
     * point: a ledger has thousands of signatures by a handful of identities, and parsing the PEM
     * and rebuilding the key for every signature were a fifth of the walk and threw that
     * precomputation away. ECDSA is Bouncy Castle's, not the JDK's SunEC, which verifies P-256
     * about half as fast on JDK 17 (docs/benchmarks.md). Bounded, so a ledger of ever-new
     * identities cannot grow it without end.
     */
    private static final Map<ByteString, Signer> SIGNERS = new ConcurrentHashMap<>();
    private static final int MAX_SIGNERS = 4096;

    /** A parsed signer; {@code key} is null when the certificate's key is not an elliptic-curve key. */
    private record Signer(X509Certificate certificate, ECPublicKeyParameters key) {
    }

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
        Signer signer;
        try {
            signer = signer(identity.getIdBytes());
        } catch (IllegalArgumentException | IOException e) {
            return new Result(mspId, Optional.of("the signer's certificate is unreadable"));
        }
        if (!msp.issued(signer.certificate())) {
            return new Result(mspId, Optional.of("the signer's certificate was not issued by " + mspId + "'s CAs"));
        }
        try {
            if (signer.key() == null) {
                throw new GeneralSecurityException("the signer's key is not an elliptic-curve key");
            }
            if (!holds(signer.key(), signedBytes, signature.toByteArray())) {
                return new Result(mspId, Optional.of("the signature does not match the signed bytes"));
            }
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return new Result(mspId, Optional.of("the signature is malformed (" + e.getMessage() + ")"));
        }
        return new Result(mspId, Optional.empty());
    }

    private static Signer signer(ByteString certificateBytes) throws IOException {
        Signer known = SIGNERS.get(certificateBytes);
        if (known != null) {
            return known;
        }
        X509Certificate certificate = ChannelTrust.certificate(certificateBytes.toByteArray());
        Signer parsed = new Signer(certificate,
                PublicKeyFactory.createKey(certificate.getPublicKey().getEncoded()) instanceof ECPublicKeyParameters key
                        ? key : null);
        if (SIGNERS.size() >= MAX_SIGNERS) {
            SIGNERS.clear();
        }
        SIGNERS.put(certificateBytes, parsed);
        return parsed;
    }

    /** ECDSA over the SHA-256 of {@code signed}; the signature is DER, as Fabric writes it. */
    private static boolean holds(ECPublicKeyParameters key, byte[] signed, byte[] signature)
            throws IOException, GeneralSecurityException {
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(key.getParameters().getN(), signature);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(MessageDigest.getInstance("SHA-256").digest(signed), rs[0], rs[1]);
    }
}
