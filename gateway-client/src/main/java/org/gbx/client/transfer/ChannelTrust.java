package org.gbx.client.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gbx.client.config.NetworkConfig;
import org.gbx.client.config.Organisation;

/**
 * The channel organisations' CA certificates, as each force's node knows them: per MSP, the TLS
 * CA (whose certificates exchange nodes present) and the enrolment CA (whose members sign
 * manifests). A certificate from anywhere else is a stranger.
 *
 * <p>Read from each organisation's MSP folder ({@code mspPath}: {@code tlscacerts} and
 * {@code cacerts}), plus the peer's TLS root from the connection config.
 */
public final class ChannelTrust {

    private final Map<String, List<X509Certificate>> tlsCas;
    private final Map<String, List<X509Certificate>> enrolmentCas;

    public ChannelTrust(Map<String, List<X509Certificate>> tlsCas, Map<String, List<X509Certificate>> enrolmentCas) {
        this.tlsCas = Map.copyOf(tlsCas);
        this.enrolmentCas = Map.copyOf(enrolmentCas);
    }

    public static ChannelTrust of(NetworkConfig config) {
        Map<String, List<X509Certificate>> tls = new LinkedHashMap<>();
        Map<String, List<X509Certificate>> enrolment = new LinkedHashMap<>();
        for (Organisation organisation : config.organisations()) {
            Path msp = organisation.mspPath();
            List<X509Certificate> tlsCerts = new ArrayList<>(msp == null ? List.of() : readFolder(msp.resolve("tlscacerts")));
            if (organisation.peer() != null && organisation.peer().tlsRootCertPath() != null
                    && Files.isRegularFile(organisation.peer().tlsRootCertPath())) {
                tlsCerts.addAll(read(organisation.peer().tlsRootCertPath()));
            }
            tls.put(organisation.mspId(), tlsCerts.stream().distinct().toList());
            enrolment.put(organisation.mspId(), msp == null ? List.of() : readFolder(msp.resolve("cacerts")));
        }
        return new ChannelTrust(tls, enrolment);
    }

    public List<X509Certificate> tlsCas(String mspId) {
        return tlsCas.getOrDefault(mspId, List.of());
    }

    public List<X509Certificate> allTlsCas() {
        return tlsCas.values().stream().flatMap(List::stream).distinct().toList();
    }

    public List<X509Certificate> enrolmentCas(String mspId) {
        return enrolmentCas.getOrDefault(mspId, List.of());
    }

    /** The organisation whose TLS CA issued this certificate, if any of the channel's did. */
    public Optional<String> organisationOf(X509Certificate certificate) {
        for (Map.Entry<String, List<X509Certificate>> org : tlsCas.entrySet()) {
            if (issuedBy(certificate, org.getValue())) {
                return Optional.of(org.getKey());
            }
        }
        return Optional.empty();
    }

    private static boolean issuedBy(X509Certificate certificate, Collection<X509Certificate> cas) {
        if (cas.isEmpty()) {
            return false;
        }
        Set<TrustAnchor> anchors = cas.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
            return true;
        } catch (CertPathValidatorException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PKIX validator is unavailable", e);
        }
    }

    private static List<X509Certificate> readFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                certificates.addAll(read(file));
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Every certificate in a PEM file. */
    public static List<X509Certificate> read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read certificates from " + pem + ": " + e.getMessage(), e);
        }
    }
}
