package org.gbx.client.delivery;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs manifests for the sending force: a detached CMS SignedData over the canonical manifest,
 * carrying the signer's enrolment certificate so the receiver can check it against the force's CA.
 */
public final class ManifestSigner {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;

    public ManifestSigner(PrivateKey key, X509Certificate certificate) {
        this(key, certificate, List.of());
    }

    /** Also carries {@code issuers} (the force's CA chain), for signatures read far from the network (evidence). */
    public ManifestSigner(PrivateKey key, X509Certificate certificate, List<X509Certificate> issuers) {
        this.key = key;
        this.certificate = certificate;
        this.chain = java.util.stream.Stream.concat(java.util.stream.Stream.of(certificate), issuers.stream()).toList();
    }

    public byte[] sign(byte[] manifest) {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(key), certificate));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(manifest), false).getEncoded();
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign the manifest with the force's key: " + e.getMessage(), e);
        }
    }
}
