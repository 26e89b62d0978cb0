package org.gbx.it;

import static org.assertj.core.api.Assertions.assertThat;


import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gbx.client.connection.LedgerConnection;
import org.gbx.client.model.CaseDetails;
import org.hyperledger.fabric.client.CallOption;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import org.hyperledger.fabric.client.Transaction;
import com.google.protobuf.ByteString;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.orderer.AtomicBroadcastGrpc;
import org.hyperledger.fabric.protos.orderer.BroadcastResponse;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A force's peer really behind the others (its ordering node stopped, see {@link LaggingPeer}):
 * an officer of that force acting on a request its peer has not seen yet, and an officer of the
 * other force whose step that peer must endorse, both wait for the peer to catch up and then
 * succeed, instead of "no such request" or "the status does not allow this".
 */
class PeerLagIT {

    /** Longer than any wait gbx had before (5 s for a new request), shorter than its patience (20 s). */
    private static final Duration BEHIND_FOR = Duration.ofSeconds(8);
    private static final CallOption SLOW = CallOption.deadlineAfter(60, TimeUnit.SECONDS);

    @TempDir
    Path dir;

    @Test
    void officers_of_both_forces_wait_for_the_peer_that_is_behind_and_then_act() throws Exception {
        long begin = System.nanoTime();
        String toMacau = created(TestNetwork.ZHUHAI_LIAISON, "macau");
        System.out.println("PeerLagIT: created in " + since(begin));
        GbxCli.Result seen = GbxCli.as(TestNetwork.MACAU_APPROVER, "request", "show", toMacau);
        System.out.println("PeerLagIT: seen by Macau in " + since(begin));
        assertThat(seen.exitCode()).as(seen.toString()).isZero();
        String toZhuhai = TestNetwork.uniqueId("LAG");
        ExecutorService officers = Executors.newFixedThreadPool(2);
        Future<GbxCli.Result> grant;
        Future<GbxCli.Result> revoke;
        try (LedgerConnection macauLiaison = TestNetwork.connect(TestNetwork.MACAU_LIAISON);
                LedgerConnection macauApprover = TestNetwork.connect(TestNetwork.MACAU_APPROVER)) {
            long start = System.nanoTime();
            try (LaggingPeer behind = LaggingPeer.behind("zhuhai", "macau")) {
                System.out.println("PeerLagIT: " + behind.orderer() + " stopped after " + since(start));
                Instant now = Instant.now();
                Future<?> create = officers.submit(() -> submit(macauLiaison, behind, "CreateRequest", toZhuhai,
                        "{\"targetOrg\":\"ZhuhaiPSBMSP\",\"purpose\":\"Trace a vehicle seen at Hengqin port\","
                        + "\"legalBasis\":\"Liaison agreement art. 3\",\"handlingCode\":\"H0\","
                        + "\"categories\":[\"IDENTITY\",\"VEHICLES\"],\"urgency\":\"NORMAL\",\"retentionDays\":30}",
                        "PENDING"));
                Future<?> approve = officers.submit(() -> submit(macauApprover, behind, "ApproveRequest", toMacau,
                        "{\"categories\":[\"IDENTITY\"],\"expiresAt\":\"" + now.plus(Duration.ofDays(7))
                        + "\",\"destroyBy\":\"" + now.plus(Duration.ofDays(14)) + "\",\"maxAccesses\":3}",
                        "PARTIALLY_APPROVED"));
                create.get(120, TimeUnit.SECONDS);
                approve.get(120, TimeUnit.SECONDS);
                System.out.println("PeerLagIT: ordered with " + behind.orderer() + " stopped in " + since(start));
                long zhuhai = height(macauLiaison, "ZhuhaiPSBMSP");
                long macau = height(macauLiaison, "MacauPJMSP");
                assertThat(zhuhai).as("Zhuhai's peer is behind (" + behind.orderer() + " stopped): Zhuhai holds "
                        + zhuhai + " blocks, Macau " + macau).isLessThan(macau);

                grant = officers.submit(() -> GbxCli.as(TestNetwork.ZHUHAI_APPROVER, "request", "approve", toZhuhai,
                        "--categories", "IDENTITY", "--expires", "7d", "--destroy-by", "14d"));
                revoke = officers.submit(() -> GbxCli.as(TestNetwork.MACAU_APPROVER, "request", "revoke", toMacau,
                        "--reason", "Case closed by the requesting force"));
                Thread.sleep(BEHIND_FOR.toMillis());
                assertThat(grant.isDone()).as("Zhuhai's approver still waits for its peer: "
                        + (grant.isDone() ? grant.get() : "")).isFalse();
                assertThat(revoke.isDone()).as("Macau's approver still waits for Zhuhai's peer: "
                        + (revoke.isDone() ? revoke.get() : "")).isFalse();
            }
            long resumed = System.nanoTime();
            GbxCli.Result granted = grant.get(60, TimeUnit.SECONDS);
            System.out.println("PeerLagIT: granted " + since(resumed) + " after the peer could catch up");
            GbxCli.Result revoked = revoke.get(60, TimeUnit.SECONDS);
            System.out.println("PeerLagIT: revoked " + since(resumed) + " after the peer could catch up");
            assertThat(granted.exitCode()).as(granted.toString()).isZero();
            assertThat(granted.out()).contains("is now partially approved");
            assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
            assertThat(revoked.out()).contains("is now revoked");
        } finally {
            officers.shutdownNow();
        }
    }

