package org.gbx.client.identity;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.gbx.client.config.ConfigException;
import org.gbx.client.config.Organisation;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * A user enrolled at their organisation's Fabric CA: the enrolment certificate (which carries
 * {@code gbx.role}) and the private key that signs their proposals.
 */
public final class UserIdentity {

    private final String user;
    private final Organisation organisation;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private UserIdentity(String user, Organisation organisation, X509Certificate certificate, PrivateKey privateKey) {
        this.user = user;
        this.organisation = organisation;
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** Reads {@code msp/signcerts/cert.pem} and {@code msp/keystore/key.pem} of the user. */
    public static UserIdentity load(Organisation organisation, String user) {
        Path msp = organisation.mspFolder(user);
        Path certPath = msp.resolve("signcerts").resolve("cert.pem");
        Path keyPath = msp.resolve("keystore").resolve("key.pem");
        if (!Files.isRegularFile(certPath) || !Files.isRegularFile(keyPath)) {
            throw new ConfigException(ConfigException.Reason.IDENTITY_MISSING, user, organisation.key(), msp.toString());
        }
        try (Reader certReader = Files.newBufferedReader(certPath);
                Reader keyReader = Files.newBufferedReader(keyPath)) {
            return new UserIdentity(user, organisation,
                    org.hyperledger.fabric.client.identity.Identities.readX509Certificate(certReader),
                    org.hyperledger.fabric.client.identity.Identities.readPrivateKey(keyReader));
        } catch (IOException | CertificateException | InvalidKeyException e) {
            throw new ConfigException(ConfigException.Reason.IDENTITY_UNREADABLE, e, user, organisation.key(), msp.toString());
        }
    }

    public String user() {
        return user;
    }

    public Organisation organisation() {
        return organisation;
    }

    public Identity fabricIdentity() {
        return new X509Identity(organisation.mspId(), certificate);
    }

    /** The enrolment certificate; the exchange node signs delivery manifests with it (CMS). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The enrolment key, for the exchange node's manifest signatures; never leaves this process. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Signs with the JDK: nothing to load first, for processes that sign a few times (gbx calls, nodes). */
    public Signer signer() {
        return new JdkEcdsaSigner(privateKey);
    }

    /** The Gateway SDK's signer (Bouncy Castle): slow to load, faster per signature, for benchmarks. */
    public Signer throughputSigner() {
        return Signers.newPrivateKeySigner(privateKey);
    }
}
