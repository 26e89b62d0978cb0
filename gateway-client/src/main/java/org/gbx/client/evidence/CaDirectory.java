package org.gbx.client.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gbx.client.audit.chain.ChannelTrust;
import org.gbx.client.audit.chain.MspCertificates;

/**
 * The only trust an offline verification has: one {@code <MSPID>.pem} per channel organisation,
 * holding that organisation's CA certificate(s). Every organisation of this network also runs an
 * ordering node (docs/network.md), so each may sign blocks.
 */
public final class CaDirectory {
    private CaDirectory() {
    }

    public static ChannelTrust load(Path directory) {
        Map<String, MspCertificates> msps = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                String mspId = file.getFileName().toString().replaceFirst("\\.pem$", "");
                msps.put(mspId, new MspCertificates(mspId, certificates(file, Files.readAllBytes(file)), List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the CA directory " + directory + " cannot be read", e);
        }
        if (msps.isEmpty()) {
            throw new EvidenceException(EvidenceException.Reason.CA_FOLDER_EMPTY, directory);
        }
        return new ChannelTrust(-1, msps, msps.keySet());
    }

    private static List<X509Certificate> certificates(Path file, byte[] pem) {
        try (InputStream in = new ByteArrayInputStream(pem)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new EvidenceException(EvidenceException.Reason.CA_FILE_UNREADABLE, file);
            }
            return certificates;
        } catch (CertificateException | IOException e) {
            throw new EvidenceException(EvidenceException.Reason.CA_FILE_UNREADABLE, file);
        }
    }
}
