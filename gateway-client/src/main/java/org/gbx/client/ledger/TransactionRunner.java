package org.gbx.client.ledger;

import java.time.Duration;
import org.gbx.client.connection.Deadlines;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;

/** Runs {@link TransactionCall}s on a contract with deadlines, conflict retry and typed failures. */
final class TransactionRunner {

    /** Waits between attempts; a seam so tests need not sleep. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Contract contract;
    private final Deadlines deadlines;
    private final ConflictRetry retry;
    private final Pause pause;

    TransactionRunner(Contract contract, Deadlines deadlines, ConflictRetry retry, Pause pause) {
        this.contract = contract;
        this.deadlines = deadlines;
        this.retry = retry;
        this.pause = pause;
    }

    byte[] evaluate(TransactionCall call) {
        Proposal proposal = propose(call);
        try {
            return proposal.evaluate(deadlines.evaluateOption());
        } catch (GatewayException e) {
            throw FailureTranslator.translate(call.name(), LedgerUnavailableException.Step.EVALUATE,
                    proposal.getTransactionId(), e);
        }
    }

    /** The submitted transaction's result payload and receipt. */
    record Outcome(byte[] result, SubmitReceipt receipt) {
    }

    Outcome submit(TransactionCall call) {
        return submit(call, mismatch -> { });
    }

    /**
     * Submits {@code call}; before trying again after endorsements that did not match, lets
     * {@code beforeRetry} wait for a peer that is behind (it may throw to give up).
     */
    Outcome submit(TransactionCall call, java.util.function.Consumer<EndorsementFailedException> beforeRetry) {
        boolean lostRace = false;
        for (int attempt = 1; ; attempt++) {
            Proposal proposal = propose(call);
            SubmittedTransaction submitted;
            try {
                submitted = endorseAndSubmit(call, proposal);
            } catch (ChaincodeRefusalException e) {
                throw lostRace ? e.afterLostRace() : e;
            } catch (EndorsementFailedException e) {
                if (!retry.isRetryable(e) || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                beforeRetry.accept(e);
                pauseBefore(attempt + 1, e);
                continue;
            }
            Status status = commitStatus(call, submitted);
            if (status.isSuccessful()) {
                return new Outcome(submitted.getResult(),
                        new SubmitReceipt(status.getTransactionId(), status.getBlockNumber(), attempt));
            }
            if (!retry.isRetryable(status.getCode()) || attempt >= retry.maxAttempts()) {
                throw new CommitRejectedException(call.name(), status.getTransactionId(), status.getCode().name());
            }
            lostRace = true;
            pauseBefore(attempt + 1, new CommitRejectedException(call.name(), status.getTransactionId(),
                    status.getCode().name()));
        }
    }

    private Proposal propose(TransactionCall call) {
        Proposal.Builder builder = contract.newProposal(call.name())
                .addArguments(call.arguments().toArray(String[]::new));
        if (!call.transientData().isEmpty()) {
            builder.putAllTransient(call.transientData());
        }
        if (!call.endorsingMspIds().isEmpty()) {
            builder.setEndorsingOrganizations(call.endorsingMspIds().toArray(String[]::new));
        }
        return builder.build();
    }

    private SubmittedTransaction endorseAndSubmit(TransactionCall call, Proposal proposal) {
        Transaction transaction;
        try {
            transaction = proposal.endorse(deadlines.endorseOption());
        } catch (EndorseException e) {
            throw FailureTranslator.translate(call.name(), LedgerUnavailableException.Step.ENDORSE,
                    e.getTransactionId(), e);
        }
        try {
            return transaction.submitAsync(deadlines.submitOption());
        } catch (SubmitException e) {
            throw FailureTranslator.translate(call.name(), LedgerUnavailableException.Step.SUBMIT,
                    e.getTransactionId(), e);
        }
    }

    private Status commitStatus(TransactionCall call, SubmittedTransaction submitted) {
        try {
            return submitted.getStatus(deadlines.commitStatusOption());
        } catch (CommitStatusException e) {
            throw FailureTranslator.translate(call.name(), LedgerUnavailableException.Step.COMMIT_STATUS,
                    e.getTransactionId(), e);
        }
    }

    /** Waits before the next attempt; if interrupted, gives up with the last failure. */
    private void pauseBefore(int nextAttempt, LedgerException lastFailure) {
        try {
            pause.sleep(retry.backoffBefore(nextAttempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw lastFailure;
        }
    }
}