    private String created(TestNetwork.User liaison, String target) throws Exception {
        String id = TestNetwork.uniqueId("LAG");
        GbxCli.Result created = GbxCli.as(liaison, "request", "create", "--id", id, "--target", target,
                "--purpose", "Confirm a border crossing at Gongbei port", "--legal-basis", "Liaison agreement art. 3",
                "--categories", "IDENTITY,BORDER_CROSSINGS", "--details", GbxCli.caseDetailsFile(dir).toString());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return id;
    }

    /**
     * Endorsed through the Gateway by both forces, then sent straight to an ordering node that runs:
     * through the Gateway, a broadcast that met the stopped node first would reach the ordering
     * service twice once it continued (the copy is invalid as a duplicate, but its private data never
     * comes, and every peer waits a minute for it). Answers once the caller's own peer committed it.
     */
    private Void submit(LedgerConnection connection, LaggingPeer behind, String transaction, String requestId,
            String json, String committedWhen) throws Exception {
        var proposal = connection.contract().newProposal(transaction).addArguments(requestId, json)
                .setEndorsingOrganizations("MacauPJMSP", "ZhuhaiPSBMSP");
        if (transaction.equals("CreateRequest")) {
            // sealed as gbx seals them: the chaincode takes nothing else
            proposal.putTransient("details", TestNetwork.sealedForNoOne(requestId,
                    CaseDetails.of(Files.readAllBytes(GbxCli.caseDetailsFile(dir)))).bytes());
        }
        Transaction endorsed = proposal.build().endorse(SLOW);
        Path tlsCa = TestNetwork.config().requireOrganisation(behind.runningOrderer()).peer().tlsRootCertPath();
        ManagedChannel orderer = Grpc.newChannelBuilder("127.0.0.1:" + behind.runningOrdererPort(),
                TlsChannelCredentials.newBuilder().trustManager(tlsCa.toFile()).build()).build();
        // Signed here as the Gateway SDK signs it when it submits: the creator's signature over the payload.
        Envelope unsigned = PreparedTransaction.parseFrom(endorsed.getBytes()).getEnvelope();
        Envelope signed = unsigned.toBuilder().setSignature(ByteString.copyFrom(
                connection.identity().signer().sign(endorsed.getDigest()))).build();
        try {
            // A follower answers SUCCESS once it forwarded the envelope to the Raft leader; when the
            // stopped node was the leader, a forwarded envelope can be lost in the election. The same
            // envelope again is safe: a copy that also arrives is invalid as a duplicate.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int attempt = 1; !committed(connection, requestId, committedWhen); attempt++) {
                assertThat(System.nanoTime()).as(transaction + " committed on the own peer within 60 s ("
                        + (attempt - 1) + " broadcasts)").isLessThan(deadline);
                broadcast(orderer, signed, transaction);
                long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (System.nanoTime() < next && !committed(connection, requestId, committedWhen)) {
                    Thread.sleep(200);
                }
            }
        } finally {
            orderer.shutdownNow();
        }
        return null;
    }

    private static void broadcast(ManagedChannel orderer, Envelope signed, String transaction) throws Exception {
        CompletableFuture<BroadcastResponse> answered = new CompletableFuture<>();
        StreamObserver<Envelope> send = AtomicBroadcastGrpc.newStub(orderer).broadcast(new StreamObserver<>() {
            @Override
            public void onNext(BroadcastResponse response) {
                answered.complete(response);
            }

            @Override
            public void onError(Throwable t) {
                answered.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        send.onNext(signed);
        BroadcastResponse response = answered.get(60, TimeUnit.SECONDS);
        send.onCompleted();
        assertThat(response.getStatus()).as(transaction + ": " + response.getInfo())
                .isEqualTo(org.hyperledger.fabric.protos.common.Status.SUCCESS);
    }

    private static boolean committed(LedgerConnection connection, String requestId, String status) {
        try {
            String json = new String(connection.contract().evaluateTransaction("GetRequest", requestId),
                    java.nio.charset.StandardCharsets.UTF_8);
            return json.contains("\"status\":\"" + status + "\"");
        } catch (org.hyperledger.fabric.client.GatewayException e) {
            return false;
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static long height(LedgerConnection connection, String mspId) throws Exception {
        byte[] info = connection.network().getContract("qscc").newProposal("GetChainInfo")
                .addArguments(connection.config().channel()).setEndorsingOrganizations(mspId).build().evaluate();
        return BlockchainInfo.parseFrom(info).getHeight();
    }

}
