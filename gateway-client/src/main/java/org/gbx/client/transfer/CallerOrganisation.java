package org.gbx.client.transfer;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Names the caller of a node service by the certificate it presented in the TLS handshake: the
 * channel organisation whose TLS CA issued it. A call without one is closed as unauthenticated
 * before it reaches the service; the service reads the organisation with {@link #current()}.
 */
public final class CallerOrganisation implements ServerInterceptor {

    private static final Context.Key<String> ORGANISATION = Context.key("gbx-caller-organisation");

    private final ChannelTrust trust;

    private CallerOrganisation(ChannelTrust trust) {
        this.trust = trust;
    }

    /** The service, with every call's caller named. */
    public static ServerServiceDefinition named(ServerServiceDefinition service, ChannelTrust trust) {
        return ServerInterceptors.intercept(service, new CallerOrganisation(trust));
    }

    /** The MSP id of the organisation calling, inside a call of a {@link #named} service. */
    public static String current() {
        return ORGANISATION.get();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String org = organisationOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (org == null) {
            call.close(Status.UNAUTHENTICATED.withDescription("no certificate from a channel organisation"),
                    new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return Contexts.interceptCall(Context.current().withValue(ORGANISATION, org), call, headers, next);
    }

    private String organisationOf(SSLSession session) {
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf
                    ? trust.organisationOf(leaf).orElse(null) : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
