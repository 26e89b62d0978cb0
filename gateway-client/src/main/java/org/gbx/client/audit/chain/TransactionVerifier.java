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
import java.util.stream.IntStream;
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

    /**
     * One transaction's share of the outcome. {@code failure} is a runtime exception the
     * transaction threw, kept to be rethrown in index order on the calling thread: the block is
     * then unreadable, exactly as when the transactions were checked one after another.
     */
    private record Checked(Optional<LedgerTransaction> transaction, List<VerificationProblem> problems,
            Optional<ChannelTrust> newTrust, Optional<RuntimeException> failure) {
    }

    Outcome verify(long number, Block block, Optional<ChannelTrust> trust) {
        byte[] flags = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray()
                : new byte[0];
        // Signature checks are most of the walk's CPU and a block holds up to ~100 transactions:
        // check them in parallel (they depend only on the trust in force before the block).
        List<Checked> checked = IntStream.range(0, block.getData().getDataCount()).parallel()
                .mapToObj(index -> check(number, index, block.getData().getData(index),
                        index < flags.length ? validationName(flags[index]) : "NOT_VALIDATED", trust.orElse(null)))
                .toList();
        return inIndexOrder(checked);
    }

    /** Folds the transactions' results as the block orders them; a later config transaction wins. */
    private static Outcome inIndexOrder(List<Checked> checked) {
        List<LedgerTransaction> transactions = new ArrayList<>();
        List<VerificationProblem> problems = new ArrayList<>();
        Optional<ChannelTrust> newTrust = Optional.empty();
        for (Checked one : checked) {
            if (one.failure().isPresent()) {
                throw one.failure().get();
            }
            one.transaction().ifPresent(transactions::add);
            problems.addAll(one.problems());
            if (one.newTrust().isPresent()) {
                newTrust = one.newTrust();
            }
        }
        return new Outcome(transactions, problems, newTrust);
    }

    /** @param trust the configuration in force; null for the genesis block, which defines it */
    private Checked check(long number, int index, ByteString envelopeBytes, String validation, ChannelTrust trust) {
        List<VerificationProblem> problems = new ArrayList<>();
        try {
            Envelope envelope = Envelope.parseFrom(envelopeBytes);
            Payload payload = Payload.parseFrom(envelope.getPayload());
            ChannelHeader channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            SignatureHeader signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
            String txId = channelHeader.getTxId();
            boolean valid = "VALID".equals(validation);
            // The genesis block's config transaction is unsigned and defines the trust itself.
            String creatorMsp = "";
            if (trust != null) {
                SignatureCheck.Result creator = SignatureCheck.verify(trust, signatureHeader.getCreator(),
                        envelope.getPayload().toByteArray(), envelope.getSignature());
                creatorMsp = creator.mspId();
                if (valid && !creator.valid()) {
                    problems.add(new VerificationProblem(number, txId, ProblemKind.CREATOR_SIGNATURE_INVALID,
                            creator.problem().get()));
                }
            }
            Endorsed endorsed = new Endorsed("", "", Set.of(), List.of());
            Optional<ChannelTrust> newTrust = Optional.empty();
            if (channelHeader.getType() == HeaderType.ENDORSER_TRANSACTION_VALUE) {
                endorsed = endorsed(number, txId, payload.getData(), trust, valid, problems);
            } else if (channelHeader.getType() == HeaderType.CONFIG_VALUE && (valid || number == 0)) {
                ConfigEnvelope config = ConfigEnvelope.parseFrom(payload.getData());
                newTrust = Optional.of(ChannelTrust.from(config.getConfig(), number));
                endorsed = new Endorsed("", "(channel configuration)", Set.of(), List.of());
            }
            Instant timestamp = Instant.ofEpochSecond(channelHeader.getTimestamp().getSeconds(),
                    channelHeader.getTimestamp().getNanos());
            return new Checked(Optional.of(new LedgerTransaction(number, index, txId, timestamp, creatorMsp,
                    endorsed.chaincode(), endorsed.function(), validation, endorsed.endorsers(),
                    valid ? endorsed.writes() : List.of())), problems, newTrust, Optional.empty());
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            // Problems found before the transaction turned out undecodable stay reported.
            problems.add(VerificationProblem.inBlock(number, ProblemKind.UNREADABLE_BLOCK,
                    "transaction " + index + " cannot be decoded (" + e.getMessage() + ")"));
            return new Checked(Optional.empty(), problems, Optional.empty(), Optional.empty());
        } catch (RuntimeException e) {
            return new Checked(Optional.empty(), List.of(), Optional.empty(), Optional.of(e));
        }
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
