package org.gbx.client.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Decodes every transaction of a block and checks its signatures: the creator's signature over
 * the envelope and each endorser's signature over the proposal response, against the MSPs of the
 * channel configuration. A transaction the peers marked invalid is kept (with its validation
 * code) but its signatures are not held against the ledger: the peers already refused it.
 */
final class TransactionVerifier {

    record Outcome(List<LedgerTransaction> transactions, List<VerificationProblem> problems,
            Optional<ChannelTrust> newTrust) {
    }

    /** The parts of one endorser transaction this verifier needs after checking it. */
    private record Endorsed(String chaincode, String function, Set<String> endorsers, List<LedgerWrite> writes) {
    }

    Outcome verify(long number, Block block, Optional<ChannelTrust> trust) {
        byte[] flags = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray()
                : new byte[0];
        List<LedgerTransaction> transactions = new ArrayList<>();
        List<VerificationProblem> problems = new ArrayList<>();
        Optional<ChannelTrust> newTrust = Optional.empty();
        for (int index = 0; index < block.getData().getDataCount(); index++) {
            String validation = index < flags.length ? validationName(flags[index]) : "NOT_VALIDATED";
            try {
                Envelope envelope = Envelope.parseFrom(block.getData().getData(index));
                Payload payload = Payload.parseFrom(envelope.getPayload());
                ChannelHeader channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
                SignatureHeader signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
                String txId = channelHeader.getTxId();
                boolean valid = "VALID".equals(validation);
                // The genesis block's config transaction is unsigned and defines the trust itself.
                ChannelTrust effective = trust.orElse(null);
                String creatorMsp = "";
                if (effective != null) {
                    SignatureCheck.Result creator = SignatureCheck.verify(effective, signatureHeader.getCreator(),
                            envelope.getPayload().toByteArray(), envelope.getSignature());
                    creatorMsp = creator.mspId();
                    if (valid && !creator.valid()) {
                        problems.add(new VerificationProblem(number, txId, ProblemKind.CREATOR_SIGNATURE_INVALID,
                                creator.problem().get()));
                    }
                }
                Endorsed endorsed = new Endorsed("", "", Set.of(), List.of());
                if (channelHeader.getType() == HeaderType.ENDORSER_TRANSACTION_VALUE) {
                    endorsed = endorsed(number, txId, payload.getData(), effective, valid, problems);
                } else if (channelHeader.getType() == HeaderType.CONFIG_VALUE && (valid || number == 0)) {
                    ConfigEnvelope config = ConfigEnvelope.parseFrom(payload.getData());
                    newTrust = Optional.of(ChannelTrust.from(config.getConfig(), number));
                    endorsed = new Endorsed("", "(channel configuration)", Set.of(), List.of());
                }
                Instant timestamp = Instant.ofEpochSecond(channelHeader.getTimestamp().getSeconds(),
                        channelHeader.getTimestamp().getNanos());
                transactions.add(new LedgerTransaction(number, index, txId, timestamp, creatorMsp,
                        endorsed.chaincode(), endorsed.function(), validation, endorsed.endorsers(),
                        valid ? endorsed.writes() : List.of()));
            } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
                problems.add(VerificationProblem.inBlock(number, ProblemKind.UNREADABLE_BLOCK,
                        "transaction " + index + " cannot be decoded (" + e.getMessage() + ")"));
            }
        }
        return new Outcome(transactions, problems, newTrust);
    }

    private static String validationName(byte flag) {
        TxValidationCode code = TxValidationCode.forNumber(flag & 0xff);
        return code == null ? "UNKNOWN_" + (flag & 0xff) : code.name();
    }

    private Endorsed endorsed(long number, String txId, ByteString data, ChannelTrust trust, boolean valid,
            List<VerificationProblem> problems) throws InvalidProtocolBufferException {
        Transaction transaction = Transaction.parseFrom(data);
        String chaincode = "";
        String function = "";
        Set<String> endorsers = new TreeSet<>();
        List<LedgerWrite> writes = new ArrayList<>();
        for (TransactionAction action : transaction.getActionsList()) {
            ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
            ByteString responsePayload = actionPayload.getAction().getProposalResponsePayload();
            for (Endorsement endorsement : actionPayload.getAction().getEndorsementsList()) {
                if (trust == null) {
                    continue;
                }
                SignatureCheck.Result result = SignatureCheck.verify(trust, endorsement.getEndorser(),
                        responsePayload.concat(endorsement.getEndorser()).toByteArray(), endorsement.getSignature());
                if (result.valid()) {
                    endorsers.add(result.mspId());
                } else if (valid) {
                    problems.add(new VerificationProblem(number, txId, ProblemKind.ENDORSEMENT_INVALID,
                            "endorsement by " + result.mspId() + ": " + result.problem().get()));
                }
            }
            ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(
                    ProposalResponsePayload.parseFrom(responsePayload).getExtension());
            chaincode = chaincodeAction.getChaincodeId().getName();
            function = functionName(actionPayload.getChaincodeProposalPayload());
            writes.addAll(writes(chaincodeAction.getResults()));
        }
        return new Endorsed(chaincode, function, endorsers, writes);
    }

    /** The first argument of the invocation is the transaction name (the rest is not needed). */
    private static String functionName(ByteString proposalPayload) throws InvalidProtocolBufferException {
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.parseFrom(
                ChaincodeProposalPayload.parseFrom(proposalPayload).getInput());
        List<ByteString> arguments = invocation.getChaincodeSpec().getInput().getArgsList();
        return arguments.isEmpty() ? "" : arguments.get(0).toStringUtf8();
    }

    private static List<LedgerWrite> writes(ByteString results) throws InvalidProtocolBufferException {
        List<LedgerWrite> writes = new ArrayList<>();
        for (NsReadWriteSet namespace : TxReadWriteSet.parseFrom(results).getNsRwsetList()) {
            for (KVWrite write : KVRWSet.parseFrom(namespace.getRwset()).getWritesList()) {
                writes.add(new LedgerWrite(namespace.getNamespace(), write.getKey(),
                        write.getIsDelete() ? null : new String(write.getValue().toByteArray(), StandardCharsets.UTF_8),
                        write.getIsDelete()));
            }
        }
        return writes;
    }
}
