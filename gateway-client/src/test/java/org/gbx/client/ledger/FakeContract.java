package org.gbx.client.ledger;

import com.google.protobuf.Any;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * An in-process stand-in for a Gateway contract: each proposal built takes the next scripted
 * outcome (a commit validation code, or an endorsement refusal). Records every proposal built.
 */
final class FakeContract {

    /** What happens to one proposal. */
    sealed interface Outcome permits Commits, EndorsementRefused {
    }

    record Commits(TxValidationCode code, String result) implements Outcome {
    }

    record EndorsementRefused(io.grpc.Status.Code grpcCode, String mspId, String peerMessage) implements Outcome {
    }

    /** A proposal as the fake saw it built. */
    record Built(String transactionId, String name, List<String> arguments, Map<String, byte[]> transientData,
            List<String> endorsingOrganisations) {
    }

    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private final List<Built> built = new ArrayList<>();

    FakeContract then(Outcome outcome) {
        outcomes.add(outcome);
        return this;
    }

    List<Built> built() {
        return built;
    }

    Contract contract() {
        return proxy(Contract.class, (p, method, args) -> switch (method.getName()) {
            case "newProposal" -> builder((String) args[0]);
            case "getChaincodeName" -> "exchange";
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private Proposal.Builder builder(String name) {
        List<String> arguments = new ArrayList<>();
        Map<String, byte[]> transientData = new java.util.HashMap<>();
        List<String> endorsers = new ArrayList<>();
        return proxy(Proposal.Builder.class, (self, method, args) -> {
            switch (method.getName()) {
                case "addArguments" -> arguments.addAll(List.of((String[]) args[0]));
                case "putAllTransient" -> transientData.putAll((Map<String, byte[]>) args[0]);
                case "setEndorsingOrganizations" -> endorsers.addAll(List.of((String[]) args[0]));
                case "build" -> {
                    Built b = new Built("tx" + (built.size() + 1), name, arguments, transientData, endorsers);
                    built.add(b);
                    return proposal(b, outcomes.removeFirst());
                }
                default -> throw new UnsupportedOperationException(method.getName());
            }
            return self;
        });
    }

    private Proposal proposal(Built b, Outcome outcome) {
        return proxy(Proposal.class, (self, method, args) -> switch (method.getName()) {
            case "getTransactionId" -> b.transactionId();
            case "evaluate" -> {
                if (outcome instanceof EndorsementRefused refused) {
                    throw new EndorseException(b.transactionId(), refusal(refused));
                }
                yield ((Commits) outcome).result().getBytes(StandardCharsets.UTF_8);
            }
            case "endorse" -> {
                if (outcome instanceof EndorsementRefused refused) {
                    throw new EndorseException(b.transactionId(), refusal(refused));
                }
                yield transaction(b, (Commits) outcome);
            }
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private Transaction transaction(Built b, Commits commits) {
        SubmittedTransaction submitted = proxy(SubmittedTransaction.class, (self, method, args) ->
                switch (method.getName()) {
                    case "getResult" -> commits.result().getBytes(StandardCharsets.UTF_8);
                    case "getTransactionId" -> b.transactionId();
                    case "getStatus" -> status(b.transactionId(), commits.code());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return proxy(Transaction.class, (self, method, args) -> switch (method.getName()) {
            case "submitAsync" -> submitted;
            case "getTransactionId" -> b.transactionId();
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private static Status status(String transactionId, TxValidationCode code) {
        return proxy(Status.class, (self, method, args) -> switch (method.getName()) {
            case "getTransactionId" -> transactionId;
            case "getBlockNumber" -> 42L;
            case "getCode" -> code;
            case "isSuccessful" -> code == TxValidationCode.VALID;
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private static StatusRuntimeException refusal(EndorsementRefused refused) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(refused.grpcCode().value())
                .setMessage("failed to endorse transaction, see attached details for more info")
                .addDetails(Any.pack(ErrorDetail.newBuilder()
                        .setMspId(refused.mspId())
                        .setAddress("127.0.0.1:8051")
                        .setMessage(refused.peerMessage())
                        .build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FakeContract.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
