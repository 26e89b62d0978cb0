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
import javax.net.ssl.SSLSession;

/**
 * Names the caller of a node service by the certificate it presented in the TLS handshake: the
 * channel organisation whose TLS CA issued it. A call without one is closed as unauthenticated
 * before it reaches the service; the service reads the organisation with {@link #current()}.
 */
public final class CallerOrganisation implements ServerInterceptor {

    private static final Context.Key<String> ORGANISATION = Context.key("gbx-caller-organisation");
    private static final Context.Key<String> PROTOCOL = Context.key("gbx-caller-tls-protocol");

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

    /** The TLS protocol of the calling connection (e.g. {@code TLSv1.3}), inside a call of a {@link #named} service. */
    public static String currentProtocol() {
        return PROTOCOL.get();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        String org = GrpcParts.peerCertificate(session).flatMap(trust::organisationOf).orElse(null);
        if (org == null) {
            call.close(Status.UNAUTHENTICATED.withDescription("no certificate from a channel organisation"),
                    new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return Contexts.interceptCall(Context.current().withValue(ORGANISATION, org)
                .withValue(PROTOCOL, session.getProtocol()), call, headers, next);
    }
}
