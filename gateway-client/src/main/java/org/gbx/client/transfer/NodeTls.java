package org.gbx.client.transfer;

import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A node's TLS identity (its certificate and PKCS#8 key, issued by its force's TLS CA) and the
 * trust managers that accept only given CAs: no system roots, ever.
 */
public record NodeTls(Path certificate, Path privateKey) {

    /** A node server's side: this certificate, client certificates required from any channel organisation's TLS CA. */
    public ServerCredentials serverCredentials(ChannelTrust trust) throws IOException {
        return TlsServerCredentials.newBuilder()
                .keyManager(certificate.toFile(), privateKey.toFile())
                .trustManager(trusting(trust.allTlsCas()))
                .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
                .build();
    }

    /** A node client's side: this certificate, and only {@code serverCas} trusted for the server's. */
    public ChannelCredentials channelCredentials(Collection<X509Certificate> serverCas) throws IOException {
        return TlsChannelCredentials.newBuilder()
                .keyManager(certificate.toFile(), privateKey.toFile())
                .trustManager(trusting(serverCas))
                .build();
    }

    static TrustManager[] trusting(Collection<X509Certificate> cas) {
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("no CA certificate to trust");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : cas) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
