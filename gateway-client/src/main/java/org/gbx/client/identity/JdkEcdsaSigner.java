package org.gbx.client.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * ECDSA over a digest with the JDK's own provider (SunEC), S normalised to the lower half of the
 * curve order as Fabric requires (a high S is refused as malleable). The Gateway SDK's signer does
 * the same through Bouncy Castle's provider, whose start-up costs a one-shot gbx call about 0.4 s
 * of CPU; per signature it is faster, which only processes that sign thousands of times notice.
 */
final class JdkEcdsaSigner implements Signer {

    private final ECPrivateKey key;
    private final BigInteger order;
    private final BigInteger halfOrder;

    JdkEcdsaSigner(PrivateKey key) {
        if (!(key instanceof ECPrivateKey ec)) {
            throw new IllegalArgumentException("not an EC private key: " + key.getAlgorithm());
        }
        this.key = ec;
        this.order = ec.getParams().getOrder();
        this.halfOrder = order.shiftRight(1);
    }

    @Override
    public byte[] sign(byte[] digest) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("NONEwithECDSA");
        signature.initSign(key);
        signature.update(digest);
        try {
            ASN1Sequence rs = ASN1Sequence.getInstance(signature.sign());
            BigInteger r = ASN1Integer.getInstance(rs.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
            if (s.compareTo(halfOrder) > 0) {
                s = order.subtract(s);
            }
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException | IllegalArgumentException e) {
            throw new SignatureException("the JDK returned an ECDSA signature that is not DER", e);
        }
    }
}
