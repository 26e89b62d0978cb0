package org.gbx.client.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;

/** The two hashes that chain Fabric blocks together, computed as Fabric defines them. */
public final class BlockHashes {

    private BlockHashes() {
    }

    /**
     * The DER encoding of SEQUENCE { INTEGER number, OCTET STRING previous_hash, OCTET STRING
     * data_hash }: what the next block's {@code previous_hash} commits to and what orderers sign.
     */
    public static byte[] headerBytes(BlockHeader header) {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))));
        fields.add(new DEROctetString(header.getPreviousHash().toByteArray()));
        fields.add(new DEROctetString(header.getDataHash().toByteArray()));
        try {
            return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] headerHash(BlockHeader header) {
        return sha256(headerBytes(header));
    }

    /** SHA-256 over the transaction envelopes' bytes, concatenated in block order. */
    public static byte[] dataHash(BlockData data) {
        MessageDigest digest = sha256();
        data.getDataList().forEach(envelope -> digest.update(envelope.toByteArray()));
        return digest.digest();
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
